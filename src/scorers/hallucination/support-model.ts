// The calibrated part of the offline check (ninth revision): a logistic model turning a claim's
// alignment features into P(claim unsupported), and a response calibration on top. Both were fitted
// by scripts/fit-support-model.js on the perturbed tuning split and all eleven hand-written
// realistic files written before it (blind sets 3 to 7 included, each of which had measured an
// earlier revision once); the perturbed test split and blind sets 8 to 11 were not fitted on. The
// threshold rule (src/detection/cross-fitted-threshold.ts) takes the highest step at which every
// realistic file keeps recall ≥ 0.9 when scored by a fit made without it, but never at or below a
// word-for-word restatement's score; that floor, not the recall rule (which gives a lower step),
// sets the default: restatement 0.246 → 0.25 (0.170 → 0.17 in 6.1).
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.12,
  uncoveredLocal: 1.69,
  uncoveredGlobal: -2.9,
  uncoveredMass: 0.58,
  numbersAligned: -0.42,
  numberMissing: 2.96,
  numberElsewhere: -1.05,
  unitMismatch: 2.25,
  numberConflict: 1.45,
  nameMissing: 2.89,
  nameElsewhere: 0.27,
  nameConflict: 2.02,
  negationMismatch: 1.02,
  numberDerived: 0.09,
  quantifierAdded: 2.23,
  conditionDropped: 0.35,
  sourceAdded: -0.4,
  numberSwapped: 1.91,
  numberDerivedFar: 0.23,
  numberMoved: 1.23,
  numberDerivedTwoSteps: 1.76,
  limitDropped: 1.99,
  rolesSwapped: 2.81,
  causeAdded: 1.64,
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
  claimCount: -0.37,
};

/** The check's version, in its scores' details: bumped when a revision changes what it measures. */
export const CHECK_VERSION = 'offline-check-9';

/** A response is flagged when its score (the calibrated response probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.25;

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
