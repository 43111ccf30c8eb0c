// Truncated SVD of a sparse matrix by the randomized range finder with subspace (power)
// iteration (Halko, Martinsson & Tropp 2011, algorithms 4.4 and 5.1): multiply a seeded random
// block through A and Aᵀ a few times, re-orthonormalising each time, then solve the small
// problem exactly. Deterministic for a given seed, and cheap: a handful of sparse products with
// an l-column block (l = rank + oversampling) plus one l×l eigen-decomposition.
import { createRng } from '../../core/rng.js';
import { crossGram, orthonormalize } from './orthonormalize.js';
import { multiply, multiplyGram, multiplyTransposedRandomSigns, transpose } from './sparse-rows.js';
import type { SparseRows } from './sparse-rows.js';
import { symmetricEigen } from './symmetric-eigen.js';

export type { SparseRows } from './sparse-rows.js';

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
  /** Called as each stage ends, with its name (for profiling: bench/lsa-fit-bench.js --stages). */
  onStage?: (stage: string) => void;
}

export interface TruncatedSvd {
  /** min(rank, rows, cols) values, largest first; directions the matrix lacks have 0. */
  singularValues: Float64Array;
  /** Row-major cols × k: column j is the right singular vector of singularValues[j] (0 when that is 0). */
  right: Float64Array;
}

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
  // `tall` = Mᵀ stored by rows (one row per large-side index). Every product walks it row by
  // row and keeps the large side in one short row: the random start M·Ω draws Ω's row on the
  // fly, and each power pass forms M(MᵀQ) in one sweep (sparse-rows.ts), so no large × l block
  // (35 MB at 32k terms) is written and read back.
  const wide = rows <= cols;
  const small = wide ? rows : cols;
  const tall = wide ? transpose(matrix) : matrix;
  const stage = options.onStage ?? (() => {});
  stage('svd: transpose');

  // Q: an orthonormal basis (small × l) for the dominant range of M.
  // Between passes one Gram–Schmidt sweep is enough to keep the columns from collapsing
  // onto the top direction; the basis that is kept gets two, for orthogonality to working precision.
  const iterations = options.powerIterations ?? 2;
  let q = multiplyTransposedRandomSigns(tall, l, rng);
  stage('svd: random start M·Ω');
  orthonormalize(q, small, l, iterations === 0 ? 2 : 1);
  stage('svd: orthonormalise start');
  for (let i = 0; i < iterations; i++) {
    q = multiplyGram(tall, q, l);
    stage(`svd: power pass ${i + 1} M(MᵀQ)`);
    orthonormalize(q, small, l, i === iterations - 1 ? 2 : 1);
    stage(`svd: orthonormalise pass ${i + 1}`);
  }

  // B = Qᵀ M is l × large; its singular values are M's, and BBᵀ = Qᵀ M (Mᵀ Q) is small enough
  // to decompose. M(MᵀQ) is one fused sparse sweep, never a dense large × l block times itself.
  const mmq = multiplyGram(tall, q, l);
  stage('svd: final product M(MᵀQ)');
  const gram = crossGram(q, mmq, small, l);
  stage('svd: small Gram QᵀMMᵀQ');
  const { values, vectors } = symmetricEigen(gram, l);
  stage('svd: eigen (l × l)');
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
  stage('svd: right vectors Mᵀ(QWΣ⁻¹)');
  fixSigns(right, cols, k);
  stage('svd: fix signs');
  return { singularValues, right };
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

/**
 * Singular vectors are defined up to sign; pick the one whose largest entry (the first of equal
 * magnitude) is positive. One pass in row order over the row-major cols × k block.
 */
function fixSigns(right: Float64Array, cols: number, k: number): void {
  const best = new Float64Array(k);
  for (let c = 0; c < cols; c++)
    for (let j = 0; j < k; j++) {
      const x = right[c * k + j];
      if (Math.abs(x) > Math.abs(best[j])) best[j] = x;
    }
  for (let c = 0; c < cols; c++)
    for (let j = 0; j < k; j++) if (best[j] < 0) right[c * k + j] = -right[c * k + j];
}
