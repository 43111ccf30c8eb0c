import { describe, expect, it } from 'vitest';
import { coldStartVerdict, median, upperBoundRank } from './cold-start-verdict.js';

// 30 ratios around 1 (a first request drawn like the others), sorted for reading.
const LIKE_THE_OTHERS = [
  0.81, 0.84, 0.86, 0.88, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 0.99, 1.0, 1.01, 1.02,
  1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.1, 1.12, 1.15, 1.18, 1.22, 1.3,
];

describe('upperBoundRank', () => {
  it('is the 20th of 30 at 95 % (P(X ≥ 20) = 0.0494 for Binomial(30, ½); P(X ≥ 19) = 0.1002)', () => {
    expect(upperBoundRank(30, 0.95)).toBe(20);
  });
  it('is the 12th of 15, and none for 4 starts (even the largest is not a 95 % bound)', () => {
    expect(upperBoundRank(15, 0.95)).toBe(12);
    expect(upperBoundRank(4, 0.95)).toBeNull();
  });
});

describe('coldStartVerdict', () => {
  it('passes a first request drawn like the others: the bound is the 20th ratio, 1.04', () => {
    const v = coldStartVerdict(LIKE_THE_OTHERS);
    expect(v.upperBound).toBe(1.04);
    expect(v.met).toBe(true);
  });

  it('fails the same starts with the first request 10 % slower in each', () => {
    const v = coldStartVerdict(LIKE_THE_OTHERS.map((r) => r * 1.1));
    expect(v.upperBound).toBeCloseTo(1.144, 10);
    expect(v.met).toBe(false);
  });

  it('fails a first request that stalls (×2) in 11 of 30 starts, though its median barely moves', () => {
    // The 11 largest ratios doubled: the 20th smallest is now a stalled one.
    const stalled = LIKE_THE_OTHERS.map((r, i) => (i >= 19 ? r * 2 : r));
    const v = coldStartVerdict(stalled);
    expect(v.medianRatio).toBeLessThan(1.05);
    expect(v.upperBound).toBeCloseTo(2.08, 10);
    expect(v.met).toBe(false);
  });

  it('keeps the margin edge: a bound of 1.10 passes, just above fails', () => {
    // 19 ratios below the bound and 10 above it: the 20th smallest is the bound itself.
    const at = (bound) => coldStartVerdict([...Array(19).fill(0.95), bound, ...Array(10).fill(1.5)]);
    expect(at(1.1).upperBound).toBe(1.1);
    expect(at(1.1).met).toBe(true);
    expect(at(1.1001).met).toBe(false);
  });

  it('sorts the ratios it is given in the order the starts ran', () => {
    // Eleven stalled starts first, then nineteen normal ones: the 20th smallest is a stalled one.
    const v = coldStartVerdict([...Array(11).fill(2.1), ...Array(19).fill(0.95)]);
    expect(v.upperBound).toBe(2.1);
    expect(v.met).toBe(false);
    expect(coldStartVerdict([...LIKE_THE_OTHERS].reverse())).toEqual(coldStartVerdict(LIKE_THE_OTHERS));
  });

  it('does not pass what it cannot assess: too few starts for a 95 % bound', () => {
    const v = coldStartVerdict([0.9, 0.95, 1.0, 1.0]);
    expect(v.upperBound).toBeNull();
    expect(v.met).toBe(false);
  });
});

describe('median', () => {
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });
});
