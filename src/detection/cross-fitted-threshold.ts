// The default threshold of the offline check, chosen on scores the model was not fitted on (sixth
// revision). A threshold set to flag 90 % of the hallucinations the model was fitted on flags fewer
// of a new set's (in-sample scores run high), so each realistic file is scored by a fit made
// without it, and the threshold is the highest 0.01 step at which EVERY file still has recall ≥ 0.9
// out of fold: a new writer's style should do no worse than the hardest file seen so far. One
// floor: an answer restating the context word for word (one claim, no feature set) is never
// flagged, whatever recall a lower threshold would buy; the threshold is the first 0.01 step above
// such an answer's score when the recall rule would go below it. Fixed before blind set 4 was scored.
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

/** The highest threshold (0.01 steps) at which every set's recall is ≥ target; 0.01 when none is. */
export function everySetRecallThreshold(scores: readonly OutOfFoldScore[], target = TARGET_RECALL): number {
  const sets = [...new Set(scores.map((s) => s.set))];
  const positives = sets.map((set) => scores.filter((s) => s.set === set && s.positive).map((s) => s.score));
  for (let t = 99; t >= 1; t--) {
    const ok = positives.every(
      (p) => p.length === 0 || p.filter((s) => s >= t / 100).length / p.length >= target,
    );
    if (ok) return t / 100;
  }
  return 0.01;
}

/** A claim whose every word and number the context states: no feature set. */
const RESTATEMENT = Object.fromEntries(
  Object.keys(SUPPORT_MODEL)
    .filter((k) => k !== 'intercept')
    .map((k) => [k, 0]),
) as unknown as ClaimFeatures;

/** The score a fit gives a one-claim answer that restates the context word for word. */
export function restatementScore(fitted: Omit<FittedCheck, 'threshold'>): number {
  return responseScore({ case: undefined as never, claims: [RESTATEMENT] }, fitted);
}

/** The first 0.01 step strictly above the restatement score. */
export function restatementFloor(fitted: Omit<FittedCheck, 'threshold'>): number {
  return (Math.floor(restatementScore(fitted) * 100) + 1) / 100;
}

/** The default threshold for a fit on `cases`: the every-set recall rule, raised to the restatement floor. */
export function crossFittedThreshold(
  cases: readonly FeaturedCase[],
  setOf: (c: FeaturedCase) => string | undefined,
  fitted: Omit<FittedCheck, 'threshold'> = fitCheck(cases),
  target = TARGET_RECALL,
): number {
  return Math.max(everySetRecallThreshold(outOfFoldScores(cases, setOf), target), restatementFloor(fitted));
}
