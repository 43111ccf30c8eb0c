// Everything aggregated from results.jsonl: per suite × provider summaries and the bias audit.
// No verdict here: the gate judges the aggregated run against a baseline (gate/judge-run.ts).
// Pure, so `evalgate report` and `evalgate gate` recompute the same numbers from a run folder.
// Works from the column store, one suite × provider group at a time.
import { columnGroups, columnsFromResults, type ResultColumns } from '../columns/result-columns.js';
import type { EvalConfig } from '../config/schema.js';
import type { BiasSummary, CaseResult, RunManifest, SuiteSummary } from '../run/types.js';
import { collectAtPhaseBoundary } from '../memory/phase-collection.js';
import { auditBias } from './bias-audit.js';
import { biasAuditRows } from './bias-audit-rows.js';
import { summarizeSuite } from './summarize-suite.js';

export interface AggregateRunOptions {
  manifest: RunManifest;
  /** The run's rows, sorted as results.jsonl is (columns), or results in that order. */
  columns?: ResultColumns;
  results?: readonly CaseResult[];
  config: EvalConfig;
}

export interface AggregatedRun {
  summary: SuiteSummary[];
  bias: BiasSummary;
}

export function aggregateRun(options: AggregateRunOptions): AggregatedRun {
  const { manifest, config } = options;
  // Results are grouped by suite × provider keeping their order within a group.
  const columns = options.columns ?? columnsFromResults(options.results ?? [], { sort: 'group' });
  const groups = new Map<string, { suite: string; provider: string; start: number; end: number }>();
  for (const g of columnGroups(columns)) groups.set(`${g.suite}\u0000${g.provider}`, g);
  const suiteOrder = config.suites.map((s) => s.name);
  const summaries: SuiteSummary[] = [];
  const bias: BiasSummary = { rows: [], subgroups: [] };
  for (const key of [...groups.keys()].sort((a, b) => compareGroupKeys(a, b, suiteOrder))) {
    const { suite: suiteName, provider, start, end } = groups.get(key)!;
    const suite = config.suites.find((s) => s.name === suiteName);
    const providerInfo = manifest.providers.find((p) => p.id === provider);
    const promptVersion = columns.promptVersion[start];
    const summary = summarizeSuite({
      suite: suiteName,
      task: columns.strings.value(columns.task[start]) as SuiteSummary['task'],
      provider,
      model: providerInfo?.model ?? provider,
      promptVersion: promptVersion < 0 ? null : columns.strings.value(promptVersion),
      labels: suite?.labels,
      columns,
      start,
      end,
      resamples: config.gate.resamples,
      confidence: config.gate.confidence,
      seed: config.seed,
    });
    summaries.push(summary);
    // Per group, never per case: the summary's and the audit's garbage die here (a no-op
    // unless the CLI installed the collector; src/memory/phase-collection.ts).
    collectAtPhaseBoundary('statistics:summary');
    // The audit reads one group at a time, from the columns (biasAuditRows: typed row indices,
    // objects for the counterfactual variants only).
    const audited = auditBias({ rows: biasAuditRows(columns, start, end), config, summary });
    bias.rows.push(...audited.rows);
    bias.subgroups.push(...audited.subgroups);
    collectAtPhaseBoundary('statistics:bias');
  }
  return { summary: summaries, bias };
}

function compareGroupKeys(a: string, b: string, suiteOrder: string[]): number {
  const [sa, pa] = a.split('\u0000');
  const [sb, pb] = b.split('\u0000');
  const d = suiteOrder.indexOf(sa) - suiteOrder.indexOf(sb);
  return d !== 0 ? d : pa.localeCompare(pb);
}
