// One set of bootstrap draws shared by every metric computed over the same cases. Each
// resample is one hypothetical re-run of the whole suite, so sharing its draws keeps the
// metrics' intervals mutually consistent, and drawing is paid for once.
//
// Most statistics we bootstrap (means, percentiles) do not care about the order of the drawn
// cases, only how often each was drawn. So the draws are kept as per-case counts: a mean is a
// weighted sum over the cases in order (sequential reads, no per-draw branch), and 2,000 × 2,000
// counts fit in 8 MB of Uint16 where the indices took 16 MB of Uint32.

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
   * Most per-case draw counts kept in memory (default 2^24, i.e. 32 MB); beyond it each use
   * regenerates the same draws from the same seed, trading time for memory with identical
   * results.
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
  /** Replicates of an arbitrary statistic of the drawn case indices (macro-F1, ECE). */
  replicates(statistic: (indices: Uint32Array) => number): Float64Array;
  /**
   * Replicates of a statistic of how often each case was drawn (`counts[i]` for case i, summing
   * to n): the cheaper form for any statistic that ignores draw order (percentiles). The same
   * draws as `replicates`; the view is only valid during the call.
   */
  countReplicates(statistic: (counts: DrawCounts) => number): Float64Array;
  /**
   * Visits every resample's per-case draw counts in order (r = 0 … resamples − 1): the same
   * draws as countReplicates, for callers that combine several resamples before computing
   * (one-vs-rest AUCs pack a few resamples into each float). The view is only valid during the call.
   */
  forEachCounts(visit: (r: number, counts: DrawCounts) => void): void;
  /** Percentile interval for the mean; null when no case has a value. */
  meanCi(values: ArrayLike<number>, confidence?: number): BootstrapInterval | null;
  /**
   * meanCi for many metrics over the same cases in one pass over the draws (identical
   * results): each drawn index is read once and feeds every metric.
   */
  meanCis(valuesList: readonly ArrayLike<number>[], confidence?: number): (BootstrapInterval | null)[];
  /**
   * meanCis fed by a walk over the draws made elsewhere, so several statistics share one walk
   * (drawing 20,000 × 2,000 counts again per statistic is what it saves): visit every resample
   * in order (as forEachCounts does), then result(). `walks` is false when no visit is needed.
   */
  meanCisVisitor(
    valuesList: readonly ArrayLike<number>[],
    confidence?: number,
  ): {
    walks: boolean;
    visit: (r: number, counts: DrawCounts) => void;
    result: () => (BootstrapInterval | null)[];
  };
  /** Percentile interval for `statistic`; its estimate uses the identity indices 0…n−1. */
  statisticCi(statistic: (indices: Uint32Array) => number, confidence?: number): BootstrapInterval | null;
}

/** How often each case was drawn in one resample. */
export type DrawCounts = Uint16Array | Uint32Array;

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_CONFIDENCE = 0.95;

const MAX_STORED_DRAWS = 1 << 24;
const UINT16_LIMIT = 65535;
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
  // A case drawn more than 65,535 times needs n > 65,535, so Uint16 counts are exact below it.
  const storeCounts = n <= UINT16_LIMIT && n * resamples <= maxStoredDraws;
  let storedCounts: Uint16Array | undefined;

  /** Visits resample r's drawn indices. Walks the same stream every time. */
  const walk = (visit: (r: number, indices: Uint32Array) => void): void => {
    const buffer = new Uint32Array(n);
    let state = seed;
    for (let r = 0; r < resamples; r++) {
      state = fillIndices(buffer, n, state);
      visit(r, buffer);
    }
  };

  /** Visits resample r's per-case draw counts at counts[offset … offset + n). */
  const walkCounts = (visit: (r: number, counts: DrawCounts, offset: number) => void): void => {
    if (storeCounts) {
      if (!storedCounts) {
        const all = new Uint16Array(n * resamples);
        let state = seed;
        for (let r = 0; r < resamples; r++) state = addDrawCounts(all, r * n, n, state);
        storedCounts = all;
      }
      for (let r = 0; r < resamples; r++) visit(r, storedCounts, r * n);
      return;
    }
    // The same stream as walk, counted as it is drawn (no index buffer); Uint16 where it is
    // exact, so every visitor sees one array type.
    const counts = n <= UINT16_LIMIT ? new Uint16Array(n) : new Uint32Array(n);
    let state = seed;
    for (let r = 0; r < resamples; r++) {
      counts.fill(0);
      state = addDrawCounts(counts, 0, n, state);
      visit(r, counts, 0);
    }
  };

  /** Replicates of the NaN-skipping mean of every metric, from one walk over the draws. */
  const meanReplicatesMany = (columns: Float64Array[]): Float64Array[] => {
    const replicates = meanReplicatesVisitor(columns);
    walkCounts(replicates.visit);
    return replicates.out;
  };

  /** The same, one resample at a time: visit(r, counts, offset) for r = 0 … resamples − 1. */
  const meanReplicatesVisitor = (columns: Float64Array[]) => {
    // NaN counts as 0 in the sums. A column with NaN divides by its applicable count instead of
    // n: the weighted sum of an extra 0/1 "applies" term, whose index `divisorTerm` holds (−1: n).
    const withNaN = columns.map(hasNaN);
    const terms = columns.map((column, j) =>
      withNaN[j] ? column.map((x) => (Number.isNaN(x) ? 0 : x)) : column,
    );
    const divisorTerm = columns.map((column, j) =>
      withNaN[j] ? terms.push(column.map((x) => (Number.isNaN(x) ? 0 : 1))) - 1 : -1,
    );
    const out = columns.map(() => new Float64Array(resamples));
    const sums = new Float64Array(terms.length);
    const visit = (r: number, counts: DrawCounts, offset: number): void => {
      weightedSums(terms, counts, offset, n, sums);
      for (let j = 0; j < columns.length; j++) {
        const divisor = divisorTerm[j] < 0 ? n : sums[divisorTerm[j]];
        out[j][r] = divisor > 0 ? sums[j] / divisor : Number.NaN;
      }
    };
    return { visit, out };
  };

  const meanReplicates = (values: ArrayLike<number>): Float64Array =>
    meanReplicatesMany([toFloat64(values, n)])[0];

  const replicates = (statistic: (indices: Uint32Array) => number): Float64Array => {
    const out = new Float64Array(resamples);
    walk((r, indices) => {
      out[r] = statistic(indices);
    });
    return out;
  };

  const forEachCounts = (visit: (r: number, counts: DrawCounts) => void): void => {
    walkCounts((r, counts, offset) => {
      visit(r, offset === 0 && counts.length === n ? counts : counts.subarray(offset, offset + n));
    });
  };

  const countReplicates = (statistic: (counts: DrawCounts) => number): Float64Array => {
    const out = new Float64Array(resamples);
    forEachCounts((r, counts) => {
      out[r] = statistic(counts);
    });
    return out;
  };

  const resampler: Resampler = {
    n,
    resamples,
    meanReplicates,
    replicates,
    countReplicates,
    forEachCounts,
    meanCi(values, confidence = DEFAULT_CONFIDENCE) {
      return resampler.meanCis([values], confidence)[0];
    },
    meanCis(valuesList, confidence = DEFAULT_CONFIDENCE) {
      const means = resampler.meanCisVisitor(valuesList, confidence);
      if (means.walks) forEachCounts(means.visit);
      return means.result();
    },
    meanCisVisitor(valuesList, confidence = DEFAULT_CONFIDENCE) {
      assertConfidence(confidence);
      const columns = valuesList.map((values) => toFloat64(values, n));
      const results: (BootstrapInterval | null)[] = new Array(columns.length).fill(null);
      const pending: number[] = [];
      columns.forEach((v, j) => {
        let sum = 0;
        let count = 0;
        for (let i = 0; i < n; i++) {
          if (!Number.isNaN(v[i])) {
            sum += v[i];
            count++;
          }
        }
        if (count === 0) return;
        const estimate = sum / count;
        results[j] = { estimate, low: estimate, high: estimate, n: count, resamples };
        if (count > 1) pending.push(j);
      });
      const replicates = pending.length > 0 ? meanReplicatesVisitor(pending.map((j) => columns[j])) : null;
      let seen = 0;
      return {
        walks: replicates !== null,
        visit(r, counts) {
          if (r !== seen)
            throw new RangeError(`resamples must be visited in order: expected ${seen}, got ${r}`);
          // Draws over another set of cases would be read silently wrong: refuse them.
          if (counts.length !== n)
            throw new RangeError(`draw counts cover ${counts.length} cases, the means ${n}`);
          seen++;
          replicates?.visit(r, counts, 0);
        },
        result() {
          if (!replicates) return results;
          if (seen !== resamples) throw new RangeError(`visited ${seen} of ${resamples} resamples`);
          return results.map((result, j) => {
            const k = pending.indexOf(j);
            return k < 0 ? result : { ...result!, ...percentileInterval(replicates.out[k], confidence) };
          });
        },
      };
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

/**
 * sums[t] = Σ_i counts[offset + i] · terms[t][i]. Four terms per pass over the counts: each
 * count is loaded once for four multiply-adds, about three times faster than one draw at a time.
 */
function weightedSums(
  terms: readonly Float64Array[],
  counts: DrawCounts,
  offset: number,
  n: number,
  sums: Float64Array,
): void {
  let t = 0;
  for (; t + 4 <= terms.length; t += 4) {
    const a = terms[t];
    const b = terms[t + 1];
    const c = terms[t + 2];
    const d = terms[t + 3];
    let sa = 0;
    let sb = 0;
    let sc = 0;
    let sd = 0;
    for (let i = 0; i < n; i++) {
      const w = counts[offset + i];
      sa += w * a[i];
      sb += w * b[i];
      sc += w * c[i];
      sd += w * d[i];
    }
    sums[t] = sa;
    sums[t + 1] = sb;
    sums[t + 2] = sc;
    sums[t + 3] = sd;
  }
  for (; t < terms.length; t++) {
    const a = terms[t];
    let s = 0;
    for (let i = 0; i < n; i++) s += counts[offset + i] * a[i];
    sums[t] = s;
  }
}

/**
 * Draws n indices as fillIndices does and adds 1 to counts[offset + index] for each: the same
 * draws without writing them out. Returns the next state.
 */
function addDrawCounts(counts: DrawCounts, offset: number, n: number, state: number): number {
  const scale = n / TWO_POW_32;
  for (let i = 0; i < n; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    counts[offset + ((((t ^ (t >>> 14)) >>> 0) * scale) >>> 0)]++;
  }
  return state;
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
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}
