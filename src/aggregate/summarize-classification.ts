// Suite-level classification statistics: macro-F1, ECE and one-vs-rest AUCs with bootstrap
// intervals over cases, plus the confusion matrix, reliability bins and the confidence
// threshold at which a target precision is met (the human-review cut). Every interval is one
// pass per resample over the resampler's per-case draw counts (no per-draw lists, no sorting).
import { FLAG_ERROR, FLAG_PROBABILITIES, NONE } from '../columns/result-columns.js';
import { calibration, type CalibrationItem } from '../scorers/classification/calibration.js';
import {
  classificationReport,
  type ClassificationItem,
} from '../scorers/classification/classification-report.js';
import { reviewThreshold } from '../scorers/classification/review-threshold.js';
import {
  type PresortedLabel,
  hasNoTies,
  positionsOfPositives,
  weightedAveragePrecision,
  weightedMacro,
  weightedRocAuc,
} from '../scorers/classification/weighted-one-vs-rest.js';
import { type DrawCounts, percentileInterval, type Resampler } from '../stats/index.js';
import type { ClassificationSummary, MetricSummary } from '../run/types.js';
import type { SuiteRows } from './suite-rows.js';
import { ascendingOrder } from './ascending-order.js';
import { createOneVsRestReplicates } from './one-vs-rest-replicates.js';
import { createWeightedEce, createWeightedMacroF1 } from './weighted-classification.js';

export const REVIEW_TARGET_PRECISION = 0.9;

export function summarizeClassification(options: {
  rows: SuiteRows;
  labels: string[];
  resampler: Resampler;
  confidence: number;
  /** Other statistics of the suite fed by the same walk over the draws (see summarizeSuite). */
  alsoVisit?: (r: number, counts: DrawCounts) => void;
}): { metrics: Record<string, MetricSummary>; summary: ClassificationSummary } {
  const { labels, resampler, rows } = options;
  const { columns } = rows;
  const s = columns.strings;
  const n = resampler.n;
  // One row per case (its first repeat) so draw counts map onto cases.
  const rowOf = new Int32Array(n).fill(NONE);
  for (let i = rows.start; i < rows.end; i++) {
    const c = rows.caseOf[i - rows.start];
    if (rowOf[c] === NONE || columns.repeat[i] < columns.repeat[rowOf[c]]) rowOf[c] = i;
  }
  const usable = (c: number): boolean =>
    rowOf[c] !== NONE && !(columns.flags[rowOf[c]] & FLAG_ERROR) && columns.label[rowOf[c]] !== NONE;
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  const gold = new Int32Array(n).fill(NONE);
  const predicted = new Int32Array(n).fill(NONE);
  const items: ClassificationItem[] = [];
  const calibrationItems: CalibrationItem[] = [];
  const calConfidence = new Float64Array(n).fill(Number.NaN);
  const calCorrect = new Uint8Array(n);
  let nItems = 0;
  for (let c = 0; c < n; c++) {
    if (!usable(c)) continue;
    const i = rowOf[c];
    const goldLabel = s.value(columns.label[i]);
    const predictedLabel = columns.predicted[i] === NONE ? null : s.value(columns.predicted[i]);
    items.push({ gold: goldLabel, predicted: predictedLabel });
    gold[c] = labelIndex.get(goldLabel) ?? NONE;
    predicted[c] = predictedLabel === null ? NONE : (labelIndex.get(predictedLabel) ?? NONE);
    nItems++;
    if (!Number.isNaN(columns.confidence[i])) {
      const correct = columns.predicted[i] === columns.label[i];
      calibrationItems.push({ confidence: columns.confidence[i], correct });
      calConfidence[c] = columns.confidence[i];
      calCorrect[c] = correct ? 1 : 0;
    }
  }
  const full = classificationReport({ items, labels });

  const metrics: Record<string, MetricSummary> = {};
  const nCal = calibrationItems.length;
  const cal = nCal > 0 ? calibration({ items: calibrationItems }) : null;
  const presorted = presortFromRows(rows, rowOf, usable, labels);

  // Every suite-level statistic's replicates from one walk over the bootstrap draws: per-case
  // draw counts, one pass over the cases per resample (no drawn lists, no sorting).
  const resampled = n > 1;
  const macroF1Replicate =
    resampled && full.macroF1 !== null && nItems > 0
      ? createWeightedMacroF1({
          gold,
          predicted,
          labels: labels.length,
          usable: Uint8Array.from({ length: n }, (_, c) => (usable(c) ? 1 : 0)),
        })
      : null;
  const eceReplicate =
    resampled && cal ? createWeightedEce({ confidence: calConfidence, correct: calCorrect }) : null;
  // The AUCs: scores sorted once per label, both metrics from one pass per label.
  const auc = resampled && presorted ? createOneVsRestReplicates(presorted, resampler) : null;
  const macroF1Replicates = macroF1Replicate ? new Float64Array(resampler.resamples) : null;
  const eceReplicates = eceReplicate ? new Float64Array(resampler.resamples) : null;
  const alsoVisit = options.alsoVisit;
  if (macroF1Replicate || eceReplicate || auc || alsoVisit)
    resampler.forEachCounts((r, counts) => {
      if (macroF1Replicates) macroF1Replicates[r] = macroF1Replicate!(counts);
      if (eceReplicates) eceReplicates[r] = eceReplicate!(counts);
      auc?.visit(r, counts);
      alsoVisit?.(r, counts);
    });

  const stat = (estimate: number | null, count: number, replicates: Float64Array | null): MetricSummary => {
    if (estimate === null || count === 0)
      return { value: null, low: null, high: null, n: count, kind: 'statistic' };
    const ci = replicates ? percentileInterval(replicates, options.confidence) : null;
    return {
      value: r6(estimate),
      low: ci ? r6(ci.low) : r6(estimate),
      high: ci ? r6(ci.high) : r6(estimate),
      n: count,
      kind: 'statistic',
    };
  };
  metrics['classification.macro_f1'] = stat(full.macroF1, nItems, macroF1Replicates);
  if (cal) metrics['calibration.ece'] = stat(cal.ece, nCal, eceReplicates);

  if (presorted) {
    const nScored = presorted[0]?.order.length ?? 0;
    const replicates = auc?.result() ?? null;
    const weighted = (
      metric: (p: PresortedLabel, w: ArrayLike<number>) => number | null,
      reps: Float64Array | undefined,
    ): MetricSummary => {
      const estimate = weightedMacro(presorted, new Float64Array(n).fill(1), metric);
      if (estimate === null) return { value: null, low: null, high: null, n: nScored, kind: 'statistic' };
      if (!reps)
        return { value: r6(estimate), low: r6(estimate), high: r6(estimate), n: nScored, kind: 'statistic' };
      const ci = percentileInterval(reps, options.confidence);
      const finite = Number.isFinite(ci.low) && Number.isFinite(ci.high);
      return {
        value: r6(estimate),
        low: finite ? r6(ci.low) : null,
        high: finite ? r6(ci.high) : null,
        n: nScored,
        kind: 'statistic',
      };
    };
    metrics['classification.roc_auc'] = weighted(weightedRocAuc, replicates?.rocAuc);
    metrics['classification.pr_auc'] = weighted(weightedAveragePrecision, replicates?.averagePrecision);
  }

  const confusion: ClassificationSummary['confusion'] = {};
  full.confusion.rows.forEach((goldLabel, i) => {
    confusion[goldLabel] = {};
    full.confusion.columns.forEach((predictedLabel, j) => {
      confusion[goldLabel][predictedLabel] = full.confusion.matrix[i][j];
    });
  });
  const perClass: ClassificationSummary['perClass'] = {};
  for (const c of full.perClass)
    perClass[c.label] = { precision: c.precision, recall: c.recall, f1: c.f1, support: c.support };
  const summary: ClassificationSummary = { labels, confusion, perClass };
  if (cal) {
    summary.reliability = cal.bins.map((b) => ({
      low: b.lower,
      high: b.upper,
      count: b.count,
      accuracy: b.accuracy,
      confidence: b.confidence,
    }));
    const review = reviewThreshold({ items: calibrationItems, targetPrecision: REVIEW_TARGET_PRECISION });
    summary.reviewThreshold = {
      targetPrecision: REVIEW_TARGET_PRECISION,
      threshold: review?.threshold ?? null,
      reviewShare: review?.reviewShare ?? null,
    };
  }
  return { metrics, summary };
}

/**
 * Each label's scored cases in ascending score order (ties by case index), a label missing
 * from a case's probabilities scoring 0; null when no usable case has probabilities.
 */
function presortFromRows(
  rows: SuiteRows,
  rowOf: Int32Array,
  usable: (c: number) => boolean,
  labels: readonly string[],
): PresortedLabel[] | null {
  const { columns } = rows;
  const present: number[] = [];
  for (let c = 0; c < rowOf.length; c++)
    if (usable(c) && columns.flags[rowOf[c]] & FLAG_PROBABILITIES) present.push(c);
  if (present.length === 0) return null;
  const L = labels.length;
  const P = present.length;
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  // String id → label index (UNSEEN until first looked up): an array read per probability
  // instead of a map lookup, 3 million of them at 150 labels × 20,000 cases.
  const UNSEEN = -2;
  const idToLabel = new Int32Array(columns.strings.size).fill(UNSEEN);
  // Label-major, so each label's column is one contiguous run to sort.
  const scores = new Float64Array(P * L);
  const positiveLabel = new Int32Array(P).fill(NONE);
  present.forEach((c, p) => {
    const i = rowOf[c];
    positiveLabel[p] = labelIndex.get(columns.strings.value(columns.label[i])) ?? NONE;
    for (let k = columns.probStart[i]; k < columns.probStart[i + 1]; k++) {
      const id = columns.probLabel[k];
      let l = idToLabel[id];
      if (l === UNSEEN) l = idToLabel[id] = labelIndex.get(columns.strings.value(id)) ?? NONE;
      if (l !== NONE) scores[l * P + p] = columns.probValue[k];
    }
  });
  // Plain loops: TypedArray.from with a map function is several times slower at this size.
  return labels.map((label, l) => {
    const column = scores.subarray(l * P, (l + 1) * P);
    const sorted = ascendingOrder(column);
    const order = new Uint32Array(P);
    const sortedScores = new Float64Array(P);
    const positive = new Uint8Array(P);
    for (let x = 0; x < P; x++) {
      const p = sorted[x];
      order[x] = present[p];
      sortedScores[x] = column[p];
      positive[x] = positiveLabel[p] === l ? 1 : 0;
    }
    return {
      label,
      order,
      scores: sortedScores,
      positive,
      positiveAt: positionsOfPositives(positive),
      noTies: hasNoTies(sortedScores),
    };
  });
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
