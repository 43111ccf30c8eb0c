// From results to the run record, with no model call: aggregate (summaries, bias audit, judge
// quality), then judge against the baseline. `evaluate` calls it after the cases, and
// `evalgate gate` / `evalgate merge` on a stored run folder, so all reach the same verdict the
// same way. It reads results.jsonl as a stream into typed columns; nothing holds every result.
import path from 'node:path';
import { aggregateRun } from '../aggregate/aggregate-run.js';
import { readRunColumns } from '../columns/read-run-columns.js';
import { scoreRows } from '../columns/column-rows.js';
import { columnsFromResults, type ResultColumns } from '../columns/result-columns.js';
import type { EvalConfig } from '../config/schema.js';
import { judgeRun } from '../gate/judge-run.js';
import { judgeQualityFor } from '../judge-quality/judge-quality-for.js';
import type { Baseline, CaseResult, RunManifest, RunRecord } from '../run/types.js';

export interface BuildRunRecordOptions {
  manifest: RunManifest;
  /**
   * The run's rows: a run folder (its results.jsonl is streamed), columns already read, or
   * results in memory in the stable order of results.jsonl.
   */
  runDir?: string;
  columns?: ResultColumns;
  results?: readonly CaseResult[];
  config: EvalConfig;
  /** Project root, for files the config names (judge_labels). */
  root: string;
  baseline: Baseline | null;
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  allowMissingProviders?: boolean;
}

export async function buildRunRecord(options: BuildRunRecordOptions): Promise<RunRecord> {
  const { manifest, config } = options;
  const columns =
    options.columns ??
    (options.runDir !== undefined
      ? await readRunColumns(options.runDir)
      : columnsFromResults(options.results ?? [], { sort: 'group' }));
  const aggregated = aggregateRun({ manifest, columns, config });
  const quality = await judgeQualityFor(
    (only) => scoreRows(columns, only),
    config.judge_labels ? path.resolve(options.root, config.judge_labels) : undefined,
  );
  const verdict = judgeRun({
    manifest,
    ...aggregated,
    results: scoreRows(columns),
    config,
    baseline: options.baseline,
    today: options.today,
    allowMissingProviders: options.allowMissingProviders,
  });
  return { manifest, ...aggregated, ...quality, ...verdict };
}
