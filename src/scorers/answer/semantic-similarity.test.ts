import { describe, expect, it } from 'vitest';
import { semanticSimilarity } from './semantic-similarity.js';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('semanticSimilarity', () => {
  it('is the max cosine over reference vectors', () => {
    // cos([1,0],[0,1]) = 0; cos([1,0],[1,1]) = 1/√2
    expect(semanticSimilarity(v(1, 0), [v(0, 1), v(1, 1)])).toBeCloseTo(Math.SQRT1_2, 6);
  });
  it('is null when vectors are absent or not comparable', () => {
    expect(semanticSimilarity(undefined, [v(1, 0)])).toBeNull();
    expect(semanticSimilarity(v(1, 0), [])).toBeNull();
    expect(semanticSimilarity(v(1, 0), [v(1, 0, 0)])).toBeNull();
    expect(semanticSimilarity(v(0, 0), [v(1, 0)])).toBeNull();
  });
});
