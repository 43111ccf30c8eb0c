// One rate limiter per provider id (the judge and a model under test of the same id share a
// quota), and the fetch through which each remote adapter shows its responses' rate-limit
// headers to its limiter. createModels asks here; the limiter itself lives in src/rate-limit.
import type { Clock } from '../core/clock.js';
import type { ProviderConfig } from '../config/schema.js';
import { createRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter.js';
import { observeRateLimits } from './rate-limit-fetch.js';

/** The config's own upper bound on `concurrency`. */
const MAX_CONCURRENCY = 512;

export interface ProviderLimiters {
  limiterOf(provider: ProviderConfig): RateLimiter;
  /** `fetch`, reporting every response's headers to the provider's limiter. */
  fetchFor(provider: ProviderConfig, fetch: typeof globalThis.fetch): typeof globalThis.fetch;
}

export function createProviderLimiters(options: { clock: Clock; concurrency?: number }): ProviderLimiters {
  const limiters = new Map<string, RateLimiter>();
  const limiterOf = (provider: ProviderConfig): RateLimiter => {
    let limiter = limiters.get(provider.id);
    if (!limiter) {
      limiter = createRateLimiter({
        rpm: provider.rpm,
        tpm: provider.tpm,
        // The callers bound concurrency themselves (eval, serve); this bound only matters after
        // a 429 has lowered the limit, and halving starts from the requests actually in flight.
        maxConcurrency: options.concurrency ?? MAX_CONCURRENCY,
        clock: options.clock,
      });
      limiters.set(provider.id, limiter);
    }
    return limiter;
  };
  return {
    limiterOf,
    fetchFor: (provider, fetch) => observeRateLimits(fetch, limiterOf(provider), options.clock),
  };
}
