import { describe, expect, it } from 'vitest';
import { tokenF1, tokenListF1 } from './token-f1.js';

describe('tokenF1', () => {
  it('scores token overlap after SQuAD normalisation', () => {
    // pred [cat, sat], gold [cat, sat, on]: common 2, P = 2/2 = 1, R = 2/3, F1 = 2·1·(2/3)/(1+2/3) = 0.8
    expect(tokenF1('The Cat sat', ['cat sat on'])).toBeCloseTo(0.8, 10);
  });
  it('takes the max over references', () => {
    // "on the mat" → [on, mat]: no overlap with [cat, sat] → 0; the other reference gives 0.8.
    expect(tokenF1('The Cat sat', ['on the mat', 'cat sat on'])).toBeCloseTo(0.8, 10);
  });
  it('counts repeated tokens as a multiset', () => {
    // pred {x:2, y:1}, gold {x:1, y:2}: common = min(2,1) + min(1,2) = 2; P = 2/3, R = 2/3, F1 = 2/3
    expect(tokenListF1(['x', 'x', 'y'], ['x', 'y', 'y'])).toBeCloseTo(2 / 3, 10);
  });
  it('gives 1 when both sides normalise to nothing and 0 when only one does (SQuAD v2.0)', () => {
    expect(tokenF1('the', ['a'])).toBe(1);
    expect(tokenF1('the', ['cat'])).toBe(0);
  });
  it('is null without a reference', () => {
    expect(tokenF1('cat', [])).toBeNull();
  });
});
