// The monitor's signals for one served suite: each compares the window of inference-log lines
// with the eval's reference distribution (from the baseline) or with a fixed ceiling, and raises
// an alert only when its test — fitted to the window size — rejects AND the effect is above its
// floor. Effect sizes are shown beside each test; verdicts are pass, alert or not assessed.
import type { MonitorConfig } from '../config/monitor-schema.js';
import type { Rng } from '../core/rng.js';
import type { InferenceRecord } from '../serve/inference-record.js';
import { INVALID_LABEL, type ReferenceDistribution } from '../serve/serving-reference.js';
import { binCounts, chiSquare, jensenShannon, psi, quantileEdges, smoothedShares } from './effect-sizes.js';
import { binomialUpperTail, fisherExactTwoSided } from './exact-tests.js';
import { classificationReport } from '../scorers/classification/classification-report.js';
import { estimateAccuracy, fitPlatt } from './label-free-accuracy.js';
import { estimateMacroF1 } from './label-free-f1.js';
import { createNumericDriftTest, numericAlert } from './numeric-drift-test.js';

export type Verdict = 'pass' | 'alert' | 'not assessed';

export interface SignalRow {
  suite: string;
  signal: string;
  value: string;
  threshold: string;
  test: string;
  effects: string;
  verdict: Verdict;
}

const MIN_WINDOW = 10;
const MIN_REFERENCE = 20;

export function suiteSignals(options: {
  suite: string;
  records: readonly InferenceRecord[];
  reference: ReferenceDistribution | undefined;
  settings: MonitorConfig;
  rng: Rng;
}): SignalRow[] {
  const { suite, records, reference, settings } = options;
  const rows: SignalRow[] = [];
  const row = (r: Omit<SignalRow, 'suite'>) => rows.push({ suite, ...r });
  const ok = records.filter((r) => r.status === 'ok');
  rows.push(...errorRate(suite, records, settings));
  rows.push(latency(suite, ok, settings));
  if (!reference) {
    row({
      signal: 'drift signals',
      value: `${records.length} requests`,
      threshold: '—',
      test: 'no reference for this suite and model in the baseline',
      effects: '',
      verdict: 'not assessed',
    });
    return rows;
  }
  if (reference.labels) rows.push(...labelShares(suite, ok, reference.labels, settings));
  if (reference.correct) rows.push(labelFreeAccuracy(suite, ok, reference));
  if (reference.predicted && reference.gold && reference.labelOrder)
    rows.push(labelFreeMacroF1(suite, ok, reference, options.rng.fork(`${suite}:f1`)));
  const numeric = (signal: string, ref: readonly number[], win: number[], fork: string) =>
    rows.push(numericRow({ suite, signal, ref, win, settings, rng: options.rng.fork(`${suite}:${fork}`) }));
  numeric(
    'confidence distribution',
    reference.confidence,
    values(ok, (r) => r.confidence),
    'confidence',
  );
  numeric(
    'input length (characters)',
    reference.inputLength,
    values(records, (r) => r.input_length),
    'length',
  );
  if (reference.oovRate?.length)
    numeric(
      'input OOV rate vs corpus',
      reference.oovRate,
      values(records, (r) => r.oov_rate ?? null),
      'oov',
    );
  if (reference.centroidDistance?.length)
    numeric(
      'input embedding distance from eval centroid',
      reference.centroidDistance,
      values(records, (r) => r.centroid_distance ?? null),
      'centroid',
    );
  if (reference.retrievalTopScore.length > 0)
    numeric(
      'retrieval top score',
      reference.retrievalTopScore,
      values(ok, (r) => r.top_score),
      'retrieval',
    );
  rows.push(reviewRate(suite, records, reference, settings));
  return rows;
}

function values(records: readonly InferenceRecord[], pick: (r: InferenceRecord) => number | null): number[] {
  const out: number[] = [];
  for (const r of records) {
    const v = pick(r);
    if (v !== null && Number.isFinite(v)) out.push(v);
  }
  return out;
}

function numericRow(options: {
  suite: string;
  signal: string;
  ref: readonly number[];
  win: number[];
  settings: MonitorConfig;
  rng: Rng;
}): SignalRow {
  const { suite, signal, ref, win, settings } = options;
  if (ref.length < MIN_REFERENCE || win.length < MIN_WINDOW)
    return {
      suite,
      signal,
      value: `n = ${win.length}`,
      threshold: '—',
      test: `needs ≥ ${MIN_WINDOW} window values and ≥ ${MIN_REFERENCE} reference values (reference has ${ref.length})`,
      effects: '',
      verdict: 'not assessed',
    };
  const test = createNumericDriftTest({
    reference: ref,
    alpha: settings.alpha,
    replicates: settings.replicates,
    rng: options.rng,
  });
  const result = test.test(win);
  const { alert, effect } = numericAlert(result, test.reference.variance, settings.numeric_effect_floor);
  const edges = quantileEdges(ref);
  const p = smoothedShares(binCounts(ref, edges));
  const q = smoothedShares(binCounts(win, edges));
  const windowMean = win.reduce((a, b) => a + b, 0) / win.length;
  return {
    suite,
    signal,
    value: `mean ${fmt(windowMean)} (reference ${fmt(test.reference.mean)}), W1 = ${fmt(effect)} SD`,
    threshold: `test rejects at α = ${settings.alpha} and W1 ≥ ${settings.numeric_effect_floor} SD`,
    test: `T = ${fmt(result.statistic)} vs ${fmt(result.critical)} (bootstrap null, n = ${result.n}, m = ${ref.length}); z = ${fmt(result.z)}`,
    effects: `KS ${fmt(result.ks)} · PSI ${fmt(psi(p, q))} · JS ${fmt(jensenShannon(p, q))} (${p.length} reference-quantile bins)`,
    verdict: alert ? 'alert' : 'pass',
  };
}

function labelShares(
  suite: string,
  ok: readonly InferenceRecord[],
  refCounts: Record<string, number>,
  settings: MonitorConfig,
): SignalRow[] {
  const win: Record<string, number> = {};
  for (const r of ok) {
    const label = r.label ?? INVALID_LABEL;
    win[label] = (win[label] ?? 0) + 1;
  }
  const labels = [...new Set([...Object.keys(refCounts), ...Object.keys(win)])].sort();
  const m = labels.reduce((s, l) => s + (refCounts[l] ?? 0), 0);
  const n = ok.length;
  if (n < MIN_WINDOW || m === 0)
    return [
      {
        suite,
        signal: 'label shares',
        value: `n = ${n}`,
        threshold: '—',
        test: `needs ≥ ${MIN_WINDOW} answered requests`,
        effects: '',
        verdict: 'not assessed',
      },
    ];
  // Bonferroni across the labels, so the suite's label-share alarm keeps its false-alarm rate.
  const alpha = settings.alpha / labels.length;
  const refVector = labels.map((l) => refCounts[l] ?? 0);
  const winVector = labels.map((l) => win[l] ?? 0);
  const p = smoothedShares(refVector);
  const q = smoothedShares(winVector);
  const effects = `PSI ${fmt(psi(p, q))} · JS ${fmt(jensenShannon(p, q))} · χ² ${fmt(chiSquare(refVector, winVector))} (one bin per label)`;
  return labels.map((label, i) => {
    const a = refVector[i];
    const b = winVector[i];
    const pValue = fisherExactTwoSided(a, m, b, n);
    const shift = b / n - a / m;
    const alert = pValue <= alpha && Math.abs(shift) > settings.label_share_shift;
    return {
      suite,
      signal: `label share: ${label}`,
      value: `${pct(b / n)} (reference ${pct(a / m)}, ${shift >= 0 ? '+' : '−'}${pct(Math.abs(shift))})`,
      threshold: `shift > ${pct(settings.label_share_shift)} and Fisher p ≤ ${fmt(alpha)}`,
      test: `Fisher exact p = ${fmtP(pValue)} (n = ${n}, m = ${m})`,
      effects,
      verdict: alert ? 'alert' : 'pass',
    };
  });
}

const MIN_CALIBRATION = 150;
const ACCURACY_DROP = 0.05;

/** Accuracy estimated from confidences calibrated on the eval set (no labels needed). */
function labelFreeAccuracy(
  suite: string,
  ok: readonly InferenceRecord[],
  reference: ReferenceDistribution,
): SignalRow {
  const correct = reference.correct ?? [];
  const signal = 'estimated accuracy (no labels)';
  const conf = values(ok, (r) => r.confidence);
  if (correct.length < MIN_CALIBRATION || conf.length < MIN_WINDOW)
    return {
      suite,
      signal,
      value: `n = ${conf.length}`,
      threshold: '—',
      test: `needs ≥ ${MIN_CALIBRATION} eval cases with confidences (has ${correct.length}) and ≥ ${MIN_WINDOW} window confidences`,
      effects: '',
      verdict: 'not assessed',
    };
  const evalAccuracy = correct.reduce((a, b) => a + b, 0) / correct.length;
  const est = estimateAccuracy(fitPlatt(reference.confidence, correct), conf);
  // An alert only when even the interval's top is more than 5 points under the eval accuracy.
  const alert = est.high < evalAccuracy - ACCURACY_DROP;
  return {
    suite,
    signal,
    value: `${fmt(est.estimate)} (95 % CI ${fmt(est.low)}–${fmt(est.high)}; eval ${fmt(evalAccuracy)})`,
    threshold: `CI upper bound ≥ eval − ${ACCURACY_DROP}`,
    test: `Platt calibration on ${correct.length} eval cases; n = ${est.n}${est.n < 500 ? ' (targets hold from n = 500)' : ''}`,
    effects: `difference ${fmt(est.estimate - evalAccuracy)}`,
    verdict: alert ? 'alert' : 'pass',
  };
}

/** Macro-F1 estimated without labels; the eval's own macro-F1 (same cases) is the comparison. */
function labelFreeMacroF1(
  suite: string,
  ok: readonly InferenceRecord[],
  reference: ReferenceDistribution,
  rng: Rng,
): SignalRow {
  const labels = reference.labelOrder!;
  const evalSet = reference.confidence.flatMap((confidence, i) => {
    const p = reference.predicted![i];
    const g = reference.gold![i];
    return p >= 0 && g >= 0 ? [{ predicted: labels[p], gold: labels[g], confidence }] : [];
  });
  const window = ok.flatMap((r) =>
    r.label !== null && r.confidence !== null && labels.includes(r.label)
      ? [{ predicted: r.label, confidence: r.confidence }]
      : [],
  );
  const signal = 'estimated macro-F1 (no labels)';
  if (evalSet.length < MIN_CALIBRATION || window.length < MIN_WINDOW)
    return {
      suite,
      signal,
      value: `n = ${window.length}`,
      threshold: '—',
      test: `needs ≥ ${MIN_CALIBRATION} eval cases with confidences (has ${evalSet.length}) and ≥ ${MIN_WINDOW} window predictions`,
      effects: '',
      verdict: 'not assessed',
    };
  const evalF1 = classificationReport({ items: evalSet, labels }).macroF1 ?? 0;
  const est = estimateMacroF1({ evalSet, window, labels, rng, replicates: 300 });
  const alert = est.high < evalF1 - ACCURACY_DROP;
  return {
    suite,
    signal,
    value: `${fmt(est.estimate)} (95 % CI ${fmt(est.low)}–${fmt(est.high)}; eval ${fmt(evalF1)})`,
    threshold: `CI upper bound ≥ eval − ${ACCURACY_DROP}`,
    test: `calibration and error mix from ${evalSet.length} eval cases, seeded bootstrap; n = ${window.length}${window.length < 500 ? ' (targets hold from n = 500)' : ''}`,
    effects: `difference ${fmt(est.estimate - evalF1)}`,
    verdict: alert ? 'alert' : 'pass',
  };
}

function reviewRate(
  suite: string,
  records: readonly InferenceRecord[],
  reference: ReferenceDistribution,
  settings: MonitorConfig,
): SignalRow {
  const n = records.length;
  const b = records.filter((r) => r.needs_review).length;
  if (n < MIN_WINDOW)
    return {
      suite,
      signal: 'review rate',
      value: `n = ${n}`,
      threshold: '—',
      test: `needs ≥ ${MIN_WINDOW} requests`,
      effects: '',
      verdict: 'not assessed',
    };
  const pValue = fisherExactTwoSided(reference.needsReview, reference.n, b, n);
  const shift = b / n - reference.needsReview / reference.n;
  const alert = pValue <= settings.alpha && Math.abs(shift) > settings.review_rate_shift;
  return {
    suite,
    signal: 'review rate (needs_review)',
    value: `${pct(b / n)} (reference ${pct(reference.needsReview / reference.n)})`,
    threshold: `shift > ${pct(settings.review_rate_shift)} and Fisher p ≤ ${settings.alpha}`,
    test: `Fisher exact p = ${fmtP(pValue)} (n = ${n}, m = ${reference.n})`,
    effects: `shift ${shift >= 0 ? '+' : '−'}${pct(Math.abs(shift))}`,
    verdict: alert ? 'alert' : 'pass',
  };
}

function errorRate(suite: string, records: readonly InferenceRecord[], settings: MonitorConfig): SignalRow[] {
  const n = records.length;
  if (n === 0) return [];
  const k = records.filter((r) => r.status !== 'ok').length;
  const pValue = binomialUpperTail(k, n, settings.error_rate);
  const alert = pValue <= settings.alpha && k / n > settings.error_rate;
  return [
    {
      suite,
      signal: 'error rate (timeouts, model errors)',
      value: `${pct(k / n, 2)} (${k} of ${n})`,
      threshold: `> ${pct(settings.error_rate, 2)} with binomial p ≤ ${settings.alpha}`,
      test: `exact binomial P(X ≥ ${k} | rate ${settings.error_rate}) = ${fmtP(pValue)}`,
      effects: '',
      verdict: alert ? 'alert' : 'pass',
    },
  ];
}

function latency(suite: string, ok: readonly InferenceRecord[], settings: MonitorConfig): SignalRow {
  const lat = ok.map((r) => r.latency_ms).sort((a, b) => a - b);
  const n = lat.length;
  if (n < MIN_WINDOW)
    return {
      suite,
      signal: 'latency p50/p95/p99',
      value: `n = ${n}`,
      threshold: '—',
      test: `needs ≥ ${MIN_WINDOW} requests`,
      effects: '',
      verdict: 'not assessed',
    };
  const q = (p: number) => lat[Math.min(n - 1, Math.ceil(p * n) - 1)];
  const slow = lat.filter((v) => v > settings.latency_slo_ms).length;
  // p99 above the SLO means more than 1 % of requests slower than it: an exact binomial test.
  const pValue = binomialUpperTail(slow, n, 0.01);
  const alert = pValue <= settings.alpha && q(0.99) > settings.latency_slo_ms;
  return {
    suite,
    signal: 'latency p50/p95/p99 (ms)',
    value: `${fmt(q(0.5))} / ${fmt(q(0.95))} / ${fmt(q(0.99))}`,
    threshold: `p99 ≤ ${settings.latency_slo_ms} ms (SLO)`,
    test: `${slow} of ${n} above the SLO; exact binomial P(X ≥ ${slow} | 1 %) = ${fmtP(pValue)}`,
    effects: '',
    verdict: alert ? 'alert' : 'pass',
  };
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
}

export function fmtP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)} %`;
}
