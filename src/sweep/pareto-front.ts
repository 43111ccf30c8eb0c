// The Pareto front of a sweep: the variants that no other variant matches or beats on every
// row of the matrix (quality metrics, cost per case, latency) and beats on at least one. Point
// estimates, so it says which trade-offs exist, not which are significant; rows where some
// variant has no value are left out (a missing number cannot be compared), and so are rows whose
// metric the variants scored under different definitions (different rulers).
import type { SweepRow } from './sweep-record.js';

export function paretoFront(rows: readonly SweepRow[], variants: readonly string[]): string[] {
  const usable = rows.filter((r) => !r.definitionsDiffer && r.cells.every((c) => c.value !== null));
  const vectors = variants.map((name) =>
    usable.map((r) => {
      const value = r.cells.find((c) => c.variant === name)?.value as number;
      return r.higherIsBetter ? value : -value;
    }),
  );
  return variants.filter((_, i) => !vectors.some((other, j) => j !== i && dominates(other, vectors[i])));
}

/** a is at least as good everywhere and strictly better somewhere. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] < b[k]) return false;
    if (a[k] > b[k]) strictly = true;
  }
  return strictly;
}
