import { describe, expect, it } from 'vitest';
import { maximalMarginalRelevance } from './mmr.js';

const vectors: Record<number, Float32Array> = {
  0: Float32Array.from([1, 0, 0]),
  1: Float32Array.from([0.99, 0.141, 0]), // near-duplicate of 0
  2: Float32Array.from([0, 1, 0]),
  3: Float32Array.from([0, 0, 1]),
};
const candidates = [
  { label: 0, score: 0.9 },
  { label: 1, score: 0.85 },
  { label: 2, score: 0.6 },
  { label: 3, score: 0.3 },
];

describe('maximalMarginalRelevance', () => {
  it('keeps first-stage order when lambda is 1', () => {
    const picked = maximalMarginalRelevance({ candidates, vectorOf: (l) => vectors[l], k: 3, lambda: 1 });
    expect(picked.map((p) => p.label)).toEqual([0, 1, 2]);
  });

  it('pushes a near-duplicate below diverse candidates', () => {
    // Relevance min-max scaled: 0 → 1, 1 → 0.9167, 2 → 0.5, 3 → 0.
    // After picking 0 (λ = 0.5): 1 → 0.5·0.9167 − 0.5·0.99 = −0.037; 2 → 0.25 − 0 = 0.25; 3 → 0.
    const picked = maximalMarginalRelevance({ candidates, vectorOf: (l) => vectors[l], k: 3, lambda: 0.5 });
    expect(picked.map((p) => p.label)).toEqual([0, 2, 3]);
    expect(picked[1].score).toBe(0.6);
  });

  it('rejects lambda outside [0, 1]', () => {
    expect(() =>
      maximalMarginalRelevance({ candidates, vectorOf: (l) => vectors[l], k: 2, lambda: 2 }),
    ).toThrow(RangeError);
  });
});
