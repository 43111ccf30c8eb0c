// Turns bootstrap replicates into a percentile interval. Kept apart from the resampler so
// paired comparison and any future interval method read the replicates the same way.

export interface Interval {
  low: number;
  high: number;
}

/**
 * Equal-tailed percentile interval with linear interpolation between order statistics
 * (Hyndman–Fan type 7). Non-finite replicates are dropped: a statistic may be undefined on
 * a resample (e.g. F1 when a class was never drawn), and such draws carry no information.
 * Returns NaN bounds when no replicate is finite.
 */
export function percentileInterval(replicates: ArrayLike<number>, confidence: number): Interval {
  assertConfidence(confidence);
  const finite = new Float64Array(replicates.length);
  let m = 0;
  for (let i = 0; i < replicates.length; i++) {
    const v = replicates[i];
    if (Number.isFinite(v)) finite[m++] = v;
  }
  if (m === 0) return { low: Number.NaN, high: Number.NaN };
  const sorted = finite.subarray(0, m).sort();
  const tail = (1 - confidence) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
}

function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be strictly between 0 and 1, got ${confidence}`);
  }
}
