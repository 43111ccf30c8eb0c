// `evalgate eval`: run, write reports, print the summary block, and choose the exit code
// (0 pass, 1 gate failed with --gate, 3 provider errors above the allowed share).
import path from 'node:path';
import { systemClock } from '../../core/clock.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { renderConsoleSummary } from '../../reporters/console-table.js';
import { writeReports } from '../../reporters/write-reports.js';
import { streamResultsFile } from '../../run/result-stream.js';
import type { ModuleClosers } from '../../providers/module/module-closers.js';
import { createProgressLine } from '../progress-line.js';
import { type SelectionFlags, selectionFromFlags } from './selection-flags.js';
import { withModuleClosers } from './with-module-closers.js';

export interface EvalCommandOptions extends Omit<SelectionFlags, 'config'> {
  config: string;
  suite?: string[];
  provider?: string[];
  concurrency?: number;
  repeat?: number;
  cache: boolean;
  gate?: boolean;
  hypothesis?: string;
  out?: string;
  /** `--experiment-log` / `--no-experiment-log`; by default only a run with a hypothesis is logged. */
  experimentLog?: boolean;
  allowMissingProvider?: boolean;
  quiet?: boolean;
  /** `--max-cost-usd`: overrides `budget.max_cost_usd`. */
  maxCostUsd?: number;
  /** `--yes`: start a run whose estimate is above the budget (it still stops at the budget). */
  yes?: boolean;
  /** `--batch`: answer through the providers' batch APIs (docs/batch.md). */
  batch?: boolean;
  /** `--batch-poll <seconds>`: wait between batch status polls. */
  batchPoll?: number;
  /** `--resume [run]`: true for the latest unfinished run. */
  resume?: string | true;
}

export async function evalCommand(options: EvalCommandOptions): Promise<number> {
  const note = (line: string): void => {
    if (!options.quiet) process.stderr.write(`evalgate: ${line}\n`);
  };
  return withModuleClosers(note, (closers) => runEvalCommand(options, note, closers));
}

async function runEvalCommand(
  options: EvalCommandOptions,
  note: (line: string) => void,
  moduleClosers: ModuleClosers,
): Promise<number> {
  const selection = await selectionFromFlags(options);
  const progress = createProgressLine({
    stream: process.stderr,
    enabled: !options.quiet,
    tty: process.stderr.isTTY === true,
    clock: systemClock,
  });
  const outcome = await evaluate({
    configPath: options.config,
    env: process.env,
    suites: options.suite,
    providers: options.provider,
    concurrency: options.concurrency,
    repeat: options.repeat,
    useCache: options.cache,
    hypothesis: options.hypothesis,
    reportsDir: options.out,
    allowMissingProviders: options.allowMissingProvider,
    spend: {
      maxCostUsd: options.maxCostUsd,
      confirmed: options.yes,
      announce: !options.quiet,
      batch: options.batch === true,
    },
    batch: options.batch ? { pollIntervalMs: (options.batchPoll ?? 30) * 1000 } : undefined,
    selection,
    resume: options.resume,
    onProgress: progress.update,
    onNote: note,
    moduleClosers,
  });
  progress.done();
  const { record, runDir, reportsDir } = outcome;
  // An ordinary run leaves tracked files alone: its report stays in the run folder, and the
  // experiment log records experiments (a hypothesis, or an explicit --experiment-log).
  // The manifest's hypothesis: a resumed run keeps the one it began with.
  const logged = options.experimentLog ?? Boolean(record.manifest.hypothesis);
  const written = await writeReports({
    record,
    // Streamed from results.jsonl: no reporter holds the whole run.
    results: streamResultsFile(outcome.resultsFile),
    runDir,
    reportsDir: options.out ? reportsDir : null,
    experimentLog: logged ? outcome.experimentLog : null,
    githubSummaryFile: process.env.GITHUB_STEP_SUMMARY || undefined,
    gateMargins: outcome.gateMargins,
    indexDir: outcome.indexDir,
  });
  process.stdout.write(`${renderConsoleSummary(record, { color: process.stdout.isTTY === true })}\n`);
  process.stdout.write(
    `report: ${path.relative(process.cwd(), written.report)}  run: ${path.relative(process.cwd(), runDir)}  html: ${path.relative(process.cwd(), written.html)}\n`,
  );
  const budget = record.manifest.budget;
  if (budget?.stopped) {
    const left = budget.notRun.reduce((n, g) => n + g.caseIds.length, 0);
    process.stderr.write(
      `evalgate: stopped by budget: ${left} model calls not made to stay under $${budget.maxCostUsd} (spent $${budget.spentUsd.toFixed(4)}); the finished results are kept, and the gate lists the rest as not assessed\n`,
    );
  }
  if (record.gate.status === 'error') return 3;
  if (options.gate && record.gate.status === 'fail') return 1;
  return 0;
}
