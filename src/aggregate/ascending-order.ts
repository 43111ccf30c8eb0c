// Stable ascending order of a column of numbers (ties keep index order), without a comparator
// callback: the native numeric sort of a copy, then each index placed at its value's first
// slot. Sorting 150 labels × 20,000 scores this way takes a fraction of a comparator sort.

/** Indices 0 … n − 1 ordered by `keys` ascending, equal keys by index; NaN keys last, by index. */
export function ascendingOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const sorted = keys.slice().sort(); // numeric for typed arrays; −0 before 0, NaN last
  const order = new Uint32Array(n);
  // next[s]: the next free slot of the run of equal values that starts at s.
  const next = new Uint32Array(n);
  let finite = n;
  while (finite > 0 && Number.isNaN(sorted[finite - 1])) finite--;
  let nanSlot = finite;
  for (let i = 0; i < n; i++) {
    const x = keys[i];
    if (Number.isNaN(x)) {
      order[nanSlot++] = i;
      continue;
    }
    // First position whose value is not below x (−0 and 0 are one run, as === has them).
    let lo = 0;
    let hi = finite;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    order[lo + next[lo]++] = i;
  }
  return order;
}
