// Nearest-rank percentiles: the p-th percentile is the value at rank ⌈p/100 · N⌉ of the sorted
// values (rank 1 for p = 0), always an observed value, never interpolated.

export function percentile(values: readonly number[], p: number): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  return percentileOfSorted(
    finite.sort((a, b) => a - b),
    p,
  );
}

/** `percentile` of values already finite and sorted ascending (no copy: a 100k-value series). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  // p · N / 100 rather than (p / 100) · N: exact for integer p, so p95 of 20 values is rank 19, not 20.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export interface LatencySummary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function latencySummary(valuesMs: readonly number[]): LatencySummary {
  return {
    n: valuesMs.filter((v) => Number.isFinite(v)).length,
    p50: percentile(valuesMs, 50),
    p95: percentile(valuesMs, 95),
    p99: percentile(valuesMs, 99),
  };
}
