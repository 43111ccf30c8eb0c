// What the offline hallucination check measured on blind set 3 of the labelled dev set
// (docs/metrics.md): 120 realistic answers written by a session that never saw the check, scored
// once, after the fifth revision was final. Reports state these error rates next to the check's
// numbers; the dev-set test recomputes them and fails when they drift from the check.
export const OFFLINE_CHECK_QUALITY = {
  revision: 5,
  set: 'test_cases/hallucination-dev-blind3.jsonl',
  cases: 120,
  hallucinated: 54,
  threshold: 0.2,
  precision: 0.494,
  recall: 0.796,
  f1: 0.61,
  auroc: 0.712,
} as const;
