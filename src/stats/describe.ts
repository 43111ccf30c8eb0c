// Mean and sample standard deviation over plain or typed arrays: the two summaries the
// interval and power code need, kept here so each caller does not re-derive n − 1 by hand.

/** Arithmetic mean; NaN for an empty input (there is no mean to report). */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

/**
 * Sample standard deviation (n − 1 denominator); NaN below two values. Two passes around the
 * mean rather than a sum of squares, because scores near 1 would otherwise cancel catastrophically.
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}
