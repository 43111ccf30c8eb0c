// Reorders a typed column in place by a permutation (the column store's sort when finishing):
// no second copy of the column is made.

/**
 * Puts `a[order[i]]` at `i` for every i, in place, following each cycle of the permutation once
 * (`visited` is scratch of at least order.length). With `stride` k, `a` holds k values per
 * row (a pool where every row has k entries) and row i's block moves as one.
 */
export function permuteInPlace(
  a: Float64Array | Uint32Array | Int32Array | Uint8Array,
  order: Uint32Array,
  visited: Uint8Array,
  stride = 1,
): void {
  // Checked before anything moves, so a bad order leaves the column as it was.
  assertPermutation(order, visited);
  permuteCheckedInPlace(a, order, visited, stride);
}

/** Throws unless `order` is a permutation of 0 … order.length − 1 (`visited` is scratch). */
export function assertPermutation(order: Uint32Array, visited: Uint8Array): void {
  const n = order.length;
  if (visited.length < n) throw new RangeError('permuteInPlace: visited is shorter than the order');
  visited.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const k = order[i];
    if (k >= n || visited[k]) throw new RangeError('permuteInPlace: order is not a permutation');
    visited[k] = 1;
  }
}

/**
 * permuteInPlace for an order assertPermutation has already accepted: a store reorders ~30
 * columns by one order, and checking it once is enough.
 */
export function permuteCheckedInPlace(
  a: Float64Array | Uint32Array | Int32Array | Uint8Array,
  order: Uint32Array,
  visited: Uint8Array,
  stride = 1,
): void {
  const n = order.length;
  visited.fill(0, 0, n);
  if (stride !== 1) {
    permuteBlocks(a, order, visited, stride);
    return;
  }
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

function permuteBlocks(
  a: Float64Array | Uint32Array | Int32Array | Uint8Array,
  order: Uint32Array,
  visited: Uint8Array,
  stride: number,
): void {
  if (stride === 0) return;
  const n = order.length;
  // One block of scratch for the whole permutation (a cycle's first block).
  const first = a.slice(0, stride);
  for (let s = 0; s < n; s++) {
    if (visited[s]) continue;
    first.set(a.subarray(s * stride, s * stride + stride));
    for (let j = s; ; ) {
      visited[j] = 1;
      const k = order[j];
      if (k === s) {
        a.set(first, j * stride);
        break;
      }
      a.copyWithin(j * stride, k * stride, k * stride + stride);
      j = k;
    }
  }
}
