import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { pairedSwapTest } from './paired-swap-test.js';
import { signFlipTest } from './sign-flip-test.js';

const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
const max = (v: Float64Array) => Math.max(...v);

describe('pairedSwapTest', () => {
  it('is the sign-flip test when the statistic is the mean', () => {
    const a = [1, 4, 2, 8, 5, 7, 3];
    const b = [2, 6, 2, 5, 9, 8, 6];
    const swap = pairedSwapTest({ baseline: a, candidate: b, statistic: mean, rng: createRng(1) });
    const flip = signFlipTest({ differences: b.map((x, i) => x - a[i]), rng: createRng(1) });
    expect(swap.exact).toBe(true);
    expect(swap.pValue).toBeCloseTo(flip.pValue, 12);
    expect(swap.observed).toBeCloseTo(mean(Float64Array.from(b)) - mean(Float64Array.from(a)), 12);
  });

  it('matches a hand count for the maximum', () => {
    // a = (0, 0, 0), b = (3, 1, 0): pairs 1 and 2 differ, so four swap patterns.
    // none: 3 − 0 = 3; swap 1st: max(0,1,0) − max(3,0,0) = −2; swap 2nd: 3 − 1 = 2; both: 0 − 3 = −3.
    // |T*| ≥ 3 in 2 of 4 patterns.
    const result = pairedSwapTest({
      baseline: [0, 0, 0],
      candidate: [3, 1, 0],
      statistic: max,
      rng: createRng(1),
    });
    expect(result.observed).toBe(3);
    expect(result.pValue).toBe(0.5);
    expect(result.minAttainableP).toBe(0.5);
  });

  it('gives p = 1 when nothing changed, and a small p for a large shift by Monte Carlo', () => {
    expect(
      pairedSwapTest({ baseline: [1, 2], candidate: [1, 2], statistic: mean, rng: createRng(1) }).pValue,
    ).toBe(1);
    const a = Array.from({ length: 40 }, (_, i) => 100 + i);
    const b = a.map((x) => x + 50);
    const p95 = (v: Float64Array) => [...v].sort((x, y) => x - y)[Math.ceil(0.95 * v.length) - 1];
    const result = pairedSwapTest({
      baseline: a,
      candidate: b,
      statistic: p95,
      resamples: 999,
      rng: createRng(2),
    });
    expect(result.exact).toBe(false);
    expect(result.observed).toBe(50);
    expect(result.pValue).toBeLessThan(0.01);
    expect(result.minAttainableP).toBe(1 / 1000);
  });
});
