// One set of bootstrap index draws shared by every metric computed over the same cases.
// Drawing indices is most of a bootstrap's cost, so ten metrics over 2,000 cases pay for the
// 2,000 × 2,000 draws once. Sharing draws across metrics is also what keeps their intervals
// mutually consistent (each resample is one hypothetical re-run of the whole suite).

import type { Rng } from '../core/rng.js';
import { assertConfidence, percentileInterval } from './percentile-interval.js';

export interface BootstrapInterval {
  /** The statistic on the observed data. */
  estimate: number;
  low: number;
  high: number;
  /** Cases the estimate is based on. */
  n: number;
  resamples: number;
}

export interface ResamplerOptions {
  /** Number of cases; every resample draws n case indices with replacement. */
  n: number;
  resamples?: number;
  rng: Rng;
  /**
   * Most draws kept in memory (default 2^25, i.e. 128 MB); beyond it each use regenerates the
   * same draws from the same seed, trading time for memory with identical results.
   */
  maxStoredDraws?: number;
}

export interface Resampler {
  readonly n: number;
  readonly resamples: number;
  /**
   * Replicates of the mean of `values` (length n, indexed like the cases). NaN marks a case
   * where the metric does not apply: it is skipped, so metrics with different applicable
   * subsets can still share one set of draws (the applicable count then varies per resample,
   * as it would on a re-run).
   */
  meanReplicates(values: ArrayLike<number>): Float64Array;
  /** Replicates of an arbitrary statistic of the drawn case indices (macro-F1, percentiles, ECE). */
  replicates(statistic: (indices: Uint32Array) => number): Float64Array;
  /** Percentile interval for the mean; null when no case has a value. */
  meanCi(values: ArrayLike<number>, confidence?: number): BootstrapInterval | null;
  /**
   * meanCi for many metrics over the same cases in one pass over the draws (identical
   * results): each drawn index is read once and feeds every metric.
   */
  meanCis(valuesList: readonly ArrayLike<number>[], confidence?: number): (BootstrapInterval | null)[];
  /** Percentile interval for `statistic`; its estimate uses the identity indices 0…n−1. */
  statisticCi(statistic: (indices: Uint32Array) => number, confidence?: number): BootstrapInterval | null;
}

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_CONFIDENCE = 0.95;

const MAX_STORED_DRAWS = 1 << 25;
const TWO_POW_32 = 4294967296;

export function createResampler({
  n,
  resamples = DEFAULT_RESAMPLES,
  rng,
  maxStoredDraws = MAX_STORED_DRAWS,
}: ResamplerOptions): Resampler {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  // The draws come from a private mulberry32 stream seeded once from the caller's rng: the same
  // generator as core/rng, but inlined so the 4 M draws do not each pay for a closure call.
  const seed = Math.floor(rng.next() * TWO_POW_32) >>> 0;
  const stored = n * resamples <= maxStoredDraws;
  let matrix: Uint32Array | undefined;

  /** Visits resample r's indices at indices[offset … offset + n). Walks the same stream every time. */
  const walk = (visit: (r: number, indices: Uint32Array, offset: number) => void): void => {
    if (stored) {
      if (!matrix) {
        matrix = new Uint32Array(n * resamples);
        fillIndices(matrix, n, seed);
      }
      for (let r = 0; r < resamples; r++) visit(r, matrix, r * n);
      return;
    }
    const buffer = new Uint32Array(n);
    let state = seed;
    for (let r = 0; r < resamples; r++) {
      state = fillIndices(buffer, n, state);
      visit(r, buffer, 0);
    }
  };

  const meanReplicates = (values: ArrayLike<number>): Float64Array => {
    const v = toFloat64(values, n);
    const out = new Float64Array(resamples);
    if (hasNaN(v)) {
      walk((r, idx, offset) => {
        let sum = 0;
        let count = 0;
        for (let i = offset, end = offset + n; i < end; i++) {
          const x = v[idx[i]];
          if (x === x) {
            sum += x;
            count++;
          }
        }
        out[r] = count > 0 ? sum / count : Number.NaN;
      });
    } else {
      walk((r, idx, offset) => {
        let sum = 0;
        for (let i = offset, end = offset + n; i < end; i++) sum += v[idx[i]];
        out[r] = sum / n;
      });
    }
    return out;
  };

  /** Replicates of the NaN-skipping mean of every metric, from one walk over the draws. */
  const meanReplicatesMany = (columns: Float64Array[]): Float64Array[] => {
    const m = columns.length;
    // Row-major copy (case-major): one drawn case reads m adjacent values.
    const rows = new Float64Array(n * m);
    for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) rows[i * m + j] = columns[j][i];
    const out = columns.map(() => new Float64Array(resamples));
    const sums = new Float64Array(m);
    const counts = new Float64Array(m);
    walk((r, idx, offset) => {
      sums.fill(0);
      counts.fill(0);
      for (let i = offset, end = offset + n; i < end; i++) {
        const base = idx[i] * m;
        for (let j = 0; j < m; j++) {
          const x = rows[base + j];
          if (x === x) {
            sums[j] += x;
            counts[j]++;
          }
        }
      }
      for (let j = 0; j < m; j++) out[j][r] = counts[j] > 0 ? sums[j] / counts[j] : Number.NaN;
    });
    return out;
  };

  const replicates = (statistic: (indices: Uint32Array) => number): Float64Array => {
    const out = new Float64Array(resamples);
    walk((r, idx, offset) => {
      out[r] = statistic(idx === matrix ? idx.subarray(offset, offset + n) : idx);
    });
    return out;
  };

  const resampler: Resampler = {
    n,
    resamples,
    meanReplicates,
    replicates,
    meanCi(values, confidence = DEFAULT_CONFIDENCE) {
      return resampler.meanCis([values], confidence)[0];
    },
    meanCis(valuesList, confidence = DEFAULT_CONFIDENCE) {
      assertConfidence(confidence);
      const columns = valuesList.map((values) => toFloat64(values, n));
      const results: (BootstrapInterval | null)[] = new Array(columns.length).fill(null);
      const pending: number[] = [];
      columns.forEach((v, j) => {
        let sum = 0;
        let count = 0;
        for (let i = 0; i < n; i++) {
          if (v[i] === v[i]) {
            sum += v[i];
            count++;
          }
        }
        if (count === 0) return;
        const estimate = sum / count;
        results[j] = { estimate, low: estimate, high: estimate, n: count, resamples };
        if (count > 1) pending.push(j);
      });
      if (pending.length > 0) {
        const reps = meanReplicatesMany(pending.map((j) => columns[j]));
        pending.forEach((j, k) => {
          results[j] = { ...results[j]!, ...percentileInterval(reps[k], confidence) };
        });
      }
      return results;
    },
    statisticCi(statistic, confidence = DEFAULT_CONFIDENCE) {
      assertConfidence(confidence);
      if (n === 0) return null;
      const identity = new Uint32Array(n);
      for (let i = 0; i < n; i++) identity[i] = i;
      const estimate = statistic(identity);
      if (n === 1) return { estimate, low: estimate, high: estimate, n, resamples };
      return { estimate, ...percentileInterval(replicates(statistic), confidence), n, resamples };
    },
  };
  return resampler;
}

/** Fills `out` with uniform indices in [0, n) from a mulberry32 stream; returns the next state. */
function fillIndices(out: Uint32Array, n: number, state: number): number {
  const scale = n / TWO_POW_32;
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // Multiply-shift instead of modulo: no division, and bias is at most n / 2^32.
    out[i] = (((t ^ (t >>> 14)) >>> 0) * scale) >>> 0;
  }
  return state;
}

function toFloat64(values: ArrayLike<number>, n: number): Float64Array {
  if (values.length !== n) throw new RangeError(`expected ${n} values, got ${values.length}`);
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}
