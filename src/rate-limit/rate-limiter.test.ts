import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../testing/fake-clock.js';
import { createRateLimiter } from './rate-limiter.js';

function setup(options: { rpm?: number; tpm?: number; maxConcurrency?: number } = {}) {
  const clock = createFakeClock();
  const limiter = createRateLimiter({ maxConcurrency: 4, ...options, clock });
  return { clock, limiter };
}

describe('createRateLimiter', () => {
  it('sends one request first, and opens up to the full concurrency once it succeeds', async () => {
    const { limiter } = setup();
    const first = await limiter.acquire({ tokens: 10 });
    let second = false;
    const next = limiter.acquire({ tokens: 10 }).then((p) => {
      second = true;
      return p;
    });
    await new Promise((r) => setImmediate(r));
    expect(second).toBe(false);
    first.settle({ kind: 'success', tokens: 10 });
    const permits = [await next, ...(await Promise.all([1, 2, 3].map(() => limiter.acquire({ tokens: 1 }))))];
    expect(permits).toHaveLength(4);
  });

  it('a first request that fails for another reason (a 500) opens up too; a first 429 does not', async () => {
    const failing = setup();
    (await failing.limiter.acquire({ tokens: 1 })).settle({ kind: 'error' });
    expect(failing.limiter.stats().concurrency).toBe(4);
    const limited = setup();
    (await limited.limiter.acquire({ tokens: 1 })).settle({ kind: 'rate-limited', retryAfterMs: 10 });
    expect(limited.limiter.stats().concurrency).toBe(1);
  });

  it('paces to the configured rpm: the 61st request of a minute waits one second', async () => {
    const { clock, limiter } = setup({ rpm: 60 });
    for (let i = 0; i < 60; i++) (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([]);
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([1000]);
  });

  it('charges the token estimate up front and trues it up to the actual usage', async () => {
    const { clock, limiter } = setup({ tpm: 600 });
    const p = await limiter.acquire({ tokens: 500 });
    // Used only 100: 400 come back, so another 500 fits at once.
    p.settle({ kind: 'success', tokens: 100 });
    (await limiter.acquire({ tokens: 500 })).settle({ kind: 'success', tokens: 500 });
    expect(clock.sleeps).toEqual([]);
    // Now 0 left: 300 tokens at 10/s take 30 s.
    (await limiter.acquire({ tokens: 300 })).settle({ kind: 'success', tokens: 300 });
    expect(clock.sleeps).toEqual([30_000]);
  });

  it("pauses every request for the server's Retry-After after a 429, and halves concurrency", async () => {
    const { clock, limiter } = setup();
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(limiter.stats().concurrency).toBe(4);
    const permits = await Promise.all([1, 2].map(() => limiter.acquire({ tokens: 1 })));
    permits[0].settle({ kind: 'rate-limited', retryAfterMs: 5000 });
    permits[1].settle({ kind: 'rate-limited', retryAfterMs: 5000 });
    expect(limiter.stats()).toMatchObject({ rateLimited: 2, concurrency: 1 });
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([5000]);
  });

  it('a 429 without Retry-After waits for the reset of the exhausted limit', async () => {
    const { clock, limiter } = setup();
    const p = await limiter.acquire({ tokens: 1 });
    const mark = limiter.mark();
    limiter.observe({ tokens: { remaining: 0, resetMs: 2500 } }, mark);
    p.settle({ kind: 'rate-limited' });
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([2500]);
  });

  it('learns the limit from the headers, starting from what the server says is left', async () => {
    const { clock, limiter } = setup();
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    const p = await limiter.acquire({ tokens: 1 });
    const mark = limiter.mark();
    const q = await limiter.acquire({ tokens: 1 });
    limiter.observe({ requests: { limit: 60, remaining: 1 } }, mark);
    p.settle({ kind: 'success' });
    q.settle({ kind: 'success' });
    expect(limiter.stats().rpm).toBe(60);
    // One more was sent after the mark, so 0 are left: the next waits a second.
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([1000]);
  });

  it('a configured limit below the server’s stays; one above it gives way', async () => {
    const low = setup({ rpm: 30 });
    low.limiter.observe({ requests: { limit: 60, remaining: 59 } }, low.limiter.mark());
    expect(low.limiter.stats().rpm).toBe(30);
    const high = setup({ rpm: 600 });
    high.limiter.observe({ requests: { limit: 60, remaining: 59 } }, high.limiter.mark());
    expect(high.limiter.stats().rpm).toBe(60);
  });

  it('takes the server’s word when it has less left than we thought (another client on the key)', async () => {
    const { clock, limiter } = setup({ rpm: 60 });
    const p = await limiter.acquire({ tokens: 1 });
    // The mark is taken as the request is sent, after its permit.
    const mark = limiter.mark();
    // We believe 59 are left; the server says 9.
    limiter.observe({ requests: { limit: 60, remaining: 9 } }, mark);
    p.settle({ kind: 'success' });
    for (let i = 0; i < 9; i++) (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([]);
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([1000]);
  });

  it('ignores a remaining count within its tolerance (it rounds down), and never raises the level', async () => {
    const { clock, limiter } = setup({ rpm: 60 });
    const p = await limiter.acquire({ tokens: 1 });
    limiter.observe({ requests: { remaining: 58 } }, limiter.mark());
    p.settle({ kind: 'success' });
    // 59 believed, 58 said: within 1, untouched; 59 more go without waiting.
    for (let i = 0; i < 59; i++) (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([]);
    // A server saying more than we believe does not raise the level.
    const q = await limiter.acquire({ tokens: 1 });
    limiter.observe({ requests: { remaining: 50 } }, limiter.mark());
    q.settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([1000]);
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('with no limit known, the first 429 sets the rpm from what got through in the minute before', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 30; i++) (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'rate-limited', retryAfterMs: 1000 });
    expect(limiter.stats()).toMatchObject({ rpm: 30, rateLimited: 1 });
  });

  it('a 429 despite the buckets cuts our share by a fifth; it grows back 5 % a minute', async () => {
    const { clock, limiter } = setup({ rpm: 60 });
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'rate-limited', retryAfterMs: 0 });
    expect(limiter.stats().share).toBeCloseTo(0.8, 9);
    clock.advance(60_000);
    expect(limiter.stats().share).toBeCloseTo(0.85, 9);
    clock.advance(10 * 60_000);
    expect(limiter.stats().share).toBe(1);
  });

  it('an aborted wait gives its slot back', async () => {
    const { limiter } = setup({ rpm: 1 });
    (await limiter.acquire({ tokens: 1 })).settle({ kind: 'success' });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(limiter.acquire({ tokens: 1, signal: controller.signal })).rejects.toThrow('stop');
  });
});
