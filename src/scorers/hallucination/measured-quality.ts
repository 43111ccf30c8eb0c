// What the offline hallucination check measured on blind set 4 of the labelled dev set
// (docs/metrics.md): 100 realistic answers written by a session that never saw the check, kept
// unread until the sixth revision was committed, then scored once (precision 0.467, recall 0.778,
// F1 0.583, AUROC 0.642 at 0.18); re-scored once for 6.1, the review fixes, which were not chosen
// on it (below, at 6.1's threshold 0.17). Reports state these error
// rates next to the check's numbers; the dev-set test recomputes them and fails when they drift
// from the check. (The fifth revision's measurement, on blind set 3: precision 0.494, recall
// 0.796, F1 0.610, AUROC 0.712 at threshold 0.2.)
export const OFFLINE_CHECK_QUALITY = {
  revision: 6,
  set: 'test_cases/hallucination-dev-blind4.jsonl',
  cases: 100,
  hallucinated: 45,
  threshold: 0.17,
  precision: 0.474,
  recall: 0.8,
  f1: 0.595,
  auroc: 0.657,
} as const;
