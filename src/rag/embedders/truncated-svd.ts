// Truncated SVD of a sparse matrix by the randomized range finder with subspace (power)
// iteration (Halko, Martinsson & Tropp 2011, algorithms 4.4 and 5.1): multiply a seeded Gaussian
// block through A and Aᵀ a few times, re-orthonormalising each time, then solve the small
// problem exactly. Deterministic for a given seed, and cheap: a handful of sparse products with
// an l-column block (l = rank + oversampling) plus one l×l eigen-decomposition.
import { createRng } from '../../core/rng.js';
import type { Rng } from '../../core/rng.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Compressed sparse rows: row r's entries are indices/values[offsets[r] .. offsets[r + 1]). */
export interface SparseRows {
  rows: number;
  cols: number;
  offsets: Uint32Array;
  indices: Uint32Array;
  values: Float64Array;
}

export interface TruncatedSvdOptions {
  rank: number;
  /** Extra random directions beyond the rank; 10 is the usual choice and makes the top-rank subspace accurate. */
  oversample?: number;
  /**
   * Passes through MMᵀ (default 2); each sharpens the subspace when singular values decay slowly,
   * as text's do. On the sample project 0–5 passes retrieve equally well; 2 is the usual choice.
   */
  powerIterations?: number;
  seed?: number;
}

export interface TruncatedSvd {
  /** min(rank, rows, cols) values, largest first; directions the matrix lacks have 0. */
  singularValues: Float64Array;
  /** Row-major cols × k: column j is the right singular vector of singularValues[j] (0 when that is 0). */
  right: Float64Array;
}

/** A column this much shorter than before Gram–Schmidt was in the span of the earlier ones. */
const DEPENDENT_COLUMN = 1e-10;
/**
 * Singular values come from eigenvalues of a Gram matrix, which squares them: below about
 * √ε·σ₁ they are rounding noise, and dividing by them would turn noise into unit vectors.
 */
const NEGLIGIBLE_SINGULAR_VALUE = 1e-7;

export function truncatedSvd(matrix: SparseRows, options: TruncatedSvdOptions): TruncatedSvd {
  const { rows, cols } = matrix;
  const k = Math.max(0, Math.min(options.rank, rows, cols));
  if (k === 0) return { singularValues: new Float64Array(0), right: new Float64Array(0) };
  const l = Math.min(k + (options.oversample ?? 10), rows, cols);
  const rng = createRng(options.seed ?? 42);

  // Work with M = A or Aᵀ, whichever is wide (small × large): the dense l²-cost steps
  // (orthonormalisations) then run on the small side, and the rest is sparse products.
  // The products walk M's large side in order, one sparse row of `tall` (= Mᵀ, stored by rows)
  // at a time, so each row of the large × l block is read or written once, sequentially, while
  // the small × l block (a few MB) takes the scattered accesses: with 30k terms the large block
  // is ~35 MB, and updating its rows in document order (scattered, once per non-zero) was
  // memory-bound and most of the fit.
  const wide = rows <= cols;
  const small = wide ? rows : cols;
  const large = wide ? cols : rows;
  const tall = wide ? transpose(matrix) : matrix;
  const times = (x: Float64Array): Float64Array => multiplyTransposed(tall, x, l);
  const timesTransposed = (y: Float64Array): Float64Array => multiply(tall, y, l);

  // Q: an orthonormal basis (small × l) for the dominant range of M.
  // Between passes one Gram–Schmidt sweep is enough to keep the columns from collapsing onto
  // the top direction; the basis that is kept gets two, for orthogonality to working precision.
  const iterations = options.powerIterations ?? 2;
  const q = times(gaussianBlock(large, l, rng));
  orthonormalize(q, small, l, iterations === 0 ? 2 : 1);
  for (let i = 0; i < iterations; i++) {
    q.set(times(timesTransposed(q)));
    orthonormalize(q, small, l, i === iterations - 1 ? 2 : 1);
  }

  // B = Qᵀ M is l × large; its singular values are M's, and BBᵀ = Qᵀ (M (Mᵀ Q)) is small enough to
  // decompose. Formed through two sparse products and one small-side dense product, never as a
  // dense large × l block times itself: with a 30k-term vocabulary that dense step was most of
  // the fit.
  const mq = timesTransposed(q); // Mᵀ Q: large × l
  const gram = smallGram(q, times(mq), small, l);
  const { values, vectors } = symmetricEigen(gram, l);
  const singularValues = new Float64Array(k);
  const inverse = new Float64Array(k);
  const floor = Math.sqrt(Math.max(0, values[0])) * NEGLIGIBLE_SINGULAR_VALUE;
  for (let j = 0; j < k; j++) {
    const sigma = Math.sqrt(Math.max(0, values[j]));
    if (sigma === 0 || sigma <= floor) continue;
    singularValues[j] = sigma;
    inverse[j] = 1 / sigma;
  }
  // M = (QW) Σ (BᵀWΣ⁻¹)ᵀ. A's right singular vectors are M's right ones when M = A, its left ones
  // when M = Aᵀ. Mᵀ Q W Σ⁻¹ is computed as Mᵀ (Q W Σ⁻¹): a sparse product of k columns.
  const right = wide
    ? multiply(tall, times3(q, vectors, small, l, k, inverse), k)
    : times3(
        q,
        vectors,
        small,
        l,
        k,
        inverse.map((x) => (x > 0 ? 1 : 0)),
      );
  for (let j = 0; j < k; j++) fixSign(right, cols, k, j);
  return { singularValues, right };
}

/**
 * QᵀY for row-major Q and Y (height × width) where QᵀY is symmetric; width × width. Symmetric
 * in exact arithmetic, so only the upper triangle is summed and mirrored: half the work, and the
 * eigen-solver sees exact symmetry.
 */
function smallGram(q: Float64Array, y: Float64Array, height: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let r = 0; r < height; r++) {
    const row = r * width;
    for (let i = 0; i < width; i++) {
      const qi = q[row + i];
      if (qi === 0) continue;
      const g = i * width;
      let j = i;
      for (; j + 3 < width; j += 4) {
        gram[g + j] += qi * y[row + j];
        gram[g + j + 1] += qi * y[row + j + 1];
        gram[g + j + 2] += qi * y[row + j + 2];
        gram[g + j + 3] += qi * y[row + j + 3];
      }
      for (; j < width; j++) gram[g + j] += qi * y[row + j];
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i * width + j] = gram[j * width + i];
  return gram;
}

/** X · W[:, :k] · diag(scale) for row-major X (height × width) and W (width × width); row-major height × k. */
function times3(
  x: Float64Array,
  w: Float64Array,
  height: number,
  width: number,
  k: number,
  scale: Float64Array,
): Float64Array {
  const out = new Float64Array(height * k);
  for (let r = 0; r < height; r++) {
    const o = r * k;
    for (let i = 0; i < width; i++) {
      const xi = x[r * width + i];
      if (xi === 0) continue;
      const wi = i * width;
      let j = 0;
      for (; j + 3 < k; j += 4) {
        out[o + j] += xi * w[wi + j];
        out[o + j + 1] += xi * w[wi + j + 1];
        out[o + j + 2] += xi * w[wi + j + 2];
        out[o + j + 3] += xi * w[wi + j + 3];
      }
      for (; j < k; j++) out[o + j] += xi * w[wi + j];
    }
    for (let j = 0; j < k; j++) out[o + j] *= scale[j];
  }
  return out;
}

/** A · X for row-major X (cols × width); the result is row-major rows × width. */
export function multiply(matrix: SparseRows, x: Float64Array, width: number): Float64Array {
  const { rows, offsets, indices, values } = matrix;
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    for (let p = offsets[r]; p < offsets[r + 1]; p++) {
      const value = values[p];
      const from = indices[p] * width;
      // Unrolled by four: V8 does not vectorise, and this is ~1.5× faster than the plain loop.
      let j = 0;
      for (; j + 3 < width; j += 4) {
        out[o + j] += value * x[from + j];
        out[o + j + 1] += value * x[from + j + 1];
        out[o + j + 2] += value * x[from + j + 2];
        out[o + j + 3] += value * x[from + j + 3];
      }
      for (; j < width; j++) out[o + j] += value * x[from + j];
    }
  }
  return out;
}

/** Aᵀ · Y for row-major Y (rows × width); the result is row-major cols × width. */
export function multiplyTransposed(matrix: SparseRows, y: Float64Array, width: number): Float64Array {
  const { rows, cols, offsets, indices, values } = matrix;
  const out = new Float64Array(cols * width);
  for (let r = 0; r < rows; r++) {
    const from = r * width;
    for (let p = offsets[r]; p < offsets[r + 1]; p++) {
      const value = values[p];
      const o = indices[p] * width;
      let j = 0;
      for (; j + 3 < width; j += 4) {
        out[o + j] += value * y[from + j];
        out[o + j + 1] += value * y[from + j + 1];
        out[o + j + 2] += value * y[from + j + 2];
        out[o + j + 3] += value * y[from + j + 3];
      }
      for (; j < width; j++) out[o + j] += value * y[from + j];
    }
  }
  return out;
}

/** The same matrix stored by columns (as the rows of its transpose). */
export function transpose(matrix: SparseRows): SparseRows {
  const { rows, cols, offsets, indices, values } = matrix;
  const counts = new Uint32Array(cols + 1);
  for (let p = 0; p < indices.length; p++) counts[indices[p] + 1]++;
  for (let c = 0; c < cols; c++) counts[c + 1] += counts[c];
  const next = counts.slice(0, cols);
  const tIndices = new Uint32Array(indices.length);
  const tValues = new Float64Array(indices.length);
  // Rows in ascending order, so each column lists its rows ascending.
  for (let r = 0; r < rows; r++)
    for (let p = offsets[r]; p < offsets[r + 1]; p++) {
      const at = next[indices[p]]++;
      tIndices[at] = r;
      tValues[at] = values[p];
    }
  return { rows: cols, cols: rows, offsets: counts, indices: tIndices, values: tValues };
}

function gaussianBlock(rows: number, width: number, rng: Rng): Float64Array {
  const out = new Float64Array(rows * width);
  for (let i = 0; i < out.length; i += 2) {
    // Box–Muller, both outputs (half the logarithms); 1 − u keeps the logarithm finite.
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < out.length) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
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

/** Singular vectors are defined up to sign; pick the one whose largest entry is positive. */
function fixSign(right: Float64Array, cols: number, k: number, j: number): void {
  let best = 0;
  for (let c = 0; c < cols; c++) if (Math.abs(right[c * k + j]) > Math.abs(best)) best = right[c * k + j];
  if (best < 0) for (let c = 0; c < cols; c++) right[c * k + j] = -right[c * k + j];
}
