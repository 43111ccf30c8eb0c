// Orthonormalising the columns of a tall, row-major block (the randomized SVD's basis, 5,000 ×
// 138 at the LSA bench's size), and the small cross-Gram matrix of two such blocks.
// Cholesky-QR (Gram matrix, Cholesky, triangular solve) was tried in place of Gram–Schmidt: in
// JavaScript it does the same number of multiply-adds (one dot product and one update per pair
// of columns) and measured the same time (~150 ms a pass at 5,000 × 138), while squaring the
// block's condition number, so Gram–Schmidt stays.

/** A column this much shorter than before Gram–Schmidt was in the span of the earlier ones. */
const DEPENDENT_COLUMN = 1e-10;

/**
 * QᵀY for row-major Q and Y (height × width) where QᵀY is symmetric; width × width. Symmetric
 * in exact arithmetic, so only the upper triangle is summed and mirrored: half the work, and an
 * eigen-solver sees exact symmetry.
 */
export function crossGram(q: Float64Array, y: Float64Array, height: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  // Four rows per sweep of the upper triangle: each Gram entry is read and written once per
  // four rows instead of once per row (the triangle, 175 KB at width 148, lives in L2).
  let r = 0;
  for (; r + 3 < height; r += 4) {
    const r0 = r * width;
    const r1 = r0 + width;
    const r2 = r1 + width;
    const r3 = r2 + width;
    for (let i = 0; i < width; i++) {
      const q0 = q[r0 + i];
      const q1 = q[r1 + i];
      const q2 = q[r2 + i];
      const q3 = q[r3 + i];
      const g = i * width;
      for (let j = i; j < width; j++)
        gram[g + j] += q0 * y[r0 + j] + q1 * y[r1 + j] + q2 * y[r2 + j] + q3 * y[r3 + j];
    }
  }
  for (; r < height; r++) {
    const row = r * width;
    for (let i = 0; i < width; i++) {
      const qi = q[row + i];
      const g = i * width;
      for (let j = i; j < width; j++) gram[g + j] += qi * y[row + j];
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i * width + j] = gram[j * width + i];
  return gram;
}

/**
 * Modified Gram–Schmidt on the columns of a row-major block, in place; two passes ("twice is
 * enough") give orthogonality to working precision. Columns that are (numerically) in the span
 * of earlier ones become 0, so a matrix of lower rank than the block width yields zero
 * directions rather than amplified noise.
 */
export function orthonormalize(block: Float64Array, height: number, width: number, passes = 2): void {
  const columns = Array.from({ length: width }, (_, j) => {
    const column = new Float64Array(height);
    for (let i = 0; i < height; i++) column[i] = block[i * width + j];
    return column;
  });
  const norms = columns.map(norm);
  for (let pass = 0; pass < passes; pass++) {
    for (let j = 0; j < width; j++) {
      const column = columns[j];
      for (let i = 0; i < j; i++) {
        const previous = columns[i];
        const dot = dotProduct(previous, column, height);
        if (dot === 0) continue;
        let t = 0;
        for (; t + 3 < height; t += 4) {
          column[t] -= dot * previous[t];
          column[t + 1] -= dot * previous[t + 1];
          column[t + 2] -= dot * previous[t + 2];
          column[t + 3] -= dot * previous[t + 3];
        }
        for (; t < height; t++) column[t] -= dot * previous[t];
      }
      const length = norm(column);
      if (length <= norms[j] * DEPENDENT_COLUMN || length === 0) column.fill(0);
      else for (let t = 0; t < height; t++) column[t] /= length;
    }
  }
  for (let j = 0; j < width; j++) {
    const column = columns[j];
    for (let i = 0; i < height; i++) block[i * width + j] = column[i];
  }
}

function norm(column: Float64Array): number {
  return Math.sqrt(dotProduct(column, column, column.length));
}

/** Four partial sums (unrolled; the summation order is fixed, so results are deterministic). */
function dotProduct(a: Float64Array, b: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < n; t += 4) {
    s0 += a[t] * b[t];
    s1 += a[t + 1] * b[t + 1];
    s2 += a[t + 2] * b[t + 2];
    s3 += a[t + 3] * b[t + 3];
  }
  for (; t < n; t++) s0 += a[t] * b[t];
  return s0 + s1 + (s2 + s3);
}
