import { describe, expect, it } from 'vitest';
import { parseDuration, parseResetMs } from './reset-duration.js';

describe('parseDuration', () => {
  it('reads the Go-style durations OpenAI sends', () => {
    expect(parseDuration('6m0s')).toBe(360_000);
    expect(parseDuration('1s')).toBe(1000);
    expect(parseDuration('20ms')).toBe(20);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('1h2m3s')).toBe(3_723_000);
    expect(parseDuration('17ms')).toBe(17);
    expect(parseDuration('0s')).toBe(0);
  });
  it('reads a bare number as seconds', () => {
    expect(parseDuration('2')).toBe(2000);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'soon', '5x', '1s garbage', 'm5', '-1s'])
      expect(parseDuration(bad)).toBeUndefined();
  });
});

describe('parseResetMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('turns an RFC 3339 instant into a wait from now, never negative', () => {
    expect(parseResetMs('2026-01-01T00:00:30Z', now)).toBe(30_000);
    expect(parseResetMs('2025-12-31T23:59:00Z', now)).toBe(0);
  });
  it('reads durations and ignores absent or unreadable values', () => {
    expect(parseResetMs('6m0s', now)).toBe(360_000);
    expect(parseResetMs(null, now)).toBeUndefined();
    expect(parseResetMs('tomorrow', now)).toBeUndefined();
  });
});
