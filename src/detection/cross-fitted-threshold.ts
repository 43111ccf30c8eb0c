// The default threshold of the offline check, chosen on scores the model was not fitted on (sixth
// revision). A threshold set to flag 90 % of the hallucinations the model was fitted on flags fewer
// of a new set's (in-sample scores run high), so each realistic file is scored by a fit made
// without it. Since revision 13 the threshold is the highest 0.01 step at which those out-of-fold
// scores, pooled over the files, keep recall ≥ 0.9. Revisions 6 to 12 asked it of EVERY file; with
// 39 files the hardest one alone held the step at 0.23, where 92 % of the development answers are
// flagged out of fold, so the rule now asks of a new writer what the writers seen so far give
// together. One floor: a one-claim answer restating a sentence of the context word for word is
// never flagged; the threshold is the first 0.01 step above such an answer's score when the recall
// rule would go below it (it set the default in revision 12; revision 13's `copied` feature gives a
// restatement its own, lower score).
import type { ClaimFeatures } from '../scorers/hallucination/claim-check.js';
import { SUPPORT_MODEL } from '../scorers/hallucination/support-model.js';
import {
  type FeaturedCase,
  type FittedCheck,
  fitCheck,
  responseScore,
  TARGET_RECALL,
} from './fit-support-model.js';

export interface OutOfFoldScore {
  set: string;
  positive: boolean;
  score: number;
}

/** Each named realistic file's cases scored by a fit on everything else (unnamed cases are always fitted on). */
export function outOfFoldScores(
  cases: readonly FeaturedCase[],
  setOf: (c: FeaturedCase) => string | undefined,
): OutOfFoldScore[] {
  const sets = [...new Set(cases.map(setOf).filter((s): s is string => s !== undefined))];
  return sets.flatMap((set) => {
    const fitted = fitCheck(cases.filter((c) => setOf(c) !== set));
    return cases
      .filter((c) => setOf(c) === set)
      .map((c) => ({ set, positive: c.case.hallucinated, score: responseScore(c, fitted) }));
  });
}

/** The highest threshold (0.01 steps) at which the pooled recall is ≥ target; 0.01 when none is. */
export function pooledRecallThreshold(scores: readonly OutOfFoldScore[], target = TARGET_RECALL): number {
  const positives = scores.filter((s) => s.positive).map((s) => s.score);
  if (positives.length === 0) return 0.01;
  for (let t = 99; t >= 1; t--) {
    if (positives.filter((s) => s >= t / 100).length / positives.length >= target) return t / 100;
  }
  return 0.01;
}

/** A claim that restates one sentence of the context word for word: nothing set but `copied`. */
const RESTATEMENT = {
  ...Object.fromEntries(
    Object.keys(SUPPORT_MODEL)
      .filter((k) => k !== 'intercept')
      .map((k) => [k, 0]),
  ),
  copied: 1,
} as unknown as ClaimFeatures;

/** The score a fit gives a one-claim answer that restates the context word for word. */
export function restatementScore(fitted: Omit<FittedCheck, 'threshold'>): number {
  return responseScore({ case: undefined as never, claims: [RESTATEMENT] }, fitted);
}

/** The first 0.01 step strictly above the restatement score. */
export function restatementFloor(fitted: Omit<FittedCheck, 'threshold'>): number {
  return (Math.floor(restatementScore(fitted) * 100) + 1) / 100;
}

/** The default threshold for a fit on `cases`: the pooled out-of-fold recall rule, raised to the restatement floor. */
export function crossFittedThreshold(
  cases: readonly FeaturedCase[],
  setOf: (c: FeaturedCase) => string | undefined,
  fitted: Omit<FittedCheck, 'threshold'> = fitCheck(cases),
  target = TARGET_RECALL,
): number {
  return Math.max(pooledRecallThreshold(outOfFoldScores(cases, setOf), target), restatementFloor(fitted));
}
