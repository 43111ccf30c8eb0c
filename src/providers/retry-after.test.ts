import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const nowMs = Date.parse('2026-01-01T00:00:00Z');
const at = (init: Record<string, string>) => parseRetryAfter({ headers: new Headers(init), nowMs });

describe('parseRetryAfter', () => {
  it('reads seconds, fractional seconds and retry-after-ms (which wins)', () => {
    expect(at({ 'retry-after': '1' })).toBe(1_000);
    expect(at({ 'retry-after': '0.5' })).toBe(500);
    expect(at({ 'retry-after': '20', 'retry-after-ms': '1500' })).toBe(1_500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(at({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' })).toBe(7_000);
    expect(at({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' })).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(at({})).toBeUndefined();
    expect(at({ 'retry-after': 'soon' })).toBeUndefined();
    expect(at({ 'retry-after-ms': 'x' })).toBeUndefined();
    expect(parseRetryAfter({ headers: undefined, nowMs })).toBeUndefined();
  });
});
