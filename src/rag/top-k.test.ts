import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { compareScored, topK } from './top-k.js';

describe('topK', () => {
  it('equals a full sort by score, then label', () => {
    const rng = createRng(3);
    const scores = Array.from({ length: 500 }, () => rng.int(20) / 4);
    const expected = scores
      .map((score, label) => ({ label, score }))
      .sort(compareScored)
      .slice(0, 37);
    expect(topK(scores.length, 37, (i) => scores[i])).toEqual(expected);
    expect(topK(3, 10, (i) => scores[i])).toHaveLength(3);
    expect(topK(3, 0, (i) => scores[i])).toEqual([]);
  });
});
