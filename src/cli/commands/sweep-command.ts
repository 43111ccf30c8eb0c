// `evalgate sweep`: runs every variant of a sweep as a normal run (one sweep id), then prints
// and writes the results matrix; `--render` re-renders a finished sweep, `--refine` proposes a
// finer grid, `--confirm` runs a chosen variant against the reference on the held-out cases.
import type { ModuleClosers } from '../../providers/module/module-closers.js';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { appendExperiment, nextExperimentNumber } from '../../reporters/experiment-log.js';
import { writeReports } from '../../reporters/write-reports.js';
import { createRunId, writeFileAtomic } from '../../run/run-folder.js';
import { type BudgetLimit, budgetLimit, refuseOverBudget } from '../../budget/check-budget.js';
import { createSweepEstimator, type EstimateVariant } from '../../sweep/estimate-variant.js';
import { withPlanPrices } from '../../sweep/priced-estimator.js';
import { holdoutFilter } from '../../sweep/holdout-split.js';
import { prepareSweep } from '../../sweep/prepare-sweep.js';
import { refineGrid } from '../../sweep/refine-grid.js';
import { renderSweepConsole, renderSweepPlan } from '../../sweep/render-sweep-console.js';
import { runSweep, type SweepPlan } from '../../sweep/run-sweep.js';
import { COST_METRIC } from '../../sweep/sweep-matrix.js';
import { renderSweepExperimentEntry } from '../../sweep/sweep-experiment-entry.js';
import { readSweep, writeSweep } from '../../sweep/sweep-folder.js';
import type { ValidatedVariant } from '../../sweep/validate-variants.js';
import { overridesFor } from '../../sweep/validate-variants.js';
import { withModuleClosers } from './with-module-closers.js';
import { confirmSweepVariant } from './sweep-confirm.js';
import { loadProject } from './load-project.js';

export interface SweepCommandOptions {
  config: string;
  file?: string;
  suite?: string[];
  provider?: string[];
  concurrency?: number;
  cache: boolean;
  metrics?: string[];
  hypothesis?: string;
  holdout?: number;
  yes?: boolean;
  maxCostUsd?: number;
  experimentLog?: boolean;
  render?: string;
  refine?: string;
  confirm?: string;
  variant?: string;
  quiet?: boolean;
}

/** What the sweep prints before it starts: its own call counts, priced by the plan. */
const sweepEstimator = (
  options: Parameters<typeof createSweepEstimator>[0] & { moduleClosers: ModuleClosers },
): EstimateVariant => withPlanPrices(createSweepEstimator(options), options);

export async function sweepCommand(options: SweepCommandOptions): Promise<number> {
  const note = (line: string): void => {
    if (!options.quiet) process.stderr.write(`evalgate: ${line}\n`);
  };
  // Every variant's evaluate() shares the process's one instance of each user module.
  return withModuleClosers(note, (closers) => runSweepCommand(options, note, closers));
}

async function runSweepCommand(
  options: SweepCommandOptions,
  note: (line: string) => void,
  moduleClosers: ModuleClosers,
): Promise<number> {
  const color = process.stdout.isTTY === true;
  if (options.render || options.refine) {
    const { reportsDir } = await loadProject(options.config);
    const sweep = await readSweep(reportsDir, (options.render ?? options.refine)!);
    if (options.refine) {
      const refined = refineGrid(sweep);
      process.stdout.write(
        `${refined.yaml}# Save as a file and run: evalgate sweep --file <file>${sweep.holdout ? ` --holdout ${sweep.holdout.fraction}` : ''}\n`,
      );
      return 0;
    }
    const written = await writeSweep(reportsDir, sweep);
    process.stdout.write(
      `${renderSweepConsole(sweep, { color })}\nsweep: ${path.relative(process.cwd(), written.markdown)}\n`,
    );
    return 0;
  }
  if (options.confirm)
    return confirmSweepVariant({ ...options, confirm: options.confirm, note, color, moduleClosers });
  if (options.variant)
    throw new InputError({
      code: 'USAGE',
      field: '--variant',
      message: '--variant goes with --confirm <sweep-id>',
    });

  const prepared = await prepareSweep({
    configPath: options.config,
    sweepFile: options.file,
    env: process.env,
    suites: options.suite,
    holdout: options.holdout,
  });
  const { reference, split } = prepared;
  const { config } = reference;
  const reportsDir = path.resolve(reference.root, config.reports_dir);
  const includeCase = split ? holdoutFilter(split, 'sweep') : undefined;
  const id = createRunId(Date.now(), randomBytes(4).toString('hex'));
  const saidOnce = new Set<string>();
  // One budget for the whole sweep: each variant may spend what the earlier ones left. The sweep
  // as a whole was accepted before it started, so a variant is never refused part way (its
  // guard still stops it at the remaining limit).
  const limit = budgetLimit(config, options.maxCostUsd);
  let spentSoFar = 0;
  const metrics = options.metrics ?? [...Object.keys(config.gate.max_drop), COST_METRIC, 'latency.p95_ms'];
  const estimate = sweepEstimator({
    env: process.env,
    suites: options.suite,
    providers: options.provider,
    useCache: options.cache,
    includeCase,
    moduleClosers,
  });
  const { record, plan } = await runSweep({
    record: {
      schemaVersion: 1,
      id,
      createdAt: new Date().toISOString(),
      configFile: path.relative(reference.root, reference.file),
      specFile: path.relative(reference.root, path.resolve(options.file ?? options.config)),
      hypothesis: options.hypothesis ?? null,
      grid: prepared.spec.grid.map((a) => ({ path: a.path, values: a.values })),
      referenceValues: prepared.referenceValues,
      seed: config.seed,
      confidence: config.gate.confidence,
      metrics,
      holdout: split,
      filters: {
        ...(options.suite ? { suites: options.suite } : {}),
        ...(options.provider ? { providers: options.provider } : {}),
      },
    },
    variants: prepared.variants,
    estimate,
    confirm: (p) => withinBudget(p, limit, { yes: options.yes, configFile: reference.file }),
    resamples: config.gate.resamples,
    useCache: options.cache,
    runVariant: async (variant: ValidatedVariant, i: number) => {
      note(`variant ${i + 1}/${prepared.variants.length}: ${variant.name}`);
      const outcome = await evaluate({
        configPath: options.config,
        env: process.env,
        suites: options.suite,
        providers: options.provider,
        concurrency: options.concurrency,
        useCache: options.cache,
        hypothesis: options.hypothesis,
        configOverrides: overridesFor(variant.set),
        spend: limit
          ? {
              maxCostUsd: Math.max(0, limit.maxCostUsd - spentSoFar),
              confirmed: true,
              announce: false,
            }
          : undefined,
        includeCase,
        moduleClosers,
        sweep: { id, variant: variant.name, set: variant.set, cases: split ? 'sweep' : 'all' },
        onNote: (line) => {
          // Index notes show what each variant built or reused; the rest (skipped providers)
          // would repeat for every variant, so each is said once.
          if (/^(built|reused) retrieval index/.test(line) || !saidOnce.has(line)) note(`  ${line}`);
          saidOnce.add(line);
        },
      });
      spentSoFar += outcome.record.manifest.budget?.spentUsd ?? 0;
      await writeReports({
        record: outcome.record,
        results: outcome.results,
        runDir: outcome.runDir,
        reportsDir: null,
        experimentLog: null,
        gateMargins: outcome.gateMargins,
        indexDir: outcome.indexDir,
      });
      return { record: outcome.record, results: outcome.results };
    },
  });
  // The budget check throws; a declined plan has run nothing.
  if (!record) return plan.variants > 0 ? 2 : 0;
  const written = await writeSweep(reportsDir, record);
  if (options.experimentLog !== false) {
    const log = path.resolve(reference.root, config.experiments_log);
    const existing = await readFile(log, 'utf8').catch(() => null);
    const entry = renderSweepExperimentEntry(record, {
      number: nextExperimentNumber(existing),
      targets: config.targets,
    });
    await writeFileAtomic(log, appendExperiment(existing, entry));
  }
  process.stdout.write(
    `${renderSweepConsole(record, { color })}\nsweep: ${path.relative(process.cwd(), written.markdown)}  json: ${path.relative(process.cwd(), written.json)}\n`,
  );
  // As for eval: provider failures above gate.max_error_rate in any variant are a runtime failure.
  const failed = record.variants.filter((v) => v.gate === 'error').map((v) => v.name);
  if (failed.length > 0) {
    process.stderr.write(
      `evalgate: too many failed model calls in ${failed.join(', ')} (gate.max_error_rate)\n`,
    );
    return 3;
  }
  return 0;
}

function withinBudget(
  plan: SweepPlan,
  limit: BudgetLimit | null,
  options: { yes?: boolean; configFile: string },
): boolean {
  // Always shown, --quiet or not: it is what the sweep is about to spend.
  process.stderr.write(`evalgate: ${renderSweepPlan(plan)}\n`);
  if (limit) {
    const paid = plan.modelCalls - plan.cachedCalls;
    refuseOverBudget({
      limit,
      estimatedUsd: plan.costUsd,
      // null cost: some calls have no price; without a count, every uncached call is in doubt.
      unpricedCalls: plan.costUsd === null ? (plan.unpricedCalls ?? paid) : 0,
      confirmed: options.yes === true,
      configFile: path.relative(process.cwd(), options.configFile) || options.configFile,
      what: `sweep of ${plan.variants} variants`,
    });
  }
  return true;
}
