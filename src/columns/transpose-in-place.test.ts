import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { transposeInPlace } from './transpose-in-place.js';

describe('transposeInPlace', () => {
  it('gives the transpose, row-major, in place, and touches nothing outside the matrix', () => {
    const rng = createRng(3);
    const shapes = [
      [1, 1],
      [1, 7],
      [7, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [7, 13],
      [13, 7],
      [64, 10],
      [997, 10],
    ];
    for (const [rows, cols] of shapes) {
      const offset = 5;
      const data = Float64Array.from({ length: offset + rows * cols + 4 }, () => rng.next());
      const before = data.slice();
      transposeInPlace(data, offset, rows, cols);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++)
          expect(data[offset + c * rows + r]).toBe(before[offset + r * cols + c]);
      expect(Array.from(data.subarray(0, offset))).toEqual(Array.from(before.subarray(0, offset)));
      expect(Array.from(data.subarray(offset + rows * cols))).toEqual(
        Array.from(before.subarray(offset + rows * cols)),
      );
      // And back: the transpose of the transpose is the matrix, NaN and -0 included.
      transposeInPlace(data, offset, cols, rows);
      expect(data).toEqual(before);
    }
  });

  it('keeps NaN and -0 where they go', () => {
    const data = Float64Array.of(Number.NaN, -0, 1, 2, 3, Number.NaN);
    transposeInPlace(data, 0, 2, 3);
    expect(Array.from(data)).toEqual([Number.NaN, 2, -0, 3, 1, Number.NaN]);
    expect(Object.is(data[2], -0)).toBe(true);
  });

  it('refuses a matrix that does not fit the array', () => {
    expect(() => transposeInPlace(new Float64Array(6), 1, 2, 3)).toThrow(RangeError);
  });
});
