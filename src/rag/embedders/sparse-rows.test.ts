import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { multiply, multiplyGram, multiplyTransposedRandomSigns, transpose } from './sparse-rows.js';
import type { SparseRows } from './sparse-rows.js';

// A = [[1, 0, 2], [0, 3, 0]] (2 × 3), hand-checkable.
const a: SparseRows = {
  rows: 2,
  cols: 3,
  offsets: Uint32Array.of(0, 2, 3),
  indices: Uint32Array.of(0, 2, 1),
  values: Float64Array.of(1, 2, 3),
};

describe('sparse products', () => {
  it('multiplies A · X', () => {
    // X (3 × 2) = [[1, 2], [3, 4], [5, 6]]: A·X = [[1 + 10, 2 + 12], [9, 12]].
    expect(Array.from(multiply(a, Float64Array.of(1, 2, 3, 4, 5, 6), 2))).toEqual([11, 14, 9, 12]);
  });

  it('forms Aᵀ·A·Y without the intermediate, equal to the two products', () => {
    // AᵀA = [[1, 0, 2], [0, 9, 0], [2, 0, 4]]; Y (3 × 2) = [[1, 2], [3, 4], [5, 6]].
    // AᵀA·Y = [[1 + 10, 2 + 12], [27, 36], [2 + 20, 4 + 24]].
    const y = Float64Array.of(1, 2, 3, 4, 5, 6);
    expect(Array.from(multiplyGram(a, y, 2))).toEqual([11, 14, 27, 36, 22, 28]);
    // Width not a multiple of the unrolling (5 columns): the same as Aᵀ(AY) done in two steps.
    const rng = createRng(3);
    const wide = Float64Array.from({ length: 15 }, () => rng.next() - 0.5);
    const twoSteps = multiply(transpose(a), multiply(a, wide, 5), 5);
    Array.from(multiplyGram(a, wide, 5)).forEach((x, i) => expect(x).toBeCloseTo(twoSteps[i], 12));
  });

  it('multiplies Aᵀ by a seeded ±1 matrix, the same for the same seed', () => {
    const out = multiplyTransposedRandomSigns(a, 40, createRng(7));
    const again = multiplyTransposedRandomSigns(a, 40, createRng(7));
    expect(Array.from(again)).toEqual(Array.from(out));
    // Column 0 of A is only row 0's 1, so row 0 of AᵀΩ is row 0 of Ω: every entry ±1, both signs seen.
    const signs = Array.from(out.subarray(0, 40));
    expect(signs.every((x) => x === 1 || x === -1)).toBe(true);
    expect(new Set(signs).size).toBe(2);
    // Row 2 of AᵀΩ is 2 × row 0 of Ω (A[0][2] = 2); row 1 is 3 × row 1 of Ω.
    expect(Array.from(out.subarray(80, 120))).toEqual(signs.map((x) => 2 * x));
    expect(Array.from(out.subarray(40, 80)).every((x) => x === 3 || x === -3)).toBe(true);
    expect(Array.from(multiplyTransposedRandomSigns(a, 40, createRng(8)))).not.toEqual(Array.from(out));
  });

  it('transposes, each column listing its rows in order', () => {
    const t = transpose(a);
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(Array.from(t.offsets)).toEqual([0, 1, 2, 3]);
    expect(Array.from(t.indices)).toEqual([0, 1, 0]);
    expect(Array.from(t.values)).toEqual([1, 3, 2]);
  });
});
