// From results to the run record, with no model call: aggregate (summaries, bias audit, judge
// quality), then judge against the baseline. `evaluate` calls it after the cases, and
// `evalgate gate` on a stored run folder, so both reach the same verdict the same way.
import path from 'node:path';
import { aggregateRun } from '../aggregate/aggregate-run.js';
import type { EvalConfig } from '../config/schema.js';
import { judgeRun } from '../gate/judge-run.js';
import { judgeQualityFor } from '../judge-quality/judge-quality-for.js';
import type { Baseline, CaseResult, RunManifest, RunRecord } from '../run/types.js';

export interface BuildRunRecordOptions {
  manifest: RunManifest;
  /** In the stable order of results.jsonl. */
  results: readonly CaseResult[];
  config: EvalConfig;
  /** Project root, for files the config names (judge_labels). */
  root: string;
  baseline: Baseline | null;
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  allowMissingProviders?: boolean;
}

export async function buildRunRecord(options: BuildRunRecordOptions): Promise<RunRecord> {
  const { manifest, results, config } = options;
  const aggregated = aggregateRun({ manifest, results, config });
  const quality = await judgeQualityFor(
    results,
    config.judge_labels ? path.resolve(options.root, config.judge_labels) : undefined,
  );
  const verdict = judgeRun({
    manifest,
    ...aggregated,
    results,
    config,
    baseline: options.baseline,
    today: options.today,
    allowMissingProviders: options.allowMissingProviders,
  });
  return { manifest, ...aggregated, ...quality, ...verdict };
}
