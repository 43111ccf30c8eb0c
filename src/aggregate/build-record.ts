// Everything derived from results.jsonl: per suite × provider summaries, the bias audit, the
// paired comparison with the baseline, target checks and the gate decision. Pure, so
// `evalgate report` recomputes the same record from a run folder without calling a model.
import type { EvalConfig } from '../config/schema.js';
import { checkTargets } from '../gate/check-targets.js';
import { compareRuns } from '../gate/compare-runs.js';
import { decideGate } from '../gate/decide-gate.js';
import { describeChanges } from '../gate/describe-changes.js';
import { perCaseTable, transposeTable } from '../run/per-case-table.js';
import type { Baseline, CaseResult, RunManifest, RunRecord, SuiteSummary } from '../run/types.js';
import { auditBias } from './bias-audit.js';
import { summarizeSuite } from './summarize-suite.js';

export interface BuildRecordOptions {
  manifest: RunManifest;
  results: readonly CaseResult[];
  config: EvalConfig;
  baseline: Baseline | null;
}

export function buildRecord(options: BuildRecordOptions): RunRecord {
  const { manifest, results, config, baseline } = options;
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    const key = `${r.suite}\u0000${r.provider}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const suiteOrder = config.suites.map((s) => s.name);
  const summaries: SuiteSummary[] = [];
  for (const key of [...groups.keys()].sort((a, b) => compareGroupKeys(a, b, suiteOrder))) {
    const list = groups.get(key)!;
    const [suiteName, provider] = key.split('\u0000');
    const suite = config.suites.find((s) => s.name === suiteName);
    const providerInfo = manifest.providers.find((p) => p.id === provider);
    summaries.push(
      summarizeSuite({
        suite: suiteName,
        task: list[0].task,
        provider,
        model: providerInfo?.model ?? provider,
        promptVersion: list[0].promptVersion,
        labels: suite?.labels,
        results: list,
        resamples: config.gate.resamples,
        confidence: config.gate.confidence,
        seed: config.seed,
      }),
    );
  }
  const bias = auditBias({ results, config, summaries });
  const comparison = baseline
    ? compareRuns({
        baseline: transposeTable(baseline.cases),
        candidate: perCaseTable(results),
        gatedMetrics: Object.keys(config.gate.max_drop),
        confidence: config.gate.confidence,
        resamples: config.gate.resamples,
        seed: config.seed,
      })
    : [];
  const targets = checkTargets(summaries, config.targets);
  const ran = new Set(summaries.map((s) => s.suite));
  const missingSuites = Object.keys(config.targets).filter(
    (suite) => !ran.has(suite) && manifest.suites.some((s) => s.name === suite),
  );
  // A gated metric that is per-case in neither run can never be compared: a typo, or a
  // suite-level statistic (latency percentile, macro-F1) that only a target can judge.
  // With --suite only some suites ran, so an absent metric is only suspicious when all ran.
  const perCaseMetrics = new Set([
    ...results.flatMap((r) => Object.keys(r.scores)),
    ...baselineMetricNames(baseline),
  ]);
  const statistics = new Set(
    summaries.flatMap((s) =>
      Object.entries(s.metrics)
        .filter(([, m]) => m.kind === 'statistic')
        .map(([name]) => name),
    ),
  );
  const allSuitesRan = config.suites.every((s) => manifest.suites.some((m) => m.name === s.name));
  const ungatedMetrics = baseline
    ? Object.keys(config.gate.max_drop).filter(
        (m) => statistics.has(m) || (allSuitesRan && !perCaseMetrics.has(m)),
      )
    : [];
  const gate = decideGate({
    summaries,
    targets,
    comparisons: comparison,
    biasRows: bias.rows,
    maxDrop: config.gate.max_drop,
    confidence: config.gate.confidence,
    maxErrorRate: config.gate.max_error_rate,
    hasBaseline: baseline !== null,
    missingSuites,
    ungatedMetrics,
  });
  return {
    manifest,
    summary: summaries,
    bias,
    comparison,
    targets,
    gate,
    changes: describeChanges(manifest, baseline),
  };
}

function compareGroupKeys(a: string, b: string, suiteOrder: string[]): number {
  const [sa, pa] = a.split('\u0000');
  const [sb, pb] = b.split('\u0000');
  const d = suiteOrder.indexOf(sa) - suiteOrder.indexOf(sb);
  return d !== 0 ? d : pa.localeCompare(pb);
}

function baselineMetricNames(baseline: Baseline | null): string[] {
  const names = new Set<string>();
  for (const byProvider of Object.values(baseline?.cases ?? {})) {
    for (const byCase of Object.values(byProvider))
      for (const metrics of Object.values(byCase)) for (const m of Object.keys(metrics)) names.add(m);
  }
  return [...names];
}
