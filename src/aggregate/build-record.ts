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
    summaries.push(summarizeSuite({
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
    }));
  }
  const bias = auditBias({ results, config, summaries });
  const comparison = baseline
    ? compareRuns({ baseline: transposeTable(baseline.cases), candidate: perCaseTable(results), gatedMetrics: Object.keys(config.gate.max_drop), confidence: config.gate.confidence, resamples: config.gate.resamples, seed: config.seed })
    : [];
  const targets = checkTargets(summaries, config.targets);
  const gate = decideGate({
    summaries,
    targets,
    comparisons: comparison,
    biasRows: bias.rows,
    maxDrop: config.gate.max_drop,
    confidence: config.gate.confidence,
    maxErrorRate: config.gate.max_error_rate,
    hasBaseline: baseline !== null,
  });
  return { manifest, summary: summaries, bias, comparison, targets, gate, changes: describeChanges(manifest, baseline) };
}

function compareGroupKeys(a: string, b: string, suiteOrder: string[]): number {
  const [sa, pa] = a.split('\u0000');
  const [sb, pb] = b.split('\u0000');
  const d = suiteOrder.indexOf(sa) - suiteOrder.indexOf(sb);
  return d !== 0 ? d : pa.localeCompare(pb);
}
