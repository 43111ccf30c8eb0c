// Enforced rate limits for the fake servers: a request and a token bucket per server, each
// holding one minute's allowance (or a smaller `burst`, as a server that enforces a per-minute
// limit over shorter periods does) and refilling continuously. An admitted request carries the
// provider's rate-limit headers; a refused one gets a 429 with them and a Retry-After.
// Written apart from src/rate-limit on purpose: the fake must not share the client's bugs.
import { type Clock, systemClock } from '../core/clock.js';

export type RateLimitDialect = 'openai' | 'anthropic';

export interface FakeRateLimitOptions {
  rpm?: number;
  /** Tokens per minute, counted as the reply's input + output tokens. */
  tpm?: number;
  /** Bucket capacities when smaller than one minute's allowance. */
  burstRequests?: number;
  burstTokens?: number;
  /** The clock the limits run on (a test passes its virtual clock); default the system clock. */
  clock?: Clock;
  /** Send the rate-limit headers on every reply (default true). */
  headers?: boolean;
  /** How a 429 says when to come back: whole seconds (`retry-after`, default), milliseconds (`retry-after-ms`) or not at all. */
  retryAfter?: 'seconds' | 'ms' | 'none';
}

export interface FakeRateLimiter {
  /** Admits or refuses one request that costs `tokens`; either way with the headers to send. */
  admit(tokens: number): { ok: true; headers: Record<string, string> } | RateLimitRefusal;
  readonly admitted: number;
  readonly admittedTokens: number;
  readonly refused: number;
}

export interface RateLimitRefusal {
  ok: false;
  headers: Record<string, string>;
  message: string;
}

interface Bucket {
  perMinute: number;
  capacity: number;
  level: number;
}

export function createFakeRateLimiter(
  options: FakeRateLimitOptions,
  dialect: RateLimitDialect,
): FakeRateLimiter {
  const clock = options.clock ?? systemClock;
  const bucket = (perMinute?: number, burst?: number): Bucket | undefined => {
    if (!perMinute) return undefined;
    const capacity = Math.min(burst ?? perMinute, perMinute);
    return { perMinute, capacity, level: capacity };
  };
  const requests = bucket(options.rpm, options.burstRequests);
  const tokens = bucket(options.tpm, options.burstTokens);
  let last = clock.monotonic();
  const counts = { admitted: 0, admittedTokens: 0, refused: 0 };

  const refill = (): void => {
    const now = clock.monotonic();
    for (const b of [requests, tokens]) {
      if (b) b.level = Math.min(b.capacity, b.level + ((now - last) * b.perMinute) / 60_000);
    }
    last = now;
  };
  /** Milliseconds until the bucket holds `cost` again. */
  const waitMs = (b: Bucket, cost: number): number =>
    Math.max(0, ((Math.min(cost, b.capacity) - b.level) * 60_000) / b.perMinute);

  const headersOf = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (options.headers === false) return out;
    const put = (kind: 'requests' | 'tokens', b: Bucket | undefined): void => {
      if (!b) return;
      const fullInMs = waitMs(b, b.capacity);
      const limit = String(b.perMinute);
      const remaining = String(Math.max(0, Math.floor(b.level)));
      if (dialect === 'openai') {
        out[`x-ratelimit-limit-${kind}`] = limit;
        out[`x-ratelimit-remaining-${kind}`] = remaining;
        out[`x-ratelimit-reset-${kind}`] = goDuration(fullInMs);
      } else {
        out[`anthropic-ratelimit-${kind}-limit`] = limit;
        out[`anthropic-ratelimit-${kind}-remaining`] = remaining;
        // RFC 3339 to the second, as Anthropic sends it; rounded up so it is never early.
        const at = Math.ceil((clock.now() + fullInMs) / 1000) * 1000;
        out[`anthropic-ratelimit-${kind}-reset`] = new Date(at).toISOString().replace('.000Z', 'Z');
      }
    };
    put('requests', requests);
    put('tokens', tokens);
    return out;
  };

  return {
    admit(cost) {
      refill();
      const short = [
        requests && requests.level < 1 ? waitMs(requests, 1) : 0,
        tokens && tokens.level < Math.min(cost, tokens.capacity) ? waitMs(tokens, cost) : 0,
      ];
      const wait = Math.max(...short);
      if (wait > 0) {
        counts.refused++;
        const headers = headersOf();
        if (options.retryAfter === 'ms') headers['retry-after-ms'] = String(Math.ceil(wait));
        else if (options.retryAfter !== 'none') headers['retry-after'] = String(Math.ceil(wait / 1000));
        const which = short[0] > 0 ? 'requests' : 'tokens';
        return {
          ok: false,
          headers,
          message: `Rate limit reached for ${which} per minute. Please try again later.`,
        };
      }
      if (requests) requests.level -= 1;
      if (tokens) tokens.level -= cost;
      counts.admitted++;
      counts.admittedTokens += cost;
      return { ok: true, headers: headersOf() };
    },
    get admitted() {
      return counts.admitted;
    },
    get admittedTokens() {
      return counts.admittedTokens;
    },
    get refused() {
      return counts.refused;
    },
  };
}

/** `6m0s`, `1.5s`, `20ms`: the duration format of OpenAI's reset headers. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms - minutes * 60_000) / 10) / 100;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
