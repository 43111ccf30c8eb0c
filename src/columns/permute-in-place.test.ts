import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { permuteInPlace } from './permute-in-place.js';

describe('permuteInPlace', () => {
  it('puts a[order[i]] at i for random permutations, the identity and one long cycle', () => {
    const rng = createRng(3);
    const orders: Uint32Array[] = [Uint32Array.from([0, 1, 2, 3]), Uint32Array.from([1, 2, 3, 4, 0])];
    for (const n of [0, 1, 2, 7, 1000]) {
      const order = Uint32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      orders.push(order);
    }
    for (const order of orders) {
      const values = Float64Array.from(order, (_, i) => i * 1.5 + 0.25);
      const expected = Array.from(order, (k) => values[k]);
      const visited = new Uint8Array(order.length + 3).fill(1);
      permuteInPlace(values, order, visited);
      expect(Array.from(values)).toEqual(expected);
    }
  });

  it('moves blocks of `stride` values as one row, and refuses a non-permutation there too', () => {
    const rng = createRng(5);
    for (const [n, stride] of [
      [0, 3],
      [1, 4],
      [9, 2],
      [500, 10],
      [40, 0],
    ]) {
      const order = Uint32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const values = Uint32Array.from({ length: n * stride }, (_, i) => i * 3 + 1);
      const expected = Array.from(order).flatMap((k) =>
        Array.from(values.subarray(k * stride, k * stride + stride)),
      );
      permuteInPlace(values, order, new Uint8Array(n), stride);
      expect(Array.from(values)).toEqual(expected);
    }
    expect(() => permuteInPlace(new Float64Array(4), Uint32Array.from([1, 1]), new Uint8Array(2), 2)).toThrow(
      /not a permutation/,
    );
  });

  it('refuses an order that is no permutation (a repeat, an index out of range) and leaves the column as it was', () => {
    for (const bad of [
      [1, 1],
      [5, 0],
      [0, 2],
    ]) {
      const values = new Float64Array([1, 2]);
      expect(() => permuteInPlace(values, Uint32Array.from(bad), new Uint8Array(2))).toThrow(
        /not a permutation/,
      );
      expect(Array.from(values)).toEqual([1, 2]);
    }
  });
});
