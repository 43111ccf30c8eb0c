import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { ascendingOrder } from './ascending-order.js';

describe('ascendingOrder', () => {
  it('orders by value, equal values (−0 and 0 among them) by index', () => {
    const keys = Float64Array.from([0.5, 0, 0.2, -0, 0.5, -1, 0]);
    expect(Array.from(ascendingOrder(keys))).toEqual([5, 1, 3, 6, 2, 0, 4]);
  });

  it('equals a comparator sort on random columns with many ties', () => {
    const rng = createRng(4);
    for (const levels of [0, 3, 50]) {
      const keys = Float64Array.from({ length: 500 }, () => {
        const x = rng.next() * 2 - 1;
        return levels ? Math.round(x * levels) / levels : x;
      });
      const expected = Array.from(keys, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
      expect(Array.from(ascendingOrder(keys))).toEqual(expected);
    }
  });

  it('puts NaN keys last, in index order, and handles no keys', () => {
    expect(Array.from(ascendingOrder(Float64Array.from([Number.NaN, 2, Number.NaN, 1])))).toEqual([
      3, 1, 0, 2,
    ]);
    expect(ascendingOrder(new Float64Array(0)).length).toBe(0);
  });
});
