// Retry decorator for any LanguageModel: exponential backoff with full jitter drawn from the
// seeded rng, at least as long as the server's Retry-After. Only errors that say they are
// retryable (ProviderError.isRetryable) are retried; an abort stops at once.
import type { Clock } from '../core/clock.js';
import { ProviderError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from './language-model.js';

export interface RetryEvent {
  /** The attempt that just failed, from 1. */
  attempt: number;
  error: ProviderError;
  /** How long we wait before the next attempt. */
  delayMs: number;
}

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  baseDelayMs: number;
  /** Cap on the backoff window (before jitter). */
  maxDelayMs: number;
  /** Cap on how long a server's Retry-After may make us wait (default 60 s). */
  maxRetryAfterMs?: number;
  rng: Rng;
  clock: Clock;
  /** Called before each wait, e.g. to log or count retries. */
  onRetry?: (event: RetryEvent) => void;
}

/** A result that went through `withRetries`: `attempts` is 1 when the first call succeeded. */
export type RetriedResult = GenerateResult & { attempts: number };

export interface RetryingModel extends LanguageModel {
  generate(request: GenerateRequest): Promise<RetriedResult>;
}

/**
 * Success reports its attempt count on the result (`attempts`). A final failure throws the last
 * error unchanged (so its code and status survive); `onRetry` has seen every earlier one.
 */
export function withRetries(model: LanguageModel, options: RetryOptions): RetryingModel {
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;

  const generate = async (request: GenerateRequest): Promise<RetriedResult> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await model.generate(request);
        return { ...result, attempts: attempt };
      } catch (error) {
        const retryable = error instanceof ProviderError && error.isRetryable;
        if (!retryable || attempt > options.maxRetries || request.signal?.aborted) {
          // The caller records how many attempts a failed case took.
          if (error instanceof ProviderError) error.attempts = attempt;
          throw error;
        }
        const delayMs = backoffDelay({ ...options, attempt, error, maxRetryAfterMs });
        options.onRetry?.({ attempt, error, delayMs });
        await options.clock.sleep(delayMs, request.signal);
      }
    }
  };

  return {
    id: model.id,
    provider: model.provider,
    model: model.model,
    cacheable: model.cacheable,
    generate,
  };
}

interface BackoffInput {
  attempt: number;
  error: ProviderError;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  rng: Rng;
}

/** Full jitter (uniform in [0, window)), then raised to the server's Retry-After if that is longer. */
export function backoffDelay(input: BackoffInput): number {
  const window = Math.min(input.maxDelayMs, input.baseDelayMs * 2 ** (input.attempt - 1));
  const jittered = Math.floor(input.rng.next() * window);
  const requested = input.error.retryAfterMs;
  if (requested === undefined) return jittered;
  return Math.max(jittered, Math.min(requested, input.maxRetryAfterMs));
}
