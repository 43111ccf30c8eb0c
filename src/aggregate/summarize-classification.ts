// Suite-level classification statistics: macro-F1, ECE and one-vs-rest AUCs with bootstrap
// intervals over cases, plus the confusion matrix, reliability bins and the confidence
// threshold at which a target precision is met (the human-review cut).
import { calibration } from '../scorers/classification/calibration.js';
import {
  classificationReport,
  type ClassificationItem,
} from '../scorers/classification/classification-report.js';
import { reviewThreshold } from '../scorers/classification/review-threshold.js';
import {
  type PresortedLabel,
  presortOneVsRest,
  weightedAveragePrecision,
  weightedMacro,
  weightedRocAuc,
} from '../scorers/classification/weighted-one-vs-rest.js';
import { percentileInterval, type Resampler } from '../stats/index.js';
import type { CaseResult, ClassificationSummary, MetricSummary } from '../run/types.js';

export const REVIEW_TARGET_PRECISION = 0.9;

export function summarizeClassification(options: {
  results: readonly CaseResult[];
  labels: string[];
  resampler: Resampler;
  confidence: number;
  caseIndex: Map<string, number>;
}): { metrics: Record<string, MetricSummary>; summary: ClassificationSummary } {
  const { labels, resampler } = options;
  // One item per case (first repeat) so bootstrap indices map onto cases.
  const byCase: (CaseResult | undefined)[] = new Array(resampler.n);
  for (const r of options.results) {
    const i = options.caseIndex.get(r.caseId)!;
    if (!byCase[i] || r.repeat < byCase[i]!.repeat) byCase[i] = r;
  }
  const usable = byCase.map((r) => (r && !r.error && r.label !== undefined ? r : undefined));
  const items: (ClassificationItem | undefined)[] = usable.map((r) =>
    r ? { gold: r.label!, predicted: r.predicted ?? null } : undefined,
  );
  const select = <T>(arr: (T | undefined)[], idx: Uint32Array): T[] => {
    const out: T[] = [];
    for (const i of idx) if (arr[i] !== undefined) out.push(arr[i]!);
    return out;
  };
  const identity = Uint32Array.from({ length: resampler.n }, (_, i) => i);
  const full = classificationReport({ items: select(items, identity), labels });

  const calibrationItems = usable.map((r) =>
    r && typeof r.confidence === 'number'
      ? { confidence: r.confidence, correct: r.predicted === r.label }
      : undefined,
  );
  const scoredItems = usable.map((r) =>
    r?.labelProbabilities ? { gold: r.label!, scores: r.labelProbabilities } : undefined,
  );

  const metrics: Record<string, MetricSummary> = {};
  const stat = (fn: (idx: Uint32Array) => number | null, n: number): MetricSummary => {
    const estimate = fn(identity);
    if (estimate === null || n === 0) return { value: null, low: null, high: null, n, kind: 'statistic' };
    const ci = resampler.statisticCi((idx) => fn(idx) ?? NaN, options.confidence);
    return {
      value: r6(estimate),
      low: ci ? r6(ci.low) : null,
      high: ci ? r6(ci.high) : null,
      n,
      kind: 'statistic',
    };
  };
  const nItems = select(items, identity).length;
  metrics['classification.macro_f1'] = stat(
    (idx) => classificationReport({ items: select(items, idx), labels }).macroF1,
    nItems,
  );
  const nCal = select(calibrationItems, identity).length;
  if (nCal > 0)
    metrics['calibration.ece'] = stat(
      (idx) => calibration({ items: select(calibrationItems, idx) }).ece,
      nCal,
    );
  const nScored = select(scoredItems, identity).length;
  if (nScored > 0) {
    // Resamples as per-case draw counts over scores sorted once per label: the same draws and
    // the same values as re-sorting every resample, at one pass per label (many-label suites).
    const presorted = presortOneVsRest(scoredItems, labels);
    const weighted = (metric: (p: PresortedLabel, w: ArrayLike<number>) => number | null): MetricSummary => {
      const estimate = weightedMacro(presorted, new Float64Array(resampler.n).fill(1), metric);
      if (estimate === null) return { value: null, low: null, high: null, n: nScored, kind: 'statistic' };
      if (resampler.n < 2)
        return { value: r6(estimate), low: r6(estimate), high: r6(estimate), n: nScored, kind: 'statistic' };
      const reps = resampler.countReplicates((counts) => weightedMacro(presorted, counts, metric) ?? NaN);
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
    metrics['classification.roc_auc'] = weighted(weightedRocAuc);
    metrics['classification.pr_auc'] = weighted(weightedAveragePrecision);
  }

  const confusion: ClassificationSummary['confusion'] = {};
  full.confusion.rows.forEach((gold, i) => {
    confusion[gold] = {};
    full.confusion.columns.forEach((predicted, j) => {
      confusion[gold][predicted] = full.confusion.matrix[i][j];
    });
  });
  const perClass: ClassificationSummary['perClass'] = {};
  for (const c of full.perClass)
    perClass[c.label] = { precision: c.precision, recall: c.recall, f1: c.f1, support: c.support };
  const summary: ClassificationSummary = { labels, confusion, perClass };
  if (nCal > 0) {
    const cal = calibration({ items: select(calibrationItems, identity) });
    summary.reliability = cal.bins.map((b) => ({
      low: b.lower,
      high: b.upper,
      count: b.count,
      accuracy: b.accuracy,
      confidence: b.confidence,
    }));
    const review = reviewThreshold({
      items: select(calibrationItems, identity),
      targetPrecision: REVIEW_TARGET_PRECISION,
    });
    summary.reviewThreshold = {
      targetPrecision: REVIEW_TARGET_PRECISION,
      threshold: review?.threshold ?? null,
      reviewShare: review?.reviewShare ?? null,
    };
  }
  return { metrics, summary };
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
