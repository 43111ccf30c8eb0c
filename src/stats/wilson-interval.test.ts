import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.js';

describe('wilsonInterval', () => {
  // Reference values: Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → [%f, %f]', (successes, n, low, high) => {
    const ci = wilsonInterval({ successes, n });
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });
  it('is exact at the ends and null without trials', () => {
    expect(wilsonInterval({ successes: 0, n: 20 })?.low).toBe(0);
    expect(wilsonInterval({ successes: 20, n: 20 })?.high).toBe(1);
    expect(wilsonInterval({ successes: 0, n: 0 })).toBeNull();
  });
  it('narrows as confidence drops', () => {
    const wide = wilsonInterval({ successes: 40, n: 100, confidence: 0.99 })!;
    const narrow = wilsonInterval({ successes: 40, n: 100, confidence: 0.8 })!;
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval({ successes: 5, n: 4 })).toThrow(RangeError);
  });
});
