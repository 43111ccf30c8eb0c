// Lookups into a run record by suite × provider × metric, so each reporter finds the target,
// the baseline comparison and the gate failure for a metric without re-scanning the arrays.
import type { GateFailure, MetricComparison, RunRecord, SuiteSummary, TargetCheck } from '../run/types.js';

export interface RecordIndex {
  target(suite: string, provider: string, metric: string): TargetCheck | undefined;
  targets(suite: string, provider: string): TargetCheck[];
  comparison(suite: string, provider: string, metric: string): MetricComparison | undefined;
  comparisons(suite: string, provider: string): MetricComparison[];
  failures(suite: string, provider: string, metric: string): GateFailure[];
  summary(suite: string, provider: string): SuiteSummary | undefined;
}

export function indexRecord(record: RunRecord): RecordIndex {
  const key = (...parts: string[]): string => parts.join('\u0000');
  const targetByMetric = new Map(record.targets.map((t) => [key(t.suite, t.provider, t.metric), t]));
  const comparisonByMetric = new Map(record.comparison.map((c) => [key(c.suite, c.provider, c.metric), c]));
  const summaryByPair = new Map(record.summary.map((s) => [key(s.suite, s.provider), s]));
  return {
    target: (suite, provider, metric) => targetByMetric.get(key(suite, provider, metric)),
    targets: (suite, provider) => record.targets.filter((t) => t.suite === suite && t.provider === provider),
    comparison: (suite, provider, metric) => comparisonByMetric.get(key(suite, provider, metric)),
    comparisons: (suite, provider) =>
      record.comparison.filter((c) => c.suite === suite && c.provider === provider),
    failures: (suite, provider, metric) =>
      record.gate.failures.filter((f) => f.suite === suite && f.provider === provider && f.metric === metric),
    summary: (suite, provider) => summaryByPair.get(key(suite, provider)),
  };
}

/** "support-qa · openai/gpt-4o-mini": how every reporter names one suite × provider. */
export function pairLabel(suite: string, provider: string): string {
  return `${suite} · ${provider}`;
}
