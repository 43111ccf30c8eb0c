// The calibrated part of the offline check: a logistic model turning a claim's alignment features
// into P(claim unsupported). The coefficients were fitted once by logistic regression on the
// TUNING split of test_cases/hallucination-dev-perturbed.jsonl only (scripts/fit-support-model.js);
// the realistic hand-written part and the perturbed test split were never used to fit them, so the
// numbers measured there (docs/metrics.md) are held-out numbers.
import type { ClaimFeatures } from './claim-check.js';

export const SUPPORT_MODEL: Readonly<Record<keyof ClaimFeatures | 'intercept', number>> = {
  intercept: -1.96,
  uncoveredLocal: 1.3,
  uncoveredGlobal: -0.25,
  uncoveredMass: 1.04,
  numbersAligned: -1.03,
  numberMissing: 5.43,
  numberElsewhere: -1.77,
  unitMismatch: 2.6,
  numberConflict: 3.04,
  nameMissing: 3.84,
  nameElsewhere: 0.21,
  nameConflict: 1.58,
  negationMismatch: 3.94,
  antonym: 0.07,
};

/** A response is flagged when its score (its least-supported claim's probability) reaches this. */
export const DEFAULT_HALLUCINATION_THRESHOLD = 0.4;

export function unsupportedProbability(
  features: ClaimFeatures,
  model: Readonly<Record<string, number>> = SUPPORT_MODEL,
): number {
  let z = model.intercept ?? 0;
  for (const [name, value] of Object.entries(features)) z += (model[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}
