// Opens the run folder results are appended to: a new one (run-started.json first, so the run
// can be resumed), or, with --resume, the unfinished one, after checking that nothing its
// results depend on changed, cutting off a torn last line, and listing the jobs already done.
import { rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { openResultsAppender, type ResultsAppender } from '../run/results-appender.js';
import { createRunId, RESULTS_FILE, RUN_FILE, runsDir } from '../run/run-folder.js';
import { readWrittenResults, resultKey } from './read-written-results.js';
import { fingerprintChange, type RunFingerprint } from './run-fingerprint.js';
import { readRunStarted, type StartedOptions, writeRunStarted } from './run-started.js';

export interface OpenRunOptions {
  reportsDir: string;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Random suffix for a new run id. */
  salt: string;
  fingerprint: RunFingerprint;
  options: StartedOptions;
  /** The unfinished run folder to finish (from findUnfinishedRun). */
  resumeDir?: string;
  /** Where the config came from, for the refusal message. */
  configFile: string;
  /** readPriorResults(resumeDir), when the caller already read it (for the spend check). */
  prior?: PriorResults;
}

/** What an interrupted run wrote: the jobs done, what they cost, and where the file's whole lines end. */
export interface PriorResults {
  /** resultKey of every written result. */
  done: Set<string>;
  /** What those results cost (calls not answered from the cache), for the budget. */
  costUsd: number;
  torn: boolean;
  validBytes: number;
}

/**
 * Reads the results an interrupted run wrote, keeping only their keys and cost. Read before the
 * spend check and the batches of a resumed run, so neither pays again for what is written.
 */
export async function readPriorResults(
  runDir: string,
  check?: { fingerprint: RunFingerprint; configFile: string },
): Promise<PriorResults> {
  // Checked first: a run that cannot be resumed must not reach the spend check or the batches.
  if (check) await checkResumable(runDir, check.fingerprint, check.configFile);
  // Only the keys are kept: the earlier results stay on disk, where the record is built from.
  const done = new Set<string>();
  let costUsd = 0;
  const written = await readWrittenResults(runDir, (r) => {
    const key = resultKey(r);
    if (!done.has(key) && !r.cached && r.costUsd) costUsd += r.costUsd;
    done.add(key);
  });
  return { done, costUsd, torn: written.torn, validBytes: written.validBytes };
}

export interface OpenedRun {
  runId: string;
  runDir: string;
  writer: ResultsAppender;
  /** How many results were written before the interruption (one per job, torn line dropped). */
  prior: number;
  /** What those results cost (calls not answered from the cache), for the budget. */
  priorCostUsd: number;
  /** resultKey of every prior result: these jobs are not run again. */
  done: Set<string>;
  /** For the manifest of a resumed run. */
  resumed?: { startedAt: string; priorResults: number };
}

export async function openRun(options: OpenRunOptions): Promise<OpenedRun> {
  if (!options.resumeDir) {
    const runId = createRunId(options.startedAt, options.salt);
    const runDir = path.join(runsDir(options.reportsDir), runId);
    await writeRunStarted(runDir, {
      schemaVersion: 1,
      runId,
      startedAt: new Date(options.startedAt).toISOString(),
      fingerprint: options.fingerprint,
      options: options.options,
    });
    return {
      runId,
      runDir,
      writer: await openResultsAppender(runDir),
      prior: 0,
      priorCostUsd: 0,
      done: new Set(),
    };
  }
  const runDir = options.resumeDir;
  const started = await checkResumable(runDir, options.fingerprint, options.configFile);
  const written = options.prior ?? (await readPriorResults(runDir));
  const { done, costUsd: priorCostUsd } = written;
  if (written.torn) await truncate(path.join(runDir, RESULTS_FILE), written.validBytes);
  // A torn run.json (never trusted) goes; the finished run writes a whole one.
  await rm(path.join(runDir, RUN_FILE), { force: true });
  const prior = done.size;
  return {
    runId: started.runId,
    runDir,
    writer: await openResultsAppender(runDir),
    prior,
    priorCostUsd,
    done,
    resumed: { startedAt: started.startedAt, priorResults: prior },
  };
}

/** Refuses (exit 2) to resume a run whose config, prompts, cases, corpus or seed changed since it began. */
async function checkResumable(runDir: string, fingerprint: RunFingerprint, configFile: string) {
  const started = await readRunStarted(runDir);
  const change = fingerprintChange(started.fingerprint, fingerprint);
  if (change)
    throw new InputError({
      code: 'RESUME_CHANGED',
      file: configFile,
      message: `cannot resume run ${started.runId}: ${change} since it began; start a new run`,
    });
  return started;
}
