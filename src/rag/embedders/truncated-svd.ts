// Truncated SVD of a sparse matrix by the randomized range finder with subspace (power)
// iteration (Halko, Martinsson & Tropp 2011, algorithms 4.4 and 5.1): multiply a seeded random
// block through A and Aᵀ a few times, re-orthonormalising each time, then solve the small
// problem exactly by Rayleigh–Ritz on the last pass's own products (no extra pass for it).
// Deterministic for a given seed, and cheap: a handful of sparse products with an l-column
// block (l = rank + oversampling) plus two l×l eigen-decompositions.
import { createRng } from '../../core/rng.js';
import { crossGram, orthonormalize } from './orthonormalize.js';
import { multiply, multiplyGram, multiplyTransposedRandomSigns, transpose } from './sparse-rows.js';
import type { SparseRows } from './sparse-rows.js';
import { symmetricEigen } from './symmetric-eigen.js';

export type { SparseRows } from './sparse-rows.js';

export interface TruncatedSvdOptions {
  rank: number;
  /**
   * Extra random directions beyond the rank (default 20). 10 is the textbook choice with more
   * passes; with two passes, 20 bought back on the sample project what the third pass gave
   * (docs/performance.md, "Fourth pass") for ~7 % more work per product instead of ~50 %.
   */
  oversample?: number;
  /**
   * Passes through MMᵀ, at least 1 (default 2); each sharpens the subspace when singular values
   * decay slowly, as text's do. After q passes the spectrum is filtered by σ^2q.
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
const DEFAULT_OVERSAMPLE = 20;
/**
 * ZᵀZ's eigenvalues are squared singular values of Z, computed from QᵀY with rounding of about
 * 1e-16 of the largest: directions below 1e-12 of it are a basis the matrix lacks, dropped
 * rather than inflated by S^(-1/2).
 */
const NEGLIGIBLE_GRAM_EIGENVALUE = 1e-12;

export function truncatedSvd(matrix: SparseRows, options: TruncatedSvdOptions): TruncatedSvd {
  const { rows, cols } = matrix;
  const k = Math.max(0, Math.min(options.rank, rows, cols));
  if (k === 0) return { singularValues: new Float64Array(0), right: new Float64Array(0) };
  const l = Math.min(k + (options.oversample ?? DEFAULT_OVERSAMPLE), rows, cols);
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

  // Q: a basis (small × l) for the dominant range of M, sharpened by q passes through MMᵀ.
  // One Gram–Schmidt sweep per basis (before each pass but the first) is enough: the
  // Rayleigh–Ritz step below is exact for any basis, orthonormal or not, so Q only has to stay
  // well-conditioned.
  const iterations = Math.max(1, options.powerIterations ?? 2);
  let q = multiplyTransposedRandomSigns(tall, l, rng);
  stage('svd: random start M·Ω');
  // When another pass follows, the start needs no orthonormal basis: MMᵀ maps any basis of
  // span(MΩ) to a basis of the same span, whose Gram–Schmidt comes after that pass. With a
  // single pass the start is the Rayleigh–Ritz basis itself, so it is conditioned first.
  if (iterations === 1) {
    orthonormalize(q, small, l, 1);
    stage('svd: orthonormalise start');
  }
  let y = multiplyGram(tall, q, l);
  stage('svd: power pass 1 M(MᵀQ)');
  for (let i = 1; i < iterations; i++) {
    orthonormalize(y, small, l, 1);
    q = y;
    stage(`svd: orthonormalise pass ${i}`);
    y = multiplyGram(tall, q, l);
    stage(`svd: power pass ${i + 1} M(MᵀQ)`);
  }

  // Rayleigh–Ritz for MᵀM on the large-side subspace Z = MᵀQ, using only small-side blocks: the
  // last pass gave Y = MZ, so ZᵀZ = QᵀY and (MZ)ᵀ(MZ) = YᵀY need no further sparse product.
  // (Ritz on Z after q passes filters the spectrum by σ^2q; the textbook order, orthonormalising
  // Y and forming QᵀMMᵀQ from one more pass, gets σ^(2q+1) for q + 1 passes.) With ZᵀZ = W S Wᵀ,
  // P = W S^(-1/2) (directions of S above the floor only) makes ZP orthonormal, and the
  // eigenvectors U of Pᵀ YᵀY P give M's singular values √λ, right vectors Z P U = Mᵀ(Q P U)
  // and left vectors Y P U / σ.
  const zz = crossGram(q, y, small, l);
  const yy = crossGram(y, y, small, l);
  stage('svd: small Grams ZᵀZ, YᵀY');
  const basis = symmetricEigen(zz, l);
  let kept = 0;
  const sFloor = Math.max(0, basis.values[0]) * NEGLIGIBLE_GRAM_EIGENVALUE;
  while (kept < l && basis.values[kept] > sFloor && basis.values[kept] > 0) kept++;
  const p = new Float64Array(l * kept);
  for (let i = 0; i < l; i++)
    for (let j = 0; j < kept; j++) p[i * kept + j] = basis.vectors[i * l + j] / Math.sqrt(basis.values[j]);
  const reduced = symmetricEigen(congruence(p, yy, l, kept), kept);
  stage('svd: eigen (l × l, twice)');

  const singularValues = new Float64Array(k);
  const inverse = new Float64Array(k);
  const found = Math.min(k, kept);
  const floor = Math.sqrt(Math.max(0, reduced.values[0] ?? 0)) * NEGLIGIBLE_SINGULAR_VALUE;
  for (let j = 0; j < found; j++) {
    const sigma = Math.sqrt(Math.max(0, reduced.values[j]));
    if (sigma === 0 || sigma <= floor) continue;
    singularValues[j] = sigma;
    inverse[j] = 1 / sigma;
  }
  // C = P U[:, :k], with the columns of negligible directions left 0.
  const c = new Float64Array(l * k);
  for (let i = 0; i < l; i++)
    for (let j = 0; j < found; j++) {
      if (inverse[j] === 0) continue;
      let sum = 0;
      for (let m = 0; m < kept; m++) sum += p[i * kept + m] * reduced.vectors[m * kept + j];
      c[i * k + j] = sum;
    }
  // A's right singular vectors are M's right ones (Mᵀ(QC), a sparse product of k columns) when
  // M = A, its left ones (YC/σ) when M = Aᵀ.
  const right = wide
    ? multiply(tall, times(q, c, small, l, k, undefined), k)
    : times(y, c, small, l, k, inverse);
  stage('svd: right vectors');
  fixSigns(right, cols, k);
  stage('svd: fix signs');
  return { singularValues, right };
}

/** Pᵀ G P for row-major G (n × n, symmetric) and P (n × m); m × m, exactly symmetric. */
function congruence(p: Float64Array, g: Float64Array, n: number, m: number): Float64Array {
  const gp = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < n; t++) {
      const x = g[i * n + t];
      if (x === 0) continue;
      for (let j = 0; j < m; j++) gp[i * m + j] += x * p[t * m + j];
    }
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += p[i * m + a] * gp[i * m + b];
      out[a * m + b] = sum;
      out[b * m + a] = sum;
    }
  return out;
}

/** X · C · diag(scale) for row-major X (height × width) and C (width × k); row-major height × k. */
function times(
  x: Float64Array,
  c: Float64Array,
  height: number,
  width: number,
  k: number,
  scale: Float64Array | undefined,
): Float64Array {
  const out = new Float64Array(height * k);
  for (let r = 0; r < height; r++) {
    const o = r * k;
    const row = r * width;
    // Four rows of C per sweep of the output row.
    let i = 0;
    for (; i + 3 < width; i += 4) {
      const x0 = x[row + i];
      const x1 = x[row + i + 1];
      const x2 = x[row + i + 2];
      const x3 = x[row + i + 3];
      const c0 = i * k;
      const c1 = c0 + k;
      const c2 = c1 + k;
      const c3 = c2 + k;
      for (let j = 0; j < k; j++)
        out[o + j] += x0 * c[c0 + j] + x1 * c[c1 + j] + x2 * c[c2 + j] + x3 * c[c3 + j];
    }
    for (; i < width; i++) {
      const xi = x[row + i];
      const ci = i * k;
      for (let j = 0; j < k; j++) out[o + j] += xi * c[ci + j];
    }
    if (scale) for (let j = 0; j < k; j++) out[o + j] *= scale[j];
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
