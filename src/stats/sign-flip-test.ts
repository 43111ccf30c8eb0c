// Two-sided paired permutation test: under "no change" each case's difference is as likely to
// be +d as −d, so flipping signs generates the null distribution of the summed difference
// without assuming normality (scores are bounded, skewed and often lumpy).

import type { Rng } from '../core/rng.js';

export interface SignFlipTestOptions {
  differences: ArrayLike<number>;
  /** Random sign patterns drawn when enumeration is too large. */
  resamples?: number;
  /** Enumerate all 2^k patterns when the non-zero differences number at most this many. */
  exactLimit?: number;
  rng: Rng;
}

export interface SignFlipTestResult {
  pValue: number;
  exact: boolean;
  /** Non-zero differences: zeros are unchanged by a flip and carry no evidence. */
  nonZero: number;
}

const TWO_POW_32 = 4294967296;

export function signFlipTest({
  differences,
  resamples = 2000,
  exactLimit = 20,
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
  if (k === 0) return { pValue: 1, exact: true, nonZero: 0 };
  // Sums equal in exact arithmetic can differ in the last bits after reordering; counting them
  // as ties keeps the test conservative instead of letting rounding decide.
  const threshold = Math.abs(observed) - 1e-9 * scale;
  return k <= exactLimit
    ? { pValue: exactP(d, threshold), exact: true, nonZero: k }
    : { pValue: monteCarloP(d, threshold, resamples, rng), exact: false, nonZero: k };
}

/** Walks all 2^k sign patterns in Gray-code order, so each step flips one sign: O(1) per pattern. */
function exactP(d: number[], threshold: number): number {
  const k = d.length;
  const signs = new Int8Array(k).fill(1);
  let sum = 0;
  for (const x of d) sum += x;
  let extreme = Math.abs(sum) >= threshold ? 1 : 0;
  const patterns = 2 ** k;
  for (let step = 1; step < patterns; step++) {
    const j = 31 - Math.clz32(step & -step); // the bit that changes between Gray codes step−1 and step
    sum -= 2 * signs[j] * d[j];
    signs[j] = -signs[j];
    if (Math.abs(sum) >= threshold) extreme++;
  }
  return extreme / patterns;
}

/**
 * Random sign patterns, 32 signs per rng draw; (b + 1)/(m + 1) counts the observed pattern so
 * p is never 0. Each pattern's sum is total − 2·(sum of the flipped values), which needs a
 * multiply by the sign bit instead of an unpredictable branch per value.
 */
function monteCarloP(d: number[], threshold: number, resamples: number, rng: Rng): number {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  const values = Float64Array.from(d);
  const k = values.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += values[i];
  let extreme = 0;
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
    if (Math.abs(total - 2 * flipped) >= threshold) extreme++;
  }
  return (extreme + 1) / (resamples + 1);
}
