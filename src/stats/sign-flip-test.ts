// Paired permutation test: under "no change" each case's difference is as likely to be +d as
// −d, so flipping signs generates the null distribution of the summed difference without
// assuming normality (scores are bounded, skewed and often lumpy). Two-sided by default; the
// gate asks the one-sided question "did it get worse?" with `alternative: 'greater'` on
// differences oriented so that positive means worse.

import type { Rng } from '../core/rng.js';

export interface SignFlipTestOptions {
  differences: ArrayLike<number>;
  /** Random sign patterns drawn when enumeration is too large. */
  resamples?: number;
  /** Enumerate all 2^k patterns when the non-zero differences number at most this many. */
  exactLimit?: number;
  /** `greater`: H1 is a positive mean difference; p counts sign patterns summing at least as high. */
  alternative?: 'two-sided' | 'greater';
  rng: Rng;
}

export interface SignFlipTestResult {
  pValue: number;
  exact: boolean;
  /** Non-zero differences: zeros are unchanged by a flip and carry no evidence. */
  nonZero: number;
  /**
   * The smallest p-value this test could return on these |differences| (whatever their signs):
   * Tarone's multiplicity correction leaves out tests that could never reach significance.
   */
  minAttainableP: number;
}

const TWO_POW_32 = 4294967296;

export function signFlipTest({
  differences,
  resamples = 2000,
  exactLimit = 20,
  alternative = 'two-sided',
  rng,
}: SignFlipTestOptions): SignFlipTestResult {
  const d: number[] = [];
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < differences.length; i++) {
    const x = differences[i];
    if (x !== 0) {
      d.push(x);
      observed += x;
      scale += Math.abs(x);
    }
  }
  const k = d.length;
  if (k === 0) return { pValue: 1, exact: true, nonZero: 0, minAttainableP: 1 };
  const oneSided = alternative === 'greater';
  // Sums equal in exact arithmetic can differ in the last bits after reordering; counting them
  // as ties keeps the test conservative instead of letting rounding decide.
  const threshold = (oneSided ? observed : Math.abs(observed)) - 1e-9 * scale;
  const extreme = oneSided ? (sum: number) => sum >= threshold : (sum: number) => Math.abs(sum) >= threshold;
  // Only the pattern with every sign pointing one way (two ways, two-sided) reaches the maximum.
  const exactMin = Math.min(1, (oneSided ? 1 : 2) / 2 ** k);
  if (k <= exactLimit)
    return { pValue: exactP(d, extreme), exact: true, nonZero: k, minAttainableP: exactMin };
  return {
    pValue: monteCarloP(d, extreme, resamples, rng),
    exact: false,
    nonZero: k,
    minAttainableP: Math.max(exactMin, 1 / (resamples + 1)),
  };
}

/** Walks all 2^k sign patterns in Gray-code order, so each step flips one sign: O(1) per pattern. */
function exactP(d: number[], extreme: (sum: number) => boolean): number {
  const k = d.length;
  const signs = new Int8Array(k).fill(1);
  let sum = 0;
  for (const x of d) sum += x;
  let count = extreme(sum) ? 1 : 0;
  const patterns = 2 ** k;
  for (let step = 1; step < patterns; step++) {
    const j = 31 - Math.clz32(step & -step); // the bit that changes between Gray codes step−1 and step
    sum -= 2 * signs[j] * d[j];
    signs[j] = -signs[j];
    if (extreme(sum)) count++;
  }
  return count / patterns;
}

/**
 * Random sign patterns, 32 signs per rng draw; (b + 1)/(m + 1) counts the observed pattern so
 * p is never 0. Each pattern's sum is total − 2·(sum of the flipped values), which needs a
 * multiply by the sign bit instead of an unpredictable branch per value.
 */
function monteCarloP(d: number[], extreme: (sum: number) => boolean, resamples: number, rng: Rng): number {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  const values = Float64Array.from(d);
  const k = values.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += values[i];
  let count = 0;
  for (let r = 0; r < resamples; r++) {
    let flipped = 0;
    for (let start = 0; start < k; start += 32) {
      let bits = Math.floor(rng.next() * TWO_POW_32);
      const end = Math.min(k, start + 32);
      for (let i = start; i < end; i++) {
        flipped += values[i] * (bits & 1);
        bits >>>= 1;
      }
    }
    if (extreme(total - 2 * flipped)) count++;
  }
  return (count + 1) / (resamples + 1);
}
