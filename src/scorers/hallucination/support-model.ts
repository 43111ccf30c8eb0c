// The calibrated part of the offline check: a logistic model turning a claim's alignment features
// into P(claim unsupported). The coefficients were fitted by logistic regression on the tuning
// splits only (scripts/fit-support-model.js): the perturbed tuning split and the two hand-written
// tuning files (hallucination-dev-realistic-tune*.jsonl). The realistic validation part, the
// perturbed test split and the blind held-out part were never used to fit them; the threshold
// comes from the script's rule on the tuning splits.
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.65,
  uncoveredLocal: -0.91,
  uncoveredGlobal: 0.7,
  uncoveredMass: 1.09,
  numbersAligned: -0.92,
  numberMissing: 5.41,
  numberElsewhere: -0.92,
  unitMismatch: 3.42,
  numberConflict: 2.84,
  nameMissing: 4.04,
  nameElsewhere: -0.28,
  nameConflict: 1.83,
  negationMismatch: 3.26,
  antonym: 2.41,
  numberDerived: -0.57,
  quantifierAdded: 4.44,
  conditionDropped: 0.16,
  sourceAdded: 0.48,
};

/** A response is flagged when its score (its least-supported claim's probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.3;

export function unsupportedProbability(
  features: ClaimFeatures,
  model: Readonly<Record<string, number>> = SUPPORT_MODEL,
): number {
  let z = model.intercept ?? 0;
  for (const [name, value] of Object.entries(features)) z += (model[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}
