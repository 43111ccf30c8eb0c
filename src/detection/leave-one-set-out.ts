// How the offline check does on data it was not fitted on: for each realistic dev file, fit both
// models and the threshold on everything else that is fitted on (the perturbed tuning split and the
// other realistic files), then score that file. Per-file and pooled out-of-set numbers.
import { auroc, type LabelledScore, thresholdMetrics } from './detection-metrics.js';
import { type FeaturedCase, fitCheck, responseScore } from './fit-support-model.js';

export interface OutOfSetResult {
  set: string;
  threshold: number;
  n: number;
  positives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  auroc: number | null;
}

/** `setOf` names the realistic file a case comes from; cases it gives no name are always fitted on. */
export function leaveOneSetOut(
  cases: readonly FeaturedCase[],
  setOf: (c: FeaturedCase) => string | undefined,
  /** How a fold picks its threshold from its own fitting cases (default: the fit's in-sample rule). */
  thresholdOf?: (fitting: readonly FeaturedCase[]) => number,
): { perSet: OutOfSetResult[]; pooled: OutOfSetResult } {
  const sets = [...new Set(cases.map(setOf).filter((s): s is string => s !== undefined))];
  const perSet: OutOfSetResult[] = [];
  const pooledItems: LabelledScore[] = [];
  let [tp, fp, fn] = [0, 0, 0];
  for (const set of sets) {
    const fitting = cases.filter((c) => setOf(c) !== set);
    const fitted = fitCheck(fitting);
    if (thresholdOf) fitted.threshold = thresholdOf(fitting);
    const items = cases
      .filter((c) => setOf(c) === set)
      .map((c) => ({ positive: c.case.hallucinated, score: responseScore(c, fitted) }));
    const m = thresholdMetrics(items, fitted.threshold);
    [tp, fp, fn] = [tp + m.tp, fp + m.fp, fn + m.fn];
    pooledItems.push(...items);
    perSet.push({
      set,
      threshold: fitted.threshold,
      n: items.length,
      positives: items.filter((i) => i.positive).length,
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      auroc: auroc(items),
    });
  }
  // Pooled: each file flagged at its own fold's threshold; AUROC over all out-of-set scores.
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  return {
    perSet,
    pooled: {
      set: 'pooled',
      threshold: Number.NaN,
      n: pooledItems.length,
      positives: pooledItems.filter((i) => i.positive).length,
      precision,
      recall,
      f1,
      auroc: auroc(pooledItems),
    },
  };
}
