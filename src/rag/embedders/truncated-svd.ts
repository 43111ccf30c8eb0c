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
  const wide = rows <= cols;
  const small = wide ? rows : cols;
  const large = wide ? cols : rows;
  const times = (x: Float64Array): Float64Array =>
    wide ? multiply(matrix, x, l) : multiplyTransposed(matrix, x, l);
  const timesTransposed = (y: Float64Array): Float64Array =>
    wide ? multiplyTransposed(matrix, y, l) : multiply(matrix, y, l);

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
    ? multiplyTransposed(matrix, times3(q, vectors, small, l, k, inverse), k)
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

/** QᵀY for row-major Q and Y (height × width) where QᵀY is symmetric; width × width. */
function smallGram(q: Float64Array, y: Float64Array, height: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let r = 0; r < height; r++) {
    const row = r * width;
    for (let i = 0; i < width; i++) {
      const qi = q[row + i];
      if (qi === 0) continue;
      const g = i * width;
      for (let j = 0; j < width; j++) gram[g + j] += qi * y[row + j];
    }
  }
  // Symmetric in exact arithmetic; average away the rounding so the eigen-solver sees symmetry.
  for (let i = 0; i < width; i++)
    for (let j = 0; j < i; j++) {
      const mean = (gram[i * width + j] + gram[j * width + i]) / 2;
      gram[i * width + j] = mean;
      gram[j * width + i] = mean;
    }
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
      for (let j = 0; j < k; j++) out[o + j] += xi * w[wi + j];
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
      for (let j = 0; j < width; j++) out[o + j] += value * x[from + j];
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
      for (let j = 0; j < width; j++) out[o + j] += value * y[from + j];
    }
  }
  return out;
}

function gaussianBlock(rows: number, width: number, rng: Rng): Float64Array {
  const out = new Float64Array(rows * width);
  for (let i = 0; i < out.length; i++) {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - rng.next();
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
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
        let dot = 0;
        for (let t = 0; t < height; t++) dot += previous[t] * column[t];
        if (dot === 0) continue;
        for (let t = 0; t < height; t++) column[t] -= dot * previous[t];
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
  let s = 0;
  for (let t = 0; t < column.length; t++) s += column[t] * column[t];
  return Math.sqrt(s);
}

/** Singular vectors are defined up to sign; pick the one whose largest entry is positive. */
function fixSign(right: Float64Array, cols: number, k: number, j: number): void {
  let best = 0;
  for (let c = 0; c < cols; c++) if (Math.abs(right[c * k + j]) > Math.abs(best)) best = right[c * k + j];
  if (best < 0) for (let c = 0; c < cols; c++) right[c * k + j] = -right[c * k + j];
}
