// Nearest-rank percentile of a bootstrap resample without sorting it: the values are sorted
// once, a resample arrives as how often each case was drawn, and a walk over the sorted order
// finds the rank. O(n) per resample instead of O(n log n), which is what keeps latency
// intervals for 2,000 cases × 2,000 resamples inside the statistics budget.
import type { DrawCounts } from '../stats/resampler.js';

export type ResampledPercentile = (counts: DrawCounts) => number;

/**
 * Nearest-rank percentiles `ps` of the drawn values, from one count and one sorted walk.
 * With `clusterOf` (value → case index), the drawn indices are cases and every value of a
 * drawn case counts: percentiles over individual calls, resampled by case (for --repeat).
 */
function createPercentileCounter(
  values: Float64Array,
  ps: readonly number[],
  clusterOf?: Uint32Array,
  clusters?: number,
): (counts: DrawCounts) => number[] {
  // Typed arrays and plain loops only: at 100k values, `Array#push`, `X.from(iterable, fn)`
  // (which first lists every value as a boxed number) and `for…of` left tens of MB of garbage
  // per call in the statistics phase, for the same order and values.
  let finiteCount = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finiteCount++;
  const order = new Uint32Array(finiteCount);
  for (let i = 0, k = 0; i < values.length; i++) if (Number.isFinite(values[i])) order[k++] = i;
  // A total order (ties by index), so the result does not depend on the sort's algorithm. The
  // comparator returns small integers: a difference of two doubles is boxed on every one of the
  // ~1.7 M calls at 100k values (~40 MB of garbage), a small integer is not.
  order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
  const sortedValues = new Float64Array(finiteCount);
  const sortedCluster = new Uint32Array(finiteCount);
  const perCluster = new Uint32Array(clusters ?? values.length);
  for (let o = 0; o < finiteCount; o++) {
    const i = order[o];
    const c = clusterOf ? clusterOf[i] : i;
    sortedValues[o] = values[i];
    sortedCluster[o] = c;
    perCluster[c]++;
  }
  const ranks = new Float64Array(ps.length);
  return (counts) => {
    let total = 0;
    for (let c = 0; c < perCluster.length; c++) total += counts[c] * perCluster[c];
    const found = ps.map(() => NaN);
    if (total === 0) return found;
    for (let k = 0; k < ps.length; k++) ranks[k] = Math.max(1, Math.ceil((ps[k] / 100) * total));
    let seen = 0;
    let next = 0;
    for (let o = 0; o < sortedValues.length && next < ps.length; o++) {
      seen += counts[sortedCluster[o]];
      while (next < ps.length && seen >= ranks[next]) found[next++] = sortedValues[o];
    }
    return found;
  };
}

export function createResampledPercentile(values: Float64Array, p: number): ResampledPercentile {
  const counter = createPercentileCounter(values, [p]);
  return (indices) => counter(indices)[0];
}

/**
 * Several percentiles of each resample from one counting pass and one walk over the sorted
 * order (`ps` ascending). Returns one Float64Array of replicates per percentile, in order.
 */
export function resampledPercentiles(
  values: Float64Array,
  ps: readonly number[],
  replicate: (statistic: (counts: DrawCounts) => number) => Float64Array,
  clusters?: { of: Uint32Array; count: number },
): Float64Array[] {
  const counter = createPercentileCounter(values, ps, clusters?.of, clusters?.count);
  const extra = ps.slice(1).map(() => [] as number[]);
  const first = replicate((counts) => {
    const found = counter(counts);
    found.slice(1).forEach((v, j) => extra[j].push(v));
    return found[0];
  });
  return [first, ...extra.map((e) => Float64Array.from(e))];
}

/**
 * resampledPercentiles fed by a walk over the draws made elsewhere (one walk shared with the
 * suite's other statistics): visit every resample in order, then result(). Identical results.
 */
export function resampledPercentilesVisitor(
  values: Float64Array,
  ps: readonly number[],
  resamples: number,
  clusters?: { of: Uint32Array; count: number },
): { visit: (r: number, counts: DrawCounts) => void; result: () => Float64Array[] } {
  const counter = createPercentileCounter(values, ps, clusters?.of, clusters?.count);
  const out = ps.map(() => new Float64Array(resamples));
  const units = clusters?.count ?? values.length;
  // A walk that skipped or repeated a resample, or drew over other cases, would leave intervals
  // of zeros: refuse it instead.
  let seen = 0;
  return {
    visit(r, counts) {
      if (r !== seen) throw new RangeError(`resamples must be visited in order: expected ${seen}, got ${r}`);
      if (counts.length !== units)
        throw new RangeError(`draw counts cover ${counts.length} units, the percentiles ${units}`);
      seen++;
      const found = counter(counts);
      for (let k = 0; k < ps.length; k++) out[k][r] = found[k];
    },
    result: () => {
      if (seen !== resamples) throw new RangeError(`visited ${seen} of ${resamples} resamples`);
      return out;
    },
  };
}

/** Percentiles of all values (no resampling), for the point estimate. */
export function percentilesOf(values: Float64Array, ps: readonly number[]): number[] {
  return createPercentileCounter(values, ps, new Uint32Array(values.length), 1)(Uint32Array.of(1));
}
