// Transposes a matrix held in a typed array, in place: the statistics lend a group's scores pool
// (one row of k metrics per result) as k contiguous metric columns without copying it
// (src/aggregate/suite-rows.ts), then transpose it back.

/**
 * Turns the `rows` × `cols` matrix stored row-major at `data[offset … offset + rows·cols)` into
 * its `cols` × `rows` transpose, row-major, in the same place. Each cycle of the permutation is
 * followed once; a bit per cell marks the cells already moved (125 KB for a million cells).
 */
export function transposeInPlace(data: Float64Array, offset: number, rows: number, cols: number): void {
  // One row or one column: the transpose has the same layout.
  if (rows <= 1 || cols <= 1) return;
  const size = rows * cols;
  if (offset < 0 || offset + size > data.length)
    throw new RangeError('transposeInPlace: matrix outside the array');
  const last = size - 1;
  const moved = new Uint8Array((size + 7) >>> 3);
  // Cell p = r·cols + c goes to c·rows + r (the first and the last cell stay where they are).
  for (let start = 1; start < last; start++) {
    if (moved[start >>> 3] & (1 << (start & 7))) continue;
    let p = start;
    let carried = data[offset + p];
    do {
      const q = (p % cols) * rows + Math.floor(p / cols);
      const displaced = data[offset + q];
      data[offset + q] = carried;
      carried = displaced;
      moved[q >>> 3] |= 1 << (q & 7);
      p = q;
    } while (p !== start);
  }
}
