// The model decorator that lets `eval --batch` run the normal pipeline twice. In `plan` mode it
// answers cache hits and, for a miss, notes the request (under its cache key) and fails the call
// without contacting the provider, so one pass over every case lists exactly the requests the run
// will make. In `final` mode it passes calls through to the cache (which the batches filled),
// except requests the batch could not answer, which fail with the batch's reason. An answer a
// batch of this run delivered is a paid call of this run, not a cache hit (`claim`).
import { EvalgateError } from '../core/errors.js';
import type { GenerateRequest, LanguageModel } from '../providers/language-model.js';
import type { CachedGenerateRequest, CachingModel } from '../providers/with-cache.js';
import type { BatchOutcome } from './batch-port.js';

export type BatchFailure = Extract<BatchOutcome, { ok: false }>;

/** A request the batch did not answer: the case records it as its error (exit 3 past the error budget). */
export class BatchRequestError extends EvalgateError {
  readonly exitCode = 3 as const;
  constructor(provider: string, failure: BatchFailure) {
    super(failure.code, `${provider}: ${failure.message}`);
  }
}

/**
 * Thrown in plan mode for a request that will go into a batch; never reaches a result that is
 * kept. Its code lets the planning pass note which jobs the batch pays for (start-batch-run.ts).
 */
export class BatchDeferred extends EvalgateError {
  readonly exitCode = 3 as const;
  constructor() {
    super(BATCH_DEFERRED, 'deferred to a batch');
  }
}

export const BATCH_DEFERRED = 'BATCH_DEFERRED';

export interface BatchGate {
  mode(): 'plan' | 'final';
  /** A cached answer for the key, or undefined. */
  lookup(key: string): Promise<unknown>;
  /** Notes a request for the batch of this model's provider. */
  plan(key: string, request: GenerateRequest): void;
  failure(key: string): BatchFailure | undefined;
  /**
   * True once per request a batch answered in this run: that answer was paid for by this run,
   * so the case records it as a model call (not a cache hit) and its cost counts as spend.
   */
  claim(key: string): boolean;
}

export function withBatchGate(model: CachingModel, gate: BatchGate): LanguageModel {
  const generate = async (request: CachedGenerateRequest) => {
    const key = model.cacheKey(request);
    const failure = gate.failure(key);
    if (failure) throw new BatchRequestError(model.id, failure);
    if (gate.mode() === 'final') {
      const answer = await model.generate(request);
      return answer.cached && gate.claim(key) ? { ...answer, cached: false } : answer;
    }
    const hit = (await gate.lookup(key)) as { text?: unknown } | undefined;
    if (hit && typeof hit.text === 'string') return { ...(hit as { text: string }), cached: true };
    const { signal: _signal, ...plain } = request;
    gate.plan(key, plain);
    throw new BatchDeferred();
  };
  return { id: model.id, provider: model.provider, model: model.model, cacheable: model.cacheable, generate };
}
