// Reorders a typed column in place by a permutation (the column store's sort when finishing):
// no second copy of the column is made.

/**
 * Puts `a[order[i]]` at `i` for every i, in place, following each cycle of the permutation once
 * (`visited` is scratch of at least a.length).
 */
export function permuteInPlace(
  a: Float64Array | Uint32Array | Int32Array | Uint8Array,
  order: Uint32Array,
  visited: Uint8Array,
): void {
  const n = order.length;
  if (visited.length < n) throw new RangeError('permuteInPlace: visited is shorter than the order');
  // Checked before anything moves, so a bad order leaves the column as it was.
  visited.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const k = order[i];
    if (k >= n || visited[k]) throw new RangeError('permuteInPlace: order is not a permutation');
    visited[k] = 1;
  }
  visited.fill(0, 0, n);
  for (let s = 0; s < n; s++) {
    if (visited[s]) continue;
    const first = a[s];
    for (let j = s; ; ) {
      visited[j] = 1;
      const k = order[j];
      if (k === s) {
        a[j] = first;
        break;
      }
      a[j] = a[k];
      j = k;
    }
  }
}
