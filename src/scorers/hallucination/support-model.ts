// The calibrated part of the offline check (revision 12): a logistic model turning a claim's
// alignment features into P(claim unsupported), and a response calibration on top. Both were fitted
// by scripts/fit-support-model.js on the perturbed tuning split and all thirty-one hand-written
// realistic files written before revision 12 (blind sets 3 to 27 included, each of which had
// measured an earlier revision once); the perturbed test split and blind sets 28 to 35 were not
// fitted on. The fit holds each weight to its sign (fitSigned, since 9.1): a feature that says the
// context does not back a claim never lowers its score, and one that says a number was worked out
// never raises it. The threshold rule (src/detection/cross-fitted-threshold.ts) takes the highest
// step at which every realistic file keeps recall ≥ 0.9 when scored by a fit made without it, but
// never at or below a word-for-word restatement's score; that floor, not the recall rule (which
// gives a lower step), sets the default: restatement 0.257 → 0.26 (0.226 → 0.23 in 11, 0.227 →
// 0.23 in 10, 0.216 → 0.22 in 9.2, 0.226 → 0.23 in 9.1, 0.246 → 0.25 in 9, 0.170 → 0.17 in 6.1).
// Since revision 12 uncovered words count only beyond an allowance, so a restatement and a claim
// that only rewords it score alike, and hallucinations no cue catches score with them: at that
// floor recall is about 0.81 out of fold, below the 0.9 the rule asks for.
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.07,
  uncoveredLocal: 0,
  uncoveredGlobal: 0,
  uncoveredExcess: 0.86,
  uncoveredWhole: 0.38,
  numbersAligned: 0,
  numberMissing: 1.58,
  numberElsewhere: -0.43,
  unitMismatch: 2.48,
  numberConflict: 0.62,
  nameMissing: 1.85,
  nameElsewhere: 0.32,
  nameConflict: 1.23,
  negationMismatch: 0.17,
  numberDerived: -0.91,
  quantifierAdded: 2.4,
  conditionDropped: 1.13,
  sourceAdded: 0.75,
  numberSwapped: 1.4,
  numberDerivedFar: 0,
  numberMoved: 0.68,
  numberDerivedTwoSteps: 0.93,
  limitDropped: 1.56,
  rolesSwapped: 1.23,
  causeAdded: 1.9,
  figureOfAnother: 0.23,
  wordOfAnother: 0.61,
  negationFlipped: 2.11,
  quantifierDropped: 1.43,
};

/**
 * Stage 2: P(response unsupported) from its least-supported claim's log-odds and the log of its
 * number of claims (the maximum of many claim scores runs high by chance on a long answer). A
 * one-claim answer keeps its claim's log-odds, scaled; a sentence is scored the same way over its
 * own claims.
 */
export interface ResponseCalibration {
  intercept: number;
  worstLogit: number;
  claimCount: number;
}

export const RESPONSE_CALIBRATION: ResponseCalibration = {
  intercept: 0,
  worstLogit: 0.99,
  claimCount: -0.12,
};

/** The check's version, in its scores' details: bumped when a revision changes what it measures. */
export const CHECK_VERSION = 'offline-check-12';

/** A response is flagged when its score (the calibrated response probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.26;

export function unsupportedProbability(
  features: ClaimFeatures,
  model: Readonly<Record<string, number>> = SUPPORT_MODEL,
): number {
  let z = model.intercept ?? 0;
  for (const [name, value] of Object.entries(features)) z += (model[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

export function responseProbability(
  worstClaim: number,
  claims: number,
  calibration: ResponseCalibration = RESPONSE_CALIBRATION,
): number {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, worstClaim));
  const z =
    calibration.intercept +
    calibration.worstLogit * Math.log(p / (1 - p)) +
    calibration.claimCount * Math.log(Math.max(1, claims));
  return 1 / (1 + Math.exp(-z));
}
