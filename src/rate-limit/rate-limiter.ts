// One provider's rate limiter: request and token buckets (configured rpm/tpm, or learnt from the
// server's limit headers, whichever is lower), a pause after a 429 (Retry-After, else the reset
// of the exhausted limit), and adaptive concurrency. Every request acquires a permit before it is
// sent and settles it when the answer (or error) is in; response headers come in through
// `observe`, with a `mark` taken when the request was sent, so the server's "remaining" can be
// carried forward to now and compared with what we believe.
import type { Clock } from '../core/clock.js';
import { createAdaptiveConcurrency } from './adaptive-concurrency.js';
import type { RateLimitHeaders } from './rate-limit-headers.js';
import { createTokenBucket, type TokenBucket } from './token-bucket.js';

const SHARE_CUT = 0.8;
const SHARE_RECOVERY = 0.05;
const MIN_SHARE = 0.05;
/** Fewer successes than this before a first 429 say too little to guess a limit from. */
const MIN_SUCCESSES_FOR_GUESS = 10;

export interface RateLimiterOptions {
  /** Requests per minute we may send (from the config); the server's limit header may lower it. */
  rpm?: number;
  /** Tokens (input + output) per minute. */
  tpm?: number;
  /** Upper bound of the adaptive concurrency (the run's concurrency). */
  maxConcurrency: number;
  clock: Clock;
  /** Pause after a 429 that names no wait and no reset (default 1 s). */
  defaultPauseMs?: number;
  /** Longest pause a server may impose (default 60 s). */
  maxPauseMs?: number;
}

export type PermitOutcome =
  | { kind: 'success' /** Actual tokens used, when the provider reported them. */; tokens?: number }
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'error' };

export interface RateLimitPermit {
  /** Tokens charged up front (the estimate). */
  readonly tokens: number;
  settle(outcome: PermitOutcome): void;
}

/** What we believed when a request was sent; compared with the server's headers on its answer. */
export interface RateLimitMark {
  requests: DimensionMark;
  tokens: DimensionMark;
}
interface DimensionMark {
  /** Monotonic ms when the request was sent. */
  at: number;
  sent: number;
}

export interface RateLimitStats {
  /** 429 (or 529) answers seen. */
  rateLimited: number;
  /** Times a request waited for its bucket or a pause, and for how long in total. */
  waits: number;
  waitedMs: number;
  concurrency: number;
  /** Our share of the limits (1 unless 429s said something else spends the same quota). */
  share: number;
  /** The limits in force now (configured or learnt), when there are any. */
  rpm?: number;
  tpm?: number;
}

export interface RateLimiter {
  acquire(request: { tokens: number; signal?: AbortSignal }): Promise<RateLimitPermit>;
  mark(): RateLimitMark;
  observe(headers: RateLimitHeaders, mark: RateLimitMark): void;
  stats(): RateLimitStats;
}

interface Dimension {
  configured?: number;
  /** The limit in force: the configured one or the server's, whichever is lower. */
  limit?: number;
  bucket?: TokenBucket;
  /** Total charged so far (estimates, then corrected by actual usage). */
  sent: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { clock } = options;
  const now = (): number => clock.monotonic();
  const maxPauseMs = options.maxPauseMs ?? 60_000;
  const dimension = (configured?: number): Dimension => ({
    configured,
    limit: configured,
    bucket: configured ? createTokenBucket({ perMinute: configured, now }) : undefined,
    sent: 0,
  });
  const requests = dimension(options.rpm);
  const tokens = dimension(options.tpm);
  // Start with one request in flight: its answer's headers tell us the server's state before
  // the rest of the run is let loose on it. The first success opens up to the full limit.
  const concurrency = createAdaptiveConcurrency({ max: options.maxConcurrency, initial: 1 });
  let opened = false;
  let pauseUntil = 0;
  let lastResetMs: number | undefined;
  /** Success times, kept only while no request limit is known (trimmed to the last minute). */
  const recentSuccesses: number[] = [];
  const stats = { rateLimited: 0, waits: 0, waitedMs: 0 };
  // Our share of the limit, for when something else spends the same quota (another job on the
  // same key): a 429 despite our buckets cuts it by a fifth, and it grows back by 5 % of the
  // limit per minute. At most one cut a second, so one burst of 429s counts once.
  let shareAtCut = 1;
  let cutAt = Number.NEGATIVE_INFINITY;
  // In whole percents, so the buckets' rates change in steps, not on every call.
  const share = (): number =>
    Math.min(
      1,
      Math.floor(100 * (shareAtCut + (Math.max(0, now() - cutAt) * SHARE_RECOVERY) / 60_000)) / 100,
    );
  const applyShare = (): void => {
    const factor = share();
    for (const d of [requests, tokens]) {
      if (d.bucket && d.limit && Math.abs(d.bucket.perMinute - d.limit * factor) > 1e-9 * d.limit)
        d.bucket.setPerMinute(d.limit * factor);
    }
  };

  const pause = (ms: number): void => {
    pauseUntil = Math.max(pauseUntil, now() + Math.min(ms, maxPauseMs));
  };

  const acquire = async (request: { tokens: number; signal?: AbortSignal }): Promise<RateLimitPermit> => {
    const cost = Math.max(0, request.tokens);
    const permit = await concurrency.acquire(request.signal);
    try {
      for (;;) {
        applyShare();
        const wait = Math.max(
          pauseUntil - now(),
          requests.bucket?.waitMs(1) ?? 0,
          tokens.bucket?.waitMs(cost) ?? 0,
        );
        if (wait <= 0) break;
        stats.waits++;
        stats.waitedMs += wait;
        await clock.sleep(wait, request.signal);
      }
    } catch (error) {
      concurrency.release(permit, 'other');
      throw error;
    }
    requests.bucket?.take(1);
    tokens.bucket?.take(cost);
    requests.sent += 1;
    tokens.sent += cost;
    let settled = false;
    return {
      tokens: cost,
      settle(outcome) {
        if (settled) return;
        settled = true;
        if (outcome.kind === 'success') {
          if (!requests.bucket) {
            recentSuccesses.push(now());
            // Trimmed in halves, so keeping the window costs O(1) a success on average.
            if (recentSuccesses.length > 64 && recentSuccesses[recentSuccesses.length >> 1] <= now() - 60_000)
              recentSuccesses.splice(0, recentSuccesses.length >> 1);
          }
          if (outcome.tokens !== undefined) {
            tokens.bucket?.adjust(cost - outcome.tokens);
            tokens.sent += outcome.tokens - cost;
          }
          concurrency.release(permit, 'success');
          if (!opened) {
            opened = true;
            concurrency.open();
          }
          return;
        }
        if (outcome.kind === 'rate-limited') {
          stats.rateLimited++;
          const lastMinute = recentSuccesses.filter((t) => t > now() - 60_000).length;
          if (!requests.bucket && lastMinute >= MIN_SUCCESSES_FOR_GUESS) {
            // Neither configured nor told by headers: what got through in the minute before
            // the first 429 is the best guess of the limit; the share cuts below refine it.
            requests.limit = lastMinute;
            requests.bucket = createTokenBucket({ perMinute: requests.limit, now, initial: 0 });
          }
          // The server has nothing left for us: whatever our buckets believed was too much.
          for (const d of [requests, tokens]) {
            const level = d.bucket?.level() ?? 0;
            if (level > 0) d.bucket?.adjust(-level);
          }
          pause(outcome.retryAfterMs ?? lastResetMs ?? fallbackPauseMs());
          if (now() - cutAt >= 1000) {
            shareAtCut = Math.max(MIN_SHARE, Math.round(100 * share() * SHARE_CUT) / 100);
            cutAt = now();
          }
          opened = true;
          concurrency.release(permit, 'overloaded');
          return;
        }
        concurrency.release(permit, 'other');
        // An error that is not a 429 says nothing about the limits: no reason to stay at one.
        if (!opened) {
          opened = true;
          concurrency.open();
        }
      },
    };
  };

  const fallbackPauseMs = (): number =>
    requests.bucket ? Math.ceil(60_000 / requests.bucket.perMinute) : (options.defaultPauseMs ?? 1000);

  const markOf = (d: Dimension): DimensionMark => ({ at: now(), sent: d.sent });

  const observeDimension = (d: Dimension, state: RateLimitHeaders['requests'], mark: DimensionMark): void => {
    if (!state) return;
    if (state.remaining !== undefined && state.remaining < 1 && state.resetMs !== undefined)
      lastResetMs = state.resetMs;
    if (state.limit !== undefined && state.limit > 0) {
      const limit = Math.min(d.configured ?? Number.POSITIVE_INFINITY, state.limit);
      d.limit = limit;
      if (!d.bucket) {
        // First word from the server: start from what it says is left, less what we sent since.
        const initial = (state.remaining ?? limit) - (d.sent - mark.sent);
        d.bucket = createTokenBucket({ perMinute: limit * share(), now, initial });
        return;
      }
      applyShare();
    }
    if (!d.bucket) {
      // No limit to build a bucket from: an exhausted limit still means wait for its reset.
      if (state.remaining !== undefined && state.remaining < 1 && state.resetMs !== undefined)
        pause(state.resetMs);
      return;
    }
    if (state.remaining === undefined) return;
    // The server's count when it took this request, carried forward: less what we sent since
    // (it may already have counted some of those: the safe side), plus the refill since.
    const target = state.remaining - (d.sent - mark.sent) + ((now() - mark.at) * d.bucket.perMinute) / 60_000;
    const excess = d.bucket.level() - target;
    // Requests are counted exactly (the server rounds its count down: hence 1); token counts
    // differ by our estimates' noise. A real shortfall (another client on the same key, a
    // lower limit) is taken at the server's word.
    const tolerance = d === requests ? 1 : Math.max(1, 0.01 * d.bucket.perMinute);
    if (excess > tolerance) d.bucket.adjust(-excess);
  };

  const limiter: RateLimiter = {
    acquire,
    mark: () => ({ requests: markOf(requests), tokens: markOf(tokens) }),
    observe(headers, mark) {
      observeDimension(requests, headers.requests, mark.requests);
      observeDimension(tokens, headers.tokens, mark.tokens);
    },
    stats: () => ({
      ...stats,
      concurrency: concurrency.limit(),
      share: share(),
      ...(requests.limit && { rpm: requests.limit }),
      ...(tokens.limit && { tpm: tokens.limit }),
    }),
  };
  return limiter;
}
