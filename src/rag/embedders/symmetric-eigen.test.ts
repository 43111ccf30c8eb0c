import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { symmetricEigen } from './symmetric-eigen.js';

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) m[i * n + j] = m[j * n + i] = rng.next() * 2 - 1;
  return m;
}

describe('symmetricEigen', () => {
  it('finds the hand-computed eigenpairs of a 2×2 matrix', () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 (along (1, 1)) and 1 (along (1, −1)).
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0] * vectors[2]).toBeGreaterThan(0); // (1, 1) direction: same signs
    expect(vectors[1] * vectors[3]).toBeLessThan(0); // (1, −1) direction: opposite signs
  });

  it("returns a diagonal matrix's entries largest first, and handles 1×1 and 0×0", () => {
    expect(Array.from(symmetricEigen(Float64Array.of(1, 0, 0, 0, 5, 0, 0, 0, -2), 3).values)).toEqual([
      5, 1, -2,
    ]);
    expect(Array.from(symmetricEigen(Float64Array.of(7), 1).values)).toEqual([7]);
    expect(symmetricEigen(new Float64Array(0), 0).values).toHaveLength(0);
  });

  it('satisfies M v = λ v with orthonormal eigenvectors on a random 30×30 matrix', () => {
    const n = 30;
    const m = randomSymmetric(n, 7);
    const { values, vectors } = symmetricEigen(m, n);
    for (let j = 0; j < n; j++) {
      if (j > 0) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
      for (let i = 0; i < n; i++) {
        let mv = 0;
        for (let k = 0; k < n; k++) mv += m[i * n + k] * vectors[k * n + j];
        expect(mv).toBeCloseTo(values[j] * vectors[i * n + j], 10);
      }
      for (let k = 0; k <= j; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += vectors[i * n + j] * vectors[i * n + k];
        expect(dot).toBeCloseTo(j === k ? 1 : 0, 10);
      }
    }
    // The trace is the sum of the eigenvalues.
    let trace = 0;
    for (let i = 0; i < n; i++) trace += m[i * n + i];
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 10);
  });

  it('copes with repeated eigenvalues and a rank-deficient matrix', () => {
    // u uᵀ for u = (1, 2, 2): rank 1, eigenvalues 9, 0, 0.
    const u = [1, 2, 2];
    const m = Float64Array.from({ length: 9 }, (_, k) => u[Math.floor(k / 3)] * u[k % 3]);
    const { values, vectors } = symmetricEigen(m, 3);
    expect(values[0]).toBeCloseTo(9, 12);
    expect(values[1]).toBeCloseTo(0, 12);
    expect(values[2]).toBeCloseTo(0, 12);
    expect(Math.abs(vectors[0 * 3 + 0])).toBeCloseTo(1 / 3, 12);
  });

  it('rejects a matrix of the wrong size and leaves its input untouched', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(RangeError);
    const m = randomSymmetric(5, 3);
    const copy = Float64Array.from(m);
    symmetricEigen(m, 5);
    expect(Array.from(m)).toEqual(Array.from(copy));
  });
});
