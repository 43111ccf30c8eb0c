// A fetch wrapper that shows every response's rate-limit headers (successes and 429s alike) to
// the provider's limiter, with the limiter's state from the moment the request was sent. The
// SDKs keep headers to themselves on success, so the fetch they are given is where we see them.
import type { Clock } from '../core/clock.js';
import { readRateLimitHeaders } from '../rate-limit/rate-limit-headers.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

export function observeRateLimits(fetchFn: typeof fetch, limiter: RateLimiter, clock: Clock): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const mark = limiter.mark();
    const response = await fetchFn(input, init);
    limiter.observe(readRateLimitHeaders(response.headers, clock.now()), mark);
    return response;
  }) as typeof fetch;
}
