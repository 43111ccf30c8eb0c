import { describe, expect, it } from 'vitest';
import { readRateLimitHeaders } from './rate-limit-headers.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('readRateLimitHeaders', () => {
  it('reads the OpenAI dialect', () => {
    const headers = new Headers({
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-limit-tokens': '150000',
      'x-ratelimit-remaining-tokens': '149984',
      'x-ratelimit-reset-tokens': '6ms',
    });
    expect(readRateLimitHeaders(headers, now)).toEqual({
      requests: { limit: 60, remaining: 59, resetMs: 1000 },
      tokens: { limit: 150_000, remaining: 149_984, resetMs: 6 },
    });
  });

  it('reads the Anthropic dialect, preferring the combined token limit over input tokens', () => {
    const headers = new Headers({
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '49',
      'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:01Z',
      'anthropic-ratelimit-input-tokens-limit': '40000',
      'anthropic-ratelimit-input-tokens-remaining': '39000',
      'anthropic-ratelimit-tokens-limit': '20000',
      'anthropic-ratelimit-tokens-remaining': '19500',
      'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:02Z',
    });
    expect(readRateLimitHeaders(headers, now)).toEqual({
      requests: { limit: 50, remaining: 49, resetMs: 1000 },
      tokens: { limit: 20_000, remaining: 19_500, resetMs: 2000 },
    });
    headers.delete('anthropic-ratelimit-tokens-limit');
    headers.delete('anthropic-ratelimit-tokens-remaining');
    headers.delete('anthropic-ratelimit-tokens-reset');
    expect(readRateLimitHeaders(headers, now).tokens).toEqual({ limit: 40_000, remaining: 39_000 });
  });

  it('ignores absent, negative and non-numeric values', () => {
    expect(readRateLimitHeaders(undefined, now)).toEqual({});
    expect(readRateLimitHeaders(new Headers({ 'content-type': 'application/json' }), now)).toEqual({});
    const odd = new Headers({ 'x-ratelimit-remaining-requests': 'lots', 'x-ratelimit-limit-requests': '-1' });
    expect(readRateLimitHeaders(odd, now)).toEqual({});
  });
});
