import { describe, expect, it } from 'vitest';
import { subgroups } from './subgroups.js';

describe('subgroups', () => {
  const items = [
    { tags: ['a'], value: 1 },
    { tags: ['a', 'b'], value: 0 },
    { tags: ['b'], value: 0 },
    { tags: ['c'], value: null },
    { tags: ['a'], value: 0.5 },
  ];
  it('reports mean and n per tag and flags the largest gap', () => {
    // a: (1 + 0 + 0.5)/3 = 0.5; b: (0 + 0)/2 = 0; c has no values → gap a − b = 0.5
    expect(subgroups({ items, threshold: 0.1 })).toEqual({
      groups: [
        { tag: 'a', mean: 0.5, n: 3 },
        { tag: 'b', mean: 0, n: 2 },
      ],
      largestGap: { high: 'a', low: 'b', gap: 0.5, flagged: true },
    });
    expect(subgroups({ items, threshold: 0.6 }).largestGap?.flagged).toBe(false);
  });
  it('compares only tags with enough cases', () => {
    expect(subgroups({ items, minCount: 3 }).largestGap).toBeNull();
  });
});
