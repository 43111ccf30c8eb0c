import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { signFlipTest } from './sign-flip-test.js';

describe('signFlipTest', () => {
  it('enumerates small sets exactly', () => {
    // [1, 2, 3]: only all-plus and all-minus reach |sum| = 6 → 2/8.
    expect(signFlipTest({ differences: [1, 2, 3], rng: createRng(1) })).toEqual({
      pValue: 0.25,
      exact: true,
      nonZero: 3,
      minAttainableP: 0.25,
    });
    // [1, −2, 3, 4]: |sum| ≥ 6 when the negated subset sums to ≤ 2 or ≥ 8: 6 of 16 patterns.
    expect(signFlipTest({ differences: [1, -2, 3, 4], rng: createRng(1) }).pValue).toBe(0.375);
  });
  it('ignores zero differences and returns 1 when nothing changed', () => {
    expect(signFlipTest({ differences: [0, 1, -2, 0, 3, 4], rng: createRng(1) }).pValue).toBe(0.375);
    expect(signFlipTest({ differences: [0, 0], rng: createRng(1) })).toEqual({
      pValue: 1,
      exact: true,
      nonZero: 0,
      minAttainableP: 1,
    });
  });
  it('counts ties despite rounding', () => {
    expect(signFlipTest({ differences: [0.1, 0.2, -0.3], rng: createRng(1) }).pValue).toBe(1);
  });
  it('uses the (b + 1)/(m + 1) Monte Carlo estimate beyond the exact limit', () => {
    const result = signFlipTest({ differences: new Array(25).fill(1), resamples: 2000, rng: createRng(1) });
    expect(result).toEqual({ pValue: 1 / 2001, exact: false, nonZero: 25, minAttainableP: 1 / 2001 });
  });
  it('Monte Carlo agrees with enumeration', () => {
    const rng = createRng(5);
    const differences = Array.from({ length: 18 }, () => rng.next() - 0.4);
    const exact = signFlipTest({ differences, rng: createRng(2) });
    const sampled = signFlipTest({ differences, exactLimit: 0, resamples: 20000, rng: createRng(2) });
    expect(exact.exact).toBe(true);
    expect(Math.abs(sampled.pValue - exact.pValue)).toBeLessThan(0.01);
  });

  it('one-sided: counts only patterns at least as far in the worse direction', () => {
    // [1, 2, 3] (sum 6): only all-plus reaches 6 → 1/8. [1, −2, 3, 4] (sum 6): the negated subset
    // must sum to ≤ 2: {}, {1}, {2} → 3/16.
    const one = signFlipTest({ differences: [1, 2, 3], alternative: 'greater', rng: createRng(1) });
    expect(one).toEqual({ pValue: 0.125, exact: true, nonZero: 3, minAttainableP: 0.125 });
    const mixed = signFlipTest({ differences: [1, -2, 3, 4], alternative: 'greater', rng: createRng(1) });
    expect(mixed.pValue).toBe(3 / 16);
    // A change in the better direction is no evidence of a regression: [−1, −2, −3] → 1.
    expect(
      signFlipTest({ differences: [-1, -2, -3], alternative: 'greater', rng: createRng(1) }).pValue,
    ).toBe(1);
  });
  it('one-sided Monte Carlo agrees with enumeration', () => {
    const rng = createRng(9);
    const differences = Array.from({ length: 18 }, () => rng.next() - 0.35);
    const exact = signFlipTest({ differences, alternative: 'greater', rng: createRng(2) });
    const sampled = signFlipTest({
      differences,
      alternative: 'greater',
      exactLimit: 0,
      resamples: 20000,
      rng: createRng(2),
    });
    expect(Math.abs(sampled.pValue - exact.pValue)).toBeLessThan(0.01);
    expect(sampled.minAttainableP).toBe(1 / 20001);
  });
});
