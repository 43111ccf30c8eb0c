// The calibrated part of the offline check (sixth revision): a logistic model turning a claim's
// alignment features into P(claim unsupported), and a response calibration on top. Both were fitted
// by scripts/fit-support-model.js on the perturbed tuning split and all six hand-written realistic
// fit files (the perturbed test split and the blind sets were not fitted on). The threshold is the
// highest at which every realistic file keeps recall ≥ 0.9 when scored by a fit made without it
// (src/detection/cross-fitted-threshold.ts); a fourth blind set, scored once, decides.
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.52,
  uncoveredLocal: 0.11,
  uncoveredGlobal: -1.69,
  uncoveredMass: 1.18,
  numbersAligned: -0.61,
  numberMissing: 3.24,
  numberElsewhere: -2.06,
  unitMismatch: 2.47,
  numberConflict: 2.03,
  nameMissing: 2.51,
  nameElsewhere: 0.12,
  nameConflict: 2.68,
  negationMismatch: 2.15,
  antonym: -0.29,
  numberDerived: 0.2,
  quantifierAdded: 2.49,
  conditionDropped: 0.33,
  sourceAdded: -1.35,
  numberSwapped: 2.18,
  numberDerivedFar: 1.17,
  numberMoved: 2.05,
  numberDerivedTwoSteps: 2.74,
  limitDropped: 3.1,
  rolesSwapped: 1.67,
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
  worstLogit: 1.04,
  claimCount: -0.7,
};

/** The check's version, in its scores' details: bumped when a revision changes what it measures. */
export const CHECK_VERSION = 'offline-check-6';

/** A response is flagged when its score (the calibrated response probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.18;

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
