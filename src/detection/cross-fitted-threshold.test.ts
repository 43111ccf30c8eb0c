import { describe, expect, it } from 'vitest';
import {
  type OutOfFoldScore,
  pooledRecallThreshold,
  restatementFloor,
  restatementScore,
} from './cross-fitted-threshold.js';

const positives = (set: string, scores: number[]): OutOfFoldScore[] =>
  scores.map((score) => ({ set, positive: true, score }));

describe('the default threshold rule (pooled since revision 13)', () => {
  it('is the highest 0.01 step at which the pooled recall is ≥ 0.9 (hand-computed)', () => {
    // Set a: 0.10 … 1.00; 9 of 10 reach 0.20, only 8 reach 0.21 → a alone allows 0.20.
    // Set b: 0.15 and nine at 0.90; 9 of 10 reach 0.90 → b alone allows 0.90.
    const a = positives('a', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
    const b = positives('b', [0.15, ...Array(9).fill(0.9)]);
    // Negatives do not move it.
    const negatives: OutOfFoldScore[] = [{ set: 'a', positive: false, score: 0.95 }];
    expect(pooledRecallThreshold([...a, ...negatives])).toBe(0.2);
    expect(pooledRecallThreshold(b)).toBe(0.9);
    // Pooled with a larger set (0.15 and nineteen at 0.90), 27 of 30 reach 0.30 (a's 0.3 … 1.0 and
    // the nineteen), only 26 reach 0.31: 0.30, where the rule of revisions 6 to 12 (every set ≥ 0.9)
    // keeps a's 0.20.
    const big = positives('b', [0.15, ...Array(19).fill(0.9)]);
    expect(pooledRecallThreshold([...a, ...big, ...negatives])).toBe(0.3);
    // One more missed positive (31, so 28 are needed) moves it down to 0.20 (9 + 19).
    expect(pooledRecallThreshold([...a, ...big, ...positives('c', [0.05])])).toBe(0.2);
    expect(pooledRecallThreshold(negatives)).toBe(0.01);
  });

  it('never goes below the score of a word-for-word restatement (hand-computed)', () => {
    // One claim, no feature set: sigmoid(1 × −2) = 0.1192 → the first step above is 0.12.
    const fitted = { model: { intercept: -2 }, calibration: { intercept: 0, worstLogit: 1, claimCount: 0 } };
    expect(restatementScore(fitted)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(restatementFloor(fitted)).toBe(0.12);
    // A score on a step is raised past it: sigmoid(0) = 0.5 → 0.51.
    expect(restatementFloor({ ...fitted, model: { intercept: 0 } })).toBe(0.51);
  });

  it('scores a restatement as copied: a copied weight lowers the floor (hand-computed)', () => {
    // sigmoid(−1 − 1) = 0.1192 → 0.12; without `copied` in the restatement it would stay at
    // sigmoid(−1) = 0.2689 → 0.27.
    const fitted = {
      model: { intercept: -1, copied: -1 },
      calibration: { intercept: 0, worstLogit: 1, claimCount: 0 },
    };
    expect(restatementScore(fitted)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(restatementFloor(fitted)).toBe(0.12);
  });
});
