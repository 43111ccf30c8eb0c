// The calibrated part of the offline check (seventh revision): a logistic model turning a claim's
// alignment features into P(claim unsupported), and a response calibration on top. Both were fitted
// by scripts/fit-support-model.js on the eight hand-written realistic fit files (one writer each,
// blind sets 3 and 4 included; the perturbed sample answers and blind set 5 were not fitted on),
// with a heavier penalty than the sixth revision's and without the features whose sign flipped
// between writers (antonym, numberDerived, numberDerivedFar: weight 0). The threshold rule
// (src/detection/cross-fitted-threshold.ts) takes the highest 0.01 step at which every realistic
// file keeps recall ≥ 0.9 when scored by a fit made without it (0.11), but never at or below a
// one-claim word-for-word restatement's score (0.2204 with these coefficients); the floor sets
// the default, 0.23, and `hallucination_threshold: 0.11` is the recall-preferring setting, at the
// price of flagging nearly every answer (docs/metrics.md, seventh revision).
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.08,
  uncoveredLocal: -0.64,
  uncoveredGlobal: -0.79,
  uncoveredMass: 0.71,
  numbersAligned: -0.38,
  numberMissing: 2.03,
  numberElsewhere: 0.14,
  unitMismatch: 1.68,
  numberConflict: 0.02,
  nameMissing: 1.37,
  nameElsewhere: 0.95,
  nameConflict: 1.14,
  negationMismatch: 0.81,
  antonym: 0,
  numberDerived: 0,
  quantifierAdded: 1.69,
  conditionDropped: 0.14,
  sourceAdded: 0.02,
  numberSwapped: 1.62,
  numberDerivedFar: 0,
  numberMoved: 0.72,
  numberDerivedTwoSteps: 1.02,
  limitDropped: 1.78,
  rolesSwapped: 1.95,
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
  worstLogit: 1.17,
  claimCount: -0.79,
};

/** The check's version, in its scores' details: bumped when a revision changes what it measures. */
export const CHECK_VERSION = 'offline-check-7';

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
