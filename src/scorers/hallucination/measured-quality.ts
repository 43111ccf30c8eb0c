// What the offline hallucination check measured on blind set 5 of the labelled dev set
// (docs/metrics.md): 110 realistic answers written by a session that never saw the check, kept
// unread until the seventh revision was committed ("final before blind set 5"), then scored once
// at its default threshold 0.23. Reports state these error rates next to the check's numbers; the
// dev-set test recomputes them and fails when they drift from the check. (Earlier one-time
// measurements, each on a set the revision never saw: revision 6.1 on blind set 4, precision
// 0.474, recall 0.800, F1 0.595, AUROC 0.657 at 0.17; revision 5 on blind set 3, precision 0.494,
// recall 0.796, F1 0.610, AUROC 0.712 at 0.2.)
export const OFFLINE_CHECK_QUALITY = {
  revision: 7,
  set: 'test_cases/hallucination-dev-blind5.jsonl',
  cases: 110,
  hallucinated: 52,
  threshold: 0.23,
  precision: 0.548,
  recall: 0.769,
  f1: 0.64,
  auroc: 0.69,
} as const;
