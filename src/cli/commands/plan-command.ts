// `evalgate plan`: what `evalgate eval` with the same flags would cost and take, and (with
// --mde) how many cases a target effect needs — without calling a model.
import type { ModuleClosers } from '../../providers/module/module-closers.js';
import { withModuleClosers } from './with-module-closers.js';
import path from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { InputError } from '../../core/errors.js';
import { estimateRun } from '../../plan/estimate-run.js';
import { renderPlan } from '../../plan/render-plan.js';
import { planSampleSize } from '../../plan/sample-size-plan.js';
import { readRunRecord } from '../../run/read-run.js';
import { resolveRunDir } from '../../run/run-folder.js';
import { type SelectionFlags, selectionFromFlags } from './selection-flags.js';

export interface PlanCommandOptions extends SelectionFlags {
  config: string;
  suite?: string[];
  provider?: string[];
  concurrency?: number;
  repeat?: number;
  cache: boolean;
  batch?: boolean;
  mde?: number;
  /** A run paired with the baseline: its measured spread of differences instead of sd·√2. */
  against?: string;
  json?: boolean;
}

export async function planCommand(options: PlanCommandOptions): Promise<number> {
  return withModuleClosers(
    (line) => process.stderr.write(`evalgate: ${line}\n`),
    (closers) => runPlanCommand(options, closers),
  );
}

async function runPlanCommand(options: PlanCommandOptions, moduleClosers: ModuleClosers): Promise<number> {
  const selection = await selectionFromFlags(options);
  const loaded = await loadConfig(options.config, process.env);
  const estimate = await estimateRun({
    moduleClosers,
    loaded,
    env: process.env,
    selection,
    suites: options.suite,
    providers: options.provider,
    repeat: options.repeat,
    concurrency: options.concurrency,
    useCache: options.cache,
    batch: options.batch,
  });
  let sampleSize = null;
  if (options.mde !== undefined) {
    if (!estimate.baseline)
      throw new InputError({
        code: 'BASELINE_MISSING',
        file: loaded.config.gate.baseline,
        message: '--mde needs an accepted baseline (run `evalgate eval`, then `evalgate baseline accept`)',
      });
    const reportsDir = path.resolve(loaded.root, loaded.config.reports_dir);
    const paired = options.against
      ? (await readRunRecord(await resolveRunDir(reportsDir, options.against))).comparison
      : undefined;
    sampleSize = planSampleSize({
      baseline: estimate.baseline,
      gate: loaded.config.gate,
      groups: estimate.covered,
      target: options.mde,
      paired,
    });
  }
  if (options.json) {
    const { baseline: _baseline, ...rest } = estimate;
    process.stdout.write(`${JSON.stringify({ estimate: rest, sampleSize }, null, 1)}\n`);
  } else {
    process.stdout.write(`${renderPlan(estimate, sampleSize)}\n`);
  }
  return 0;
}
