import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket.js';

function setup(perMinute: number, initial?: number) {
  let t = 0;
  const bucket = createTokenBucket({ perMinute, now: () => t, initial });
  return { bucket, advance: (ms: number) => (t += ms) };
}

describe('createTokenBucket', () => {
  it('starts full and refills at limit/60 s, capped at one minute', () => {
    const { bucket, advance } = setup(60);
    expect(bucket.level()).toBe(60);
    bucket.take(60);
    expect(bucket.level()).toBe(0);
    advance(1000);
    expect(bucket.level()).toBeCloseTo(1, 9);
    advance(120_000);
    expect(bucket.level()).toBe(60);
  });

  it('says how long until a cost fits: (cost − level) / rate', () => {
    const { bucket, advance } = setup(600, 0);
    // 600/min = 10/s: 5 tokens take 500 ms.
    expect(bucket.waitMs(5)).toBe(500);
    advance(200);
    expect(bucket.waitMs(5)).toBe(300);
    advance(300);
    expect(bucket.waitMs(5)).toBe(0);
  });

  it('a cost above the capacity waits for a full bucket, not forever', () => {
    const { bucket } = setup(100, 50);
    expect(bucket.waitMs(1000)).toBe(30_000);
  });

  it('goes into debt when usage is trued up, and a refund never overfills', () => {
    const { bucket } = setup(100, 10);
    bucket.take(10);
    bucket.adjust(-15);
    expect(bucket.level()).toBe(-15);
    expect(bucket.waitMs(1)).toBe(9600);
    bucket.adjust(1000);
    expect(bucket.level()).toBe(100);
  });

  it('a lower limit caps the level and slows the refill', () => {
    const { bucket, advance } = setup(120);
    bucket.setPerMinute(60);
    expect(bucket.level()).toBe(60);
    bucket.take(60);
    advance(1000);
    expect(bucket.level()).toBeCloseTo(1, 9);
  });
});
