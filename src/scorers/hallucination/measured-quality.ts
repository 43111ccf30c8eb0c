// What the offline hallucination check measured on the blind held-out part of the labelled dev
// set (docs/metrics.md): 100 realistic answers written by someone who had not seen the check,
// after it was final, and measured once. Reports state these error rates next to the check's
// numbers; the dev-set test recomputes them and fails when they drift from the check.
export const OFFLINE_CHECK_QUALITY = {
  set: 'test_cases/hallucination-dev-heldout.jsonl',
  cases: 100,
  hallucinated: 45,
  threshold: 0.4,
  precision: 0.479,
  recall: 0.778,
  f1: 0.593,
  auroc: 0.581,
} as const;
