// The seam between the eval run and the batch room: everything `evaluate` needs for `--batch`
// in four calls (price calls, prefill the cache, describe it in the manifest, close). Without
// `--batch` it only meters what cached batch-priced answers saved, so a later run that reads them
// still shows the saving.
import path from 'node:path';
import type { Clock } from '../core/clock.js';
import type { EvalConfig } from '../config/schema.js';
import type { ModelHandle } from '../providers/model-handle.js';
import type { BatchManifest } from '../run/types.js';
import { resultKey } from '../resume/read-written-results.js';
import type { CaseResult } from '../run/types.js';
import { meterBatchCost, type CallPricer } from './batch-cost.js';
import { BATCH_DEFERRED } from './batch-gate-model.js';
import { createBatchSession, type BatchRunSummary } from './batch-session.js';

export interface BatchRunOptions {
  /** Wait between status polls (default 30 s). */
  pollIntervalMs?: number;
  /** Stops polling (the batches keep running; a re-run picks them up). */
  signal?: AbortSignal;
}

export interface PlanPass {
  /** The suites with only the models whose calls go into batches (no app, local or replay call twice). */
  suites<S extends { models: ModelHandle[] }>(suites: S[]): S[];
  /** The runtime without scoring and pricing: the pass's results are thrown away. */
  runtime<R extends { scorer: unknown; costUsd: unknown }>(runtime: R): R;
  /** The pass's results: notes which jobs went into a batch (see `BatchRun.prepaid`). */
  onResult(result: CaseResult): void;
}

export interface BatchRun {
  /** Wraps the run's per-call pricer to count batch-priced calls and their list price. */
  costUsd(price: CallPricer): CallPricer;
  /**
   * With `--batch`: calls `planRun` once; it must run every job of `plan.suites(…)` with
   * `plan.runtime(…)`, which keep only the batchable models and skip scoring and pricing (the pass
   * only lists requests). Then submits, polls and fills the cache. Without `--batch`: nothing.
   */
  prefill(planRun: (plan: PlanPass) => Promise<unknown>): Promise<void>;
  manifest(): { batch?: BatchManifest };
  /**
   * Whether this job's request went into a batch (by resultKey). Its price was committed when
   * the batch was accepted (a batch is billed whole), so the budget guard must not hold it back:
   * that would throw away an answer already paid for. Its cost still counts as spend.
   */
  prepaid(key: string): boolean;
  close(): void;
}

export function startBatchRun(input: {
  batch?: BatchRunOptions;
  config: EvalConfig;
  root: string;
  configFile: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  models: ModelHandle[];
  onNote?: (line: string) => void;
}): BatchRun {
  const cacheDir = path.resolve(input.root, input.config.cache_dir);
  const session = input.batch
    ? createBatchSession({
        cacheDir,
        // Beside the cache: `.evalgate/cache` → `.evalgate/batches`.
        stateDir: path.join(path.dirname(cacheDir), 'batches'),
        env: input.env,
        clock: input.clock,
        pollIntervalMs: input.batch.pollIntervalMs,
        signal: input.batch.signal,
        onNote: input.onNote,
        configFile: input.configFile,
      })
    : null;
  let meter: ReturnType<typeof meterBatchCost> | null = null;
  let submitted: BatchRunSummary | undefined;
  const deferred = new Set<string>();

  return {
    costUsd(price) {
      meter = meterBatchCost(price);
      return meter.costUsd;
    },
    async prefill(planRun) {
      if (!session) return;
      // Here, not at start: a refusal (--no-cache) then happens inside the run's cleanup scope.
      session.attach(input.models);
      submitted = await session.prefill(() =>
        planRun({
          suites: (suites) =>
            suites
              .map((suite) => ({ ...suite, models: suite.models.filter((m) => session.isAttached(m)) }))
              .filter((suite) => suite.models.length > 0),
          runtime: (runtime) => ({
            ...runtime,
            scorer: async () => ({ scores: {}, passed: null }),
            costUsd: () => null,
          }),
          onResult: (result) => {
            if (result.error?.code === BATCH_DEFERRED) deferred.add(resultKey(result));
          },
        }),
      );
    },
    manifest() {
      const cost = meter?.summary() ?? null;
      if (!submitted && !cost) return {};
      return { batch: { ...(submitted && { submitted }), cost } };
    },
    prepaid: (key) => deferred.has(key),
    close: () => session?.close(),
  };
}
