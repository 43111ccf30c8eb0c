import { describe, expect, it } from 'vitest';
import { mergeTopK } from './merge-top-k.js';

const s = (label: number, score: number) => ({ label, score });

describe('mergeTopK', () => {
  it('takes the higher score first, whichever list holds it (the case that reorders)', () => {
    expect(mergeTopK([s(0, 1), s(1, 0.2)], [s(7, 0.9), s(8, 0.5)], 3)).toEqual([
      s(0, 1),
      s(7, 0.9),
      s(8, 0.5),
    ]);
  });

  it('breaks equal scores by lower label, across the lists and within them (the case that must not reorder by list)', () => {
    const merged = mergeTopK([s(4, 0.5), s(9, 0.5)], [s(2, 0.5), s(6, 0.5), s(3, 0.1)], 4);
    expect(merged.map((h) => h.label)).toEqual([2, 4, 6, 9]);
    // The same lists given the other way round: the same answer.
    expect(mergeTopK([s(2, 0.5), s(6, 0.5), s(3, 0.1)], [s(4, 0.5), s(9, 0.5)], 4)).toEqual(merged);
  });

  it('keeps a document found in one list only, and returns fewer than k when both run out', () => {
    expect(mergeTopK([], [s(5, 0.3)], 10)).toEqual([s(5, 0.3)]);
    expect(mergeTopK([s(1, 0.9), s(2, 0.1)], [], 1)).toEqual([s(1, 0.9)]);
    // k larger than one list: the rest comes from the other.
    expect(mergeTopK([s(1, 0.9)], [s(3, 0.8), s(4, 0.7), s(5, 0.6)], 3)).toEqual([
      s(1, 0.9),
      s(3, 0.8),
      s(4, 0.7),
    ]);
    expect(mergeTopK([s(1, 0.9)], [s(3, 0.8)], 0)).toEqual([]);
  });
});
