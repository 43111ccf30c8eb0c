// The calibrated part of the offline check (sixth revision): a logistic model turning a claim's
// alignment features into P(claim unsupported), and a response calibration on top. Both were fitted
// by scripts/fit-support-model.js on the perturbed tuning split and all six hand-written realistic
// fit files (the perturbed test split and the blind sets were not fitted on); refitted as 6.1 after
// the review fixes. The threshold rule (src/detection/cross-fitted-threshold.ts) takes the highest
// step at which every realistic file keeps recall ≥ 0.9 when scored by a fit made without it, but
// never at or below a word-for-word restatement's score; that floor, not the recall rule (which
// gives a lower step), sets the default: restatement 0.170 → 0.17 (0.171 → 0.18 in 6.0).
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.52,
  uncoveredLocal: 0.12,
  uncoveredGlobal: -1.72,
  uncoveredMass: 1.18,
  numbersAligned: -0.62,
  numberMissing: 3.25,
  numberElsewhere: -2.11,
  unitMismatch: 2.43,
  numberConflict: 2.15,
  nameMissing: 2.61,
  nameElsewhere: 0.12,
  nameConflict: 2.87,
  negationMismatch: 2.4,
  antonym: 0.28,
  numberDerived: 0.25,
  quantifierAdded: 2.48,
  conditionDropped: 0.36,
  sourceAdded: -0.77,
  numberSwapped: 2.25,
  numberDerivedFar: 1.16,
  numberMoved: 2.02,
  numberDerivedTwoSteps: 2.74,
  limitDropped: 4.19,
  rolesSwapped: 4.29,
  causeAdded: 0,
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
  worstLogit: 1.05,
  claimCount: -0.66,
};

/** The check's version, in its scores' details: bumped when a revision changes what it measures. */
export const CHECK_VERSION = 'offline-check-6.1';

/** A response is flagged when its score (the calibrated response probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.17;

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
