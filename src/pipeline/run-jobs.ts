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
  /** Which planned jobs run (shard, --limit, --sample, resume's already-written cases); default all. */
  include?: (job: CaseJob) => boolean;
  /**
   * How many jobs `include` accepts, for the progress total, when the caller knows it; without
   * it, runJobs counts them with one extra pass over the plan.
   */
  total?: number;
}

/**
 * Every (suite, case, model, repeat) job in order, made as the consumer asks for it: the plan is
 * never a list, and a case's job holds its case only until the job is done.
 */
export function* planJobs(
  suites: readonly PreparedSuite[],
  repeat: number,
): Generator<CaseJob, void, undefined> {
  for (const suite of suites) {
    // A suite no job would use is not read at all.
    if (suite.config.task !== 'retrieval' && (suite.models.length === 0 || repeat < 1)) continue;
    for (const variant of suite.variants) {
      if (suite.config.task === 'retrieval') {
        yield { suite, variant, model: null, repeat: 0 };
        continue;
      }
      for (const model of suite.models) {
        for (let r = 0; r < repeat; r++) yield { suite, variant, model, repeat: r };
      }
    }
  }
}

/** How many jobs the plan holds, from the suites' case counts (no pass over the cases). */
export function countPlannedJobs(suites: readonly PreparedSuite[], repeat: number): number {
  let n = 0;
  for (const s of suites)
    n += s.config.task === 'retrieval' ? s.variants.length : s.variants.length * s.models.length * repeat;
  return n;
}

/** Jobs `include` may reject in a row before `take` yields to the event loop. */
const SKIPS_PER_TURN = 256;

export async function runJobs(options: RunJobsOptions): Promise<Progress> {
  const { include } = options;
  // A fixed pool of workers pulling the next job, not one pending promise per job: at 100k jobs
  // the per-job promises and closures alone held tens of megabytes for the whole run.
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${options.concurrency}`);
  const total = options.total ?? countJobs(options.suites, options.repeat, include);
  const progress: Progress = { done: 0, total, errors: 0, cached: 0, costUsd: 0 };
  const plan = planJobs(options.suites, options.repeat);
  /** The next job to run, or null when the plan is exhausted (workers share one iterator). */
  const take = async (): Promise<CaseJob | null> => {
    let skipped = 0;
    for (let step = plan.next(); !step.done; step = plan.next()) {
      if (!include || include(step.value)) return step.value;
      // A long run of jobs left out (a shard, --case, a resumed run's written cases) parses that
      // much of the cases file: let replies, timers and progress in every few hundred.
      if (++skipped % SKIPS_PER_TURN === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (failed) return null;
      }
    }
    return null;
  };
  // After one worker fails, the others take no new job (each could be a paid call).
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let job = failed ? null : await take(); job; job = failed ? null : await take()) {
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
  // A worker that finds the plan exhausted ends at once, so the pool need not be sized to it.
  // After one worker fails the others finish the job they hold (its model call is already paid
  // for) and write it before the error surfaces: the caller closes the writer only then.
  let firstError: { error: unknown } | null = null;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, () =>
        worker().catch((error: unknown) => {
          failed = true;
          firstError ??= { error };
        }),
      ),
    );
  } finally {
    // Closes the cases file a failed run stopped reading.
    plan.return();
  }
  if (firstError) throw (firstError as { error: unknown }).error;
  return progress;
}

function countJobs(
  suites: readonly PreparedSuite[],
  repeat: number,
  include?: (job: CaseJob) => boolean,
): number {
  if (!include) return countPlannedJobs(suites, repeat);
  let n = 0;
  for (const job of planJobs(suites, repeat)) if (include(job)) n++;
  return n;
}
