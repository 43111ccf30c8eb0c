import { describe, expect, it } from 'vitest';
import { coldStartVerdict, median } from './cold-start-verdict.js';

describe('coldStartVerdict', () => {
  it('passes a first request drawn like the others (half the starts above 1, median near 1)', () => {
    const ratios = [0.92, 0.96, 1.17, 1.04, 1.08, 1.02, 0.97, 0.86, 0.99, 1.15, 1.07, 0.92, 0.81, 1.01, 0.95];
    const v = coldStartVerdict(ratios);
    expect(v.slower).toBe(7);
    expect(v.medianRatio).toBe(0.99);
    expect(v.met).toBe(true);
  });

  it('fails a first request slower in nearly every start, even by a little', () => {
    // 13 of 15 above 1: P(X ≥ 13 | n = 15, ½) = (105 + 15 + 1) / 2^15 ≈ 0.0037.
    const ratios = [1.03, 1.02, 1.04, 1.01, 1.03, 1.02, 1.03, 1.04, 1.02, 1.01, 1.03, 1.02, 1.03, 0.99, 0.98];
    const v = coldStartVerdict(ratios);
    expect(v.pSlower).toBeCloseTo(121 / 32768, 10);
    expect(v.withinTolerance).toBe(true);
    expect(v.shownSlower).toBe(true);
    expect(v.met).toBe(false);
  });

  it('fails a median excess above 5 % though the sign test alone would not', () => {
    // 10 of 15 above 1 (p ≈ 0.15), but the median first request is 20 % slower.
    const ratios = [1.2, 1.3, 1.25, 1.2, 1.4, 1.2, 1.22, 1.21, 1.3, 1.2, 0.9, 0.95, 0.97, 0.9, 0.92];
    const v = coldStartVerdict(ratios);
    expect(v.shownSlower).toBe(false);
    expect(v.medianRatio).toBe(1.2);
    expect(v.met).toBe(false);
  });

  it('keeps the 5 % edge: 1.05 passes, just above fails', () => {
    expect(coldStartVerdict([0.9, 1.05, 1.1]).withinTolerance).toBe(true);
    expect(coldStartVerdict([0.9, 1.0501, 1.1]).withinTolerance).toBe(false);
  });

  it('does not count a tie as slower', () => {
    expect(coldStartVerdict([1, 1, 1]).slower).toBe(0);
  });
});

describe('median', () => {
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });
});
