// The calibrated part of the offline check (revision 11): a logistic model turning a claim's
// alignment features into P(claim unsupported), and a response calibration on top. Both were fitted
// by scripts/fit-support-model.js on the perturbed tuning split and all twenty-three hand-written
// realistic files written before revision 11 (blind sets 3 to 19 included, each of which had
// measured an earlier revision once); the perturbed test split and blind sets 20 to 27 were not
// fitted on. The fit holds each weight to its sign (fitSigned, since 9.1): a feature that says the
// context does not back a claim never lowers its score, and one that says a number was worked out
// never raises it. The threshold rule (src/detection/cross-fitted-threshold.ts) takes the highest
// step at which every realistic file keeps recall ≥ 0.9 when scored by a fit made without it, but
// never at or below a word-for-word restatement's score; that floor, not the recall rule (which
// gives a lower step), sets the default: restatement 0.226 → 0.23 (0.227 → 0.23 in 10, 0.216 → 0.22 in 9.2, 0.226 →
// 0.23 in 9.1, 0.246 → 0.25 in 9, 0.170 → 0.17 in 6.1).
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.23,
  uncoveredLocal: 0,
  uncoveredGlobal: 0,
  uncoveredMass: 0.21,
  numbersAligned: -0.27,
  numberMissing: 1.54,
  numberElsewhere: -0.43,
  unitMismatch: 2.63,
  numberConflict: 0.13,
  nameMissing: 2.08,
  nameElsewhere: 0.15,
  nameConflict: 1.48,
  negationMismatch: 0.21,
  numberDerived: -0.98,
  quantifierAdded: 2.62,
  conditionDropped: 1.11,
  sourceAdded: 0.62,
  numberSwapped: 1.69,
  numberDerivedFar: 0,
  numberMoved: 0.47,
  numberDerivedTwoSteps: 1.04,
  limitDropped: 1.71,
  rolesSwapped: 1.99,
  causeAdded: 2.96,
  figureOfAnother: 0.24,
  wordOfAnother: 0.54,
  negationFlipped: 2.74,
  quantifierDropped: 1,
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
  worstLogit: 1,
  claimCount: -0.2,
};

/** The check's version, in its scores' details: bumped when a revision changes what it measures. */
export const CHECK_VERSION = 'offline-check-11';

/** A response is flagged when its score (the calibrated response probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.23;

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
