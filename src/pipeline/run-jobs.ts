// Runs every (suite, case, model, repeat) job with bounded concurrency, hands each result to
// `onResult` as soon as it finishes (results.jsonl is streamed, not written at the end), and
// reports progress. Job order is deterministic; completion order is not, so consumers key
// results by (suite, caseId, provider, repeat), never by position.
import type { CaseResult } from '../run/types.js';
import { runCase, type CaseJob, type CaseRuntime } from './run-case.js';
import type { PreparedSuite } from './prepared-suite.js';

export interface Progress {
  done: number;
  total: number;
  errors: number;
  cached: number;
  /** Dollars spent so far on answers that were not cached (known prices only). */
  costUsd?: number;
  /** Jobs a budget guard held back (never started); absent without a guard. */
  notRun?: number;
}

export interface RunJobsOptions {
  suites: PreparedSuite[];
  runtime: CaseRuntime;
  concurrency: number;
  repeat: number;
  /**
   * Awaited before the job's concurrency slot is freed: a result that is written to disk when
   * this resolves means a crash loses at most `concurrency` finished or in-flight cases.
   */
  onResult: (result: CaseResult) => unknown;
  onProgress?: (progress: Progress) => void;
  /** Spend control (budget/budget-guard.ts): may this job start? Asked as its slot opens. */
  admit?: (job: CaseJob) => boolean;
  /** Told what each admitted job cost once it finished. */
  settle?: (job: CaseJob, result: CaseResult) => void;
  /** Narrows the planned jobs (shard, --limit, --sample, resume's already-written cases). */
  select?: (jobs: CaseJob[]) => CaseJob[];
}

export function planJobs(suites: PreparedSuite[], repeat: number): CaseJob[] {
  const jobs: CaseJob[] = [];
  for (const suite of suites) {
    for (const variant of suite.variants) {
      if (suite.config.task === 'retrieval') {
        jobs.push({ suite, variant, model: null, repeat: 0 });
        continue;
      }
      for (const model of suite.models) {
        for (let r = 0; r < repeat; r++) jobs.push({ suite, variant, model, repeat: r });
      }
    }
  }
  return jobs;
}

export async function runJobs(options: RunJobsOptions): Promise<Progress> {
  const planned = planJobs(options.suites, options.repeat);
  const jobs = options.select ? options.select(planned) : planned;
  const progress: Progress = { done: 0, total: jobs.length, errors: 0, cached: 0, costUsd: 0 };
  // A fixed pool of workers pulling the next job, not one pending promise per job: at 100k jobs
  // the per-job promises and closures alone held tens of megabytes for the whole run.
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${options.concurrency}`);
  let next = 0;
  // After one worker fails, the others take no new job (each could be a paid call).
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < jobs.length) {
      const job = jobs[next++];
      if (options.admit && !options.admit(job)) {
        progress.notRun = (progress.notRun ?? 0) + 1;
        continue;
      }
      const result = await runCase(job, options.runtime);
      options.settle?.(job, result);
      progress.done++;
      if (result.error) progress.errors++;
      if (result.cached) progress.cached++;
      else if (result.costUsd) progress.costUsd = (progress.costUsd ?? 0) + result.costUsd;
      await options.onResult(result);
      options.onProgress?.(progress);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, jobs.length));
  await Promise.all(
    Array.from({ length: workers }, () =>
      worker().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  return progress;
}
