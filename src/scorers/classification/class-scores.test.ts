import { describe, expect, it } from 'vitest';
import { classScores } from './class-scores.js';

describe('classScores', () => {
  it('prefers per-label probabilities', () => {
    expect(
      classScores({ labels: ['a', 'b'], predicted: 'a', confidence: 0.9, labelProbabilities: { a: 0.6 } }),
    ).toEqual({ a: 0.6, b: 0 });
  });
  it('otherwise gives the confidence to the prediction and splits the rest', () => {
    // (1 − 0.7) / 2 = 0.15 each
    const scores = classScores({ labels: ['a', 'b', 'c'], predicted: 'b', confidence: 0.7 })!;
    expect(scores.b).toBe(0.7);
    expect(scores.a).toBeCloseTo(0.15, 10);
    expect(classScores({ labels: ['a'], predicted: null, confidence: 0.7 })).toBeNull();
  });
});
