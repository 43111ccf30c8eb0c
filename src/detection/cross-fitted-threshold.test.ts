import { describe, expect, it } from 'vitest';
import {
  everySetRecallThreshold,
  type OutOfFoldScore,
  restatementFloor,
  restatementScore,
} from './cross-fitted-threshold.js';

const positives = (set: string, scores: number[]): OutOfFoldScore[] =>
  scores.map((score) => ({ set, positive: true, score }));

describe('the default threshold rule (sixth revision)', () => {
  it('is the highest 0.01 step at which every set keeps recall ≥ 0.9 (hand-computed)', () => {
    // Set a: 0.10 … 1.00; 9 of 10 reach 0.20, only 8 reach 0.21 → a alone allows 0.20.
    // Set b: 0.15 and nine at 0.90; 9 of 10 reach 0.90 → b alone would allow 0.90.
    const a = positives('a', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
    const b = positives('b', [0.15, ...Array(9).fill(0.9)]);
    // Negatives do not move it.
    const negatives: OutOfFoldScore[] = [{ set: 'a', positive: false, score: 0.95 }];
    expect(everySetRecallThreshold([...a, ...negatives])).toBe(0.2);
    expect(everySetRecallThreshold(b)).toBe(0.9);
    // The hardest set decides, not the pooled recall (pooled 18/20 would allow 0.9 too).
    expect(everySetRecallThreshold([...a, ...b, ...negatives])).toBe(0.2);
  });

  it('never goes below the score of a word-for-word restatement (hand-computed)', () => {
    // One claim, no feature set: sigmoid(1 × −2) = 0.1192 → the first step above is 0.12.
    const fitted = { model: { intercept: -2 }, calibration: { intercept: 0, worstLogit: 1, claimCount: 0 } };
    expect(restatementScore(fitted)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(restatementFloor(fitted)).toBe(0.12);
    // A score on a step is raised past it: sigmoid(0) = 0.5 → 0.51.
    expect(restatementFloor({ ...fitted, model: { intercept: 0 } })).toBe(0.51);
  });
});
