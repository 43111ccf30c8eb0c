// `evalgate eval`: run, write reports, print the summary block, and choose the exit code
// (0 pass, 1 gate failed with --gate, 3 provider errors above the allowed share).
import path from 'node:path';
import { evaluate } from '../../pipeline/evaluate.js';
import { renderConsoleSummary } from '../../reporters/console-table.js';
import { writeReports } from '../../reporters/write-reports.js';
import { streamResultsFile } from '../../run/result-stream.js';
import { createProgressLine } from '../progress-line.js';

export interface EvalCommandOptions {
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
}

export async function evalCommand(options: EvalCommandOptions): Promise<number> {
  const progress = createProgressLine({
    stream: process.stderr,
    enabled: !options.quiet && process.stderr.isTTY === true,
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
    onProgress: progress.update,
    onNote: (line) => {
      if (!options.quiet) process.stderr.write(`evalgate: ${line}\n`);
    },
  });
  progress.done();
  const { record, runDir, reportsDir } = outcome;
  // An ordinary run leaves tracked files alone: its report stays in the run folder, and the
  // experiment log records experiments (a hypothesis, or an explicit --experiment-log).
  const logged = options.experimentLog ?? Boolean(options.hypothesis);
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
  if (record.gate.status === 'error') return 3;
  if (options.gate && record.gate.status === 'fail') return 1;
  return 0;
}
