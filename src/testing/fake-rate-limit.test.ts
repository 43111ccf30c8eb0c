import { afterEach, describe, expect, it } from 'vitest';
import { readRateLimitHeaders } from '../rate-limit/rate-limit-headers.js';
import { createFakeClock } from './fake-clock.js';
import { startFakeAnthropicServer } from './fake-anthropic-server.js';
import { startFakeOpenAIServer } from './fake-openai-server.js';
import { createFakeRateLimiter, goDuration } from './fake-rate-limit.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('createFakeRateLimiter', () => {
  it('admits a minute’s allowance, then refuses with a Retry-After until the bucket refills', () => {
    const clock = createFakeClock();
    const limits = createFakeRateLimiter({ rpm: 60, clock }, 'openai');
    for (let i = 0; i < 60; i++) expect(limits.admit(0).ok).toBe(true);
    const refused = limits.admit(0);
    expect(refused).toMatchObject({
      ok: false,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining-requests': '0' },
    });
    clock.advance(1000);
    expect(limits.admit(0).ok).toBe(true);
    expect({ admitted: limits.admitted, refused: limits.refused }).toEqual({ admitted: 61, refused: 1 });
  });

  it('counts tokens, and a smaller burst enforces the limit over seconds', () => {
    const clock = createFakeClock();
    const limits = createFakeRateLimiter({ tpm: 6000, burstTokens: 500, retryAfter: 'ms', clock }, 'openai');
    expect(limits.admit(400).ok).toBe(true);
    const refused = limits.admit(200);
    // 100 left, 200 needed at 100 tokens/s: one second.
    expect(refused).toMatchObject({ ok: false, headers: { 'retry-after-ms': '1000' } });
    expect(limits.admittedTokens).toBe(400);
  });

  it('writes headers that the client’s reader reads back, in both dialects', () => {
    const clock = createFakeClock();
    const openai = createFakeRateLimiter({ rpm: 60, tpm: 1000, clock }, 'openai').admit(100);
    expect(openai.headers).toMatchObject({
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-reset-tokens': '6s',
    });
    expect(readRateLimitHeaders(new Headers(openai.headers), clock.now())).toEqual({
      requests: { limit: 60, remaining: 59, resetMs: 1000 },
      tokens: { limit: 1000, remaining: 900, resetMs: 6000 },
    });
    const anthropic = createFakeRateLimiter({ rpm: 60, clock }, 'anthropic').admit(0);
    expect(anthropic.headers['anthropic-ratelimit-requests-reset']).toBe('2026-01-01T00:00:01Z');
    expect(readRateLimitHeaders(new Headers(anthropic.headers), clock.now()).requests).toEqual({
      limit: 60,
      remaining: 59,
      resetMs: 1000,
    });
  });

  it('formats durations the way OpenAI does', () => {
    expect(goDuration(20)).toBe('20ms');
    expect(goDuration(1500)).toBe('1.5s');
    expect(goDuration(360_000)).toBe('6m0s');
  });
});

describe('the fake servers with rateLimit', () => {
  it('openai: 429 in the OpenAI envelope once the rpm is spent', async () => {
    const clock = createFakeClock();
    const server = await startFakeOpenAIServer({ rateLimit: { rpm: 1, clock } });
    closers.push(server.close);
    const post = () =>
      fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      });
    const ok = await post();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
    expect(server.rateLimit?.refused).toBe(1);
  });

  it('anthropic: 429 rate_limit_error with anthropic-ratelimit-* headers', async () => {
    const clock = createFakeClock();
    const server = await startFakeAnthropicServer({ rateLimit: { rpm: 1, clock } });
    closers.push(server.close);
    const post = () =>
      fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
      });
    expect((await post()).status).toBe(200);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });
});
