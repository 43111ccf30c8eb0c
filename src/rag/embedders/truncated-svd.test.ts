import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { symmetricEigen } from './symmetric-eigen.js';
import { orthonormalize } from './orthonormalize.js';
import { truncatedSvd } from './truncated-svd.js';
import type { SparseRows } from './truncated-svd.js';

/** Dense row-major rows × cols → CSR (zeros skipped). */
function sparse(dense: number[][]): SparseRows {
  const offsets = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((x, c) => {
      if (x !== 0) {
        indices.push(c);
        values.push(x);
      }
    });
    offsets.push(indices.length);
  }
  return {
    rows: dense.length,
    cols: dense[0]?.length ?? 0,
    offsets: Uint32Array.from(offsets),
    indices: Uint32Array.from(indices),
    values: Float64Array.from(values),
  };
}

function randomSparse(rows: number, cols: number, density: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => (rng.next() < density ? rng.next() : 0)),
  );
}

/** Oracle: singular values as square roots of the eigenvalues of AᵀA, largest first. */
function oracleSingularValues(dense: number[][]): number[] {
  const cols = dense[0].length;
  const gram = new Float64Array(cols * cols);
  for (const row of dense)
    for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) gram[i * cols + j] += row[i] * row[j];
  return Array.from(symmetricEigen(gram, cols).values, (v) => Math.sqrt(Math.max(0, v)));
}

const column = (right: Float64Array, cols: number, k: number, j: number): number[] =>
  Array.from({ length: cols }, (_, c) => right[c * k + j]);

describe('truncatedSvd', () => {
  it('finds the hand-checkable SVD of a scaled permutation', () => {
    // Rows: 3·e₀ and 4·e₁ (and a zero row): σ = 4 along e₁, then 3 along e₀.
    const { singularValues, right } = truncatedSvd(
      sparse([
        [3, 0],
        [0, 4],
        [0, 0],
      ]),
      { rank: 2 },
    );
    expect(singularValues[0]).toBeCloseTo(4, 12);
    expect(singularValues[1]).toBeCloseTo(3, 12);
    expect(column(right, 2, 2, 0).map((x) => Math.abs(x))).toEqual([
      expect.closeTo(0, 12),
      expect.closeTo(1, 12),
    ]);
    expect(column(right, 2, 2, 1).map((x) => Math.abs(x))).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(0, 12),
    ]);
  });

  it('reports a rank-1 matrix as one direction and zeros', () => {
    // Every row is a multiple of (1, 1): σ₁ = √(1² + 2² + 3²) · √2 = √28, the rest 0.
    const { singularValues, right } = truncatedSvd(
      sparse([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      { rank: 2 },
    );
    expect(singularValues[0]).toBeCloseTo(Math.sqrt(28), 12);
    expect(singularValues[1]).toBe(0);
    expect(column(right, 2, 2, 0)).toEqual([
      expect.closeTo(Math.SQRT1_2, 12),
      expect.closeTo(Math.SQRT1_2, 12),
    ]);
    expect(column(right, 2, 2, 1)).toEqual([0, 0]);
  });

  for (const [shape, rows, cols] of [
    ['wide', 12, 30],
    ['tall', 30, 12],
  ] as const) {
    it(`gives exact zeros, not rounding noise, past the rank of a ${shape} matrix with repeated rows`, () => {
      // Three distinct rows, each repeated: rank 3 whatever the shape.
      const patterns = randomSparse(3, Math.max(rows, cols), 0.6, 3);
      const dense =
        shape === 'wide'
          ? Array.from({ length: rows }, (_, r) => patterns[r % 3].slice(0, cols))
          : Array.from({ length: rows }, (_, r) =>
              patterns.map((p) => p[r % cols] * (1 + (r % 3))).concat(Array(cols - 3).fill(0)),
            );
      const { singularValues, right } = truncatedSvd(sparse(dense), { rank: 6 });
      const oracle = oracleSingularValues(dense);
      const rank = oracle.filter((s) => s > 1e-6 * oracle[0]).length;
      expect(rank).toBe(3);
      for (let j = 0; j < 3; j++) expect(singularValues[j]).toBeCloseTo(oracle[j], 8);
      expect(Array.from(singularValues.subarray(3))).toEqual([0, 0, 0]);
      for (let j = 3; j < 6; j++) expect(column(right, cols, 6, j).every((x) => x === 0)).toBe(true);
    });
  }

  for (const [shape, rows, cols] of [
    ['wide', 25, 40],
    ['tall', 40, 25],
  ] as const) {
    it(`reconstructs a ${shape} matrix exactly at full rank, with orthonormal right vectors`, () => {
      const dense = randomSparse(rows, cols, 0.3, rows);
      const matrix = sparse(dense);
      const k = Math.min(rows, cols);
      const { singularValues, right } = truncatedSvd(matrix, { rank: k });
      const oracle = oracleSingularValues(dense);
      for (let j = 0; j < k; j++) expect(singularValues[j]).toBeCloseTo(oracle[j], 8);
      for (let a = 0; a < k; a++) {
        for (let b = 0; b <= a; b++) {
          let dot = 0;
          for (let c = 0; c < cols; c++) dot += right[c * k + a] * right[c * k + b];
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 8);
        }
      }
      // A V Vᵀ = A when V spans the row space.
      for (const row of dense) {
        const coords = Array.from({ length: k }, (_, j) =>
          row.reduce((s, x, c) => s + x * right[c * k + j], 0),
        );
        row.forEach((x, c) =>
          expect(coords.reduce((s, z, j) => s + z * right[c * k + j], 0)).toBeCloseTo(x, 8),
        );
      }
    });
  }

  it('finds the top singular values of a larger matrix with a decaying spectrum when truncated', () => {
    // Six planted directions of decreasing strength over sparse noise, like a term matrix's topics.
    const rng = createRng(11);
    const noise = randomSparse(120, 80, 0.1, 12);
    const strengths = [40, 25, 15, 9, 6, 4];
    const factors = strengths.map(() => [
      Array.from({ length: 120 }, () => rng.next() - 0.5),
      Array.from({ length: 80 }, () => rng.next() - 0.5),
    ]);
    const dense = noise.map((row, r) =>
      row.map(
        (x, c) =>
          0.1 * x + strengths.reduce((s, w, j) => s + (w / 10) * factors[j][0][r] * factors[j][1][c], 0),
      ),
    );
    const { singularValues } = truncatedSvd(sparse(dense), { rank: 6 });
    const oracle = oracleSingularValues(dense);
    for (let j = 0; j < 6; j++) expect(singularValues[j] / oracle[j]).toBeCloseTo(1, 6);
  });

  it('is deterministic for a seed, and the seed is what varies it', () => {
    const matrix = sparse(randomSparse(60, 90, 0.1, 5));
    const a = truncatedSvd(matrix, { rank: 8, seed: 1, powerIterations: 1 });
    const b = truncatedSvd(matrix, { rank: 8, seed: 1, powerIterations: 1 });
    const c = truncatedSvd(matrix, { rank: 8, seed: 2, powerIterations: 1 });
    expect(Array.from(b.right)).toEqual(Array.from(a.right));
    expect(Array.from(b.singularValues)).toEqual(Array.from(a.singularValues));
    expect(Array.from(c.singularValues)).not.toEqual(Array.from(a.singularValues));
  });

  it('gives zero directions for a matrix of zeros, and the exact answer for a single row', () => {
    // The Rayleigh–Ritz basis is empty when every product is 0: nothing to whiten, no noise out.
    const zeros = truncatedSvd(
      sparse([
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]),
      { rank: 2 },
    );
    expect(Array.from(zeros.singularValues)).toEqual([0, 0]);
    expect(Array.from(zeros.right).every((x) => x === 0)).toBe(true);
    // One row (3, 0, 4): σ = 5 along (0.6, 0, 0.8).
    const single = truncatedSvd(sparse([[3, 0, 4]]), { rank: 5 });
    expect(single.singularValues).toHaveLength(1);
    expect(single.singularValues[0]).toBeCloseTo(5, 12);
    expect(Array.from(single.right)).toEqual([expect.closeTo(0.6, 12), 0, expect.closeTo(0.8, 12)]);
  });

  it('returns nothing for an empty matrix', () => {
    const empty: SparseRows = {
      rows: 0,
      cols: 5,
      offsets: Uint32Array.of(0),
      indices: new Uint32Array(0),
      values: new Float64Array(0),
    };
    expect(truncatedSvd(empty, { rank: 4 }).singularValues).toHaveLength(0);
  });
});

describe('orthonormalize', () => {
  it('makes columns orthonormal and zeroes a column in the span of earlier ones', () => {
    // Columns (row-major 3 × 3): (1, 0, 1), (1, 1, 0), and their sum.
    const block = Float64Array.of(1, 1, 2, 0, 1, 1, 1, 0, 1);
    orthonormalize(block, 3, 3);
    const col = (j: number): number[] => [block[j], block[3 + j], block[6 + j]];
    const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i], 0);
    expect(dot(col(0), col(0))).toBeCloseTo(1, 12);
    expect(dot(col(1), col(1))).toBeCloseTo(1, 12);
    expect(dot(col(0), col(1))).toBeCloseTo(0, 12);
    expect(col(2)).toEqual([0, 0, 0]);
  });
});
