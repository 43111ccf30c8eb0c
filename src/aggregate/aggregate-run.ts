// Everything aggregated from results.jsonl: per suite × provider summaries and the bias audit.
// No verdict here: the gate judges the aggregated run against a baseline (gate/judge-run.ts).
// Pure, so `evalgate report` and `evalgate gate` recompute the same numbers from a run folder.
import type { EvalConfig } from '../config/schema.js';
import type { BiasSummary, CaseResult, RunManifest, SuiteSummary } from '../run/types.js';
import { auditBias } from './bias-audit.js';
import { summarizeSuite } from './summarize-suite.js';

export interface AggregateRunOptions {
  manifest: RunManifest;
  results: readonly CaseResult[];
  config: EvalConfig;
}

export interface AggregatedRun {
  summary: SuiteSummary[];
  bias: BiasSummary;
}

export function aggregateRun(options: AggregateRunOptions): AggregatedRun {
  const { manifest, results, config } = options;
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
  return { summary: summaries, bias: auditBias({ results, config, summaries }) };
}

function compareGroupKeys(a: string, b: string, suiteOrder: string[]): number {
  const [sa, pa] = a.split('\u0000');
  const [sb, pb] = b.split('\u0000');
  const d = suiteOrder.indexOf(sa) - suiteOrder.indexOf(sb);
  return d !== 0 ? d : pa.localeCompare(pb);
}
