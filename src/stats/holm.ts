// Holm–Bonferroni adjustment across the gated metrics: controls the chance that any metric is
// flagged by luck, and is uniformly more powerful than plain Bonferroni.

/**
 * Step-down adjusted p-values in the input order: sort ascending, multiply the i-th smallest
 * (0-based) by m − i, carry the running maximum so adjusted values never decrease, cap at 1.
 * Reject hypothesis j at level α exactly when the returned value is ≤ α.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${p}`);
  }
  // Stable sort, so tied p-values keep their input order and the result is deterministic.
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const i = order[rank];
    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
    adjusted[i] = running;
  }
  return adjusted;
}
