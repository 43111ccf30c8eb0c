// Paired permutation test for any statistic of two matched samples (a p95 latency, a median):
// under "no difference" the two values of each case are exchangeable, so swapping them within
// randomly chosen pairs draws from the null distribution of stat(candidate) − stat(baseline).
// For the mean this is exactly the sign-flip test; for a percentile it is the test the mean
// cannot give. Two-sided.
import type { Rng } from '../core/rng.js';

export interface PairedSwapTestOptions {
  baseline: ArrayLike<number>;
  candidate: ArrayLike<number>;
  statistic: (values: Float64Array) => number;
  /** Random swap patterns when enumerating all of them is too much. */
  resamples?: number;
  /** Enumerate all 2^k patterns when at most this many pairs differ. */
  exactLimit?: number;
  rng: Rng;
}

export interface PairedSwapTestResult {
  /** stat(candidate) − stat(baseline). */
  observed: number;
  pValue: number;
  exact: boolean;
  /** A lower bound on the p-value the test can return here (the pattern and its mirror both count). */
  minAttainableP: number;
}

export function pairedSwapTest(options: PairedSwapTestOptions): PairedSwapTestResult {
  const { baseline, candidate, statistic } = options;
  const n = baseline.length;
  if (candidate.length !== n) throw new RangeError('baseline and candidate must have the same length');
  const a = Float64Array.from(baseline);
  const b = Float64Array.from(candidate);
  const observed = statistic(b) - statistic(a);
  const differing: number[] = [];
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) differing.push(i);
  const k = differing.length;
  if (k === 0) return { observed, pValue: 1, exact: true, minAttainableP: 1 };
  const scale = Math.max(1e-12, Math.abs(observed));
  const threshold = Math.abs(observed) - 1e-9 * scale;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const draw = (swap: (j: number) => boolean): boolean => {
    x.set(a);
    y.set(b);
    for (let j = 0; j < k; j++)
      if (swap(j)) {
        const i = differing[j];
        x[i] = b[i];
        y[i] = a[i];
      }
    return Math.abs(statistic(y) - statistic(x)) >= threshold;
  };
  const exactLimit = options.exactLimit ?? 12;
  const exactMin = Math.min(1, 2 / 2 ** k);
  if (k <= exactLimit) {
    const patterns = 2 ** k;
    let count = 0;
    for (let p = 0; p < patterns; p++) if (draw((j) => ((p >>> j) & 1) === 1)) count++;
    return { observed, pValue: count / patterns, exact: true, minAttainableP: exactMin };
  }
  const resamples = options.resamples ?? 2000;
  let extreme = 0;
  for (let r = 0; r < resamples; r++) if (draw(() => options.rng.next() < 0.5)) extreme++;
  return {
    observed,
    pValue: (extreme + 1) / (resamples + 1),
    exact: false,
    minAttainableP: Math.max(exactMin, 1 / (resamples + 1)),
  };
}
