// Turns the results of one suite × provider into its summary: every per-case metric as a mean
// with a seeded bootstrap interval (repeats averaged per case first), plus suite-level
// statistics (latency percentiles, macro-F1, ECE, AUC) bootstrapped over cases.
import { createRng } from '../core/rng.js';
import type { TaskKind } from '../core/task.js';
import {
  createResampler,
  flakiness,
  percentileInterval,
  wilsonInterval,
  type BootstrapInterval,
  type Resampler,
} from '../stats/index.js';
import type { CaseResult, MetricSummary, SuiteSummary } from '../run/types.js';
import { percentilesOf, resampledPercentiles } from './resampled-percentile.js';
import { summarizeClassification } from './summarize-classification.js';

export interface SummarizeOptions {
  suite: string;
  task: TaskKind;
  provider: string;
  model: string;
  promptVersion: string | null;
  labels?: string[];
  results: readonly CaseResult[];
  resamples: number;
  confidence: number;
  seed: number;
}

export function summarizeSuite(options: SummarizeOptions): SuiteSummary {
  const { results } = options;
  const caseIds = [...new Set(results.map((r) => r.caseId))].sort();
  const indexOf = new Map(caseIds.map((id, i) => [id, i]));
  const n = caseIds.length;
  const repeats = Math.max(1, ...results.map((r) => r.repeat + 1));
  const resampler = createResampler({
    n,
    resamples: options.resamples,
    rng: createRng(options.seed).fork(`summary:${options.suite}:${options.provider}`),
  });

  const metrics: Record<string, MetricSummary> = {};
  const perCase = perCaseValues(results, indexOf, n);
  if (options.task !== 'retrieval')
    perCase.set(
      'errors.rate',
      valuesBy(results, indexOf, n, (r) => (r.error ? 1 : 0)),
    );
  // Cost per case is one number everywhere: total spend / case runs. A failed call with no
  // price spent nothing, so it counts as 0 here as it does in the total.
  const costValues = valuesBy(results, indexOf, n, (r) => r.costUsd ?? (r.error ? 0 : null));
  const costKnown = results.every((r) => r.error || r.costUsd !== null);
  if (costKnown && countFinite(costValues) > 0) perCase.set('cost.per_case_usd', costValues);
  // Every per-case mean shares one pass over the bootstrap draws.
  const names = [...perCase.keys()].sort((a, b) => a.localeCompare(b));
  const intervals = resampler.meanCis(
    names.map((name) => perCase.get(name)!),
    options.confidence,
  );
  names.forEach((name, i) => {
    metrics[name] = meanSummary(
      perCase.get(name)!,
      intervals[i],
      options.confidence,
      repeats === 1 && name !== 'cost.per_case_usd',
    );
  });

  Object.assign(metrics, latencySummaries(results, indexOf, resampler, options.confidence));
  // Streaming http providers also record the time to the first token.
  if (results.some((r) => r.firstTokenMs !== undefined))
    Object.assign(
      metrics,
      latencySummaries(results, indexOf, resampler, options.confidence, {
        pick: (r) => r.firstTokenMs,
        prefix: 'latency.ttft_',
      }),
    );

  const summary: SuiteSummary = {
    suite: options.suite,
    task: options.task,
    provider: options.provider,
    model: options.model,
    promptVersion: options.promptVersion,
    cases: n,
    results: results.length,
    errors: results.filter((r) => r.error).length,
    metrics,
    cost: costSummary(results, costKnown),
  };

  const attribution: SuiteSummary['attribution'] = {};
  for (const r of results)
    if (r.attribution) attribution[r.attribution] = (attribution[r.attribution] ?? 0) + 1;
  if (Object.keys(attribution).length) summary.attribution = attribution;

  if (options.task === 'classify' && options.labels) {
    const classification = summarizeClassification({
      results,
      labels: options.labels,
      resampler,
      confidence: options.confidence,
      caseIndex: indexOf,
    });
    Object.assign(metrics, classification.metrics);
    summary.classification = classification.summary;
  }
  const histogram = confidenceHistogram(results);
  if (histogram) summary.confidenceHistogram = histogram;

  if (repeats > 1 && results.some((r) => typeof r.scores['judge.rubric'] === 'number')) {
    metrics['judge.disagreement'] = judgeDisagreement(results, resampler, options.confidence, indexOf, n);
  }
  if (repeats > 1) {
    const flaky = flakiness(
      results
        .filter((r) => r.attribution !== null)
        .map((r) => ({ caseId: r.caseId, pass: r.attribution === 'pass' })),
    );
    summary.flaky = { caseIds: flaky.flaky.map((c) => c.caseId), share: flaky.share ?? 0 };
  }
  return summary;
}

/** Share of cases whose rubric grade differs between repeats: how consistent the judge is. */
function judgeDisagreement(
  results: readonly CaseResult[],
  resampler: Resampler,
  confidence: number,
  indexOf: Map<string, number>,
  n: number,
): MetricSummary {
  const seen: (number | undefined)[] = new Array(n);
  const values = new Float64Array(n).fill(NaN);
  for (const r of results) {
    const v = r.scores['judge.rubric'];
    if (typeof v !== 'number') continue;
    const i = indexOf.get(r.caseId)!;
    if (seen[i] === undefined) {
      seen[i] = v;
      values[i] = 0;
    } else if (seen[i] !== v) values[i] = 1;
  }
  return meanSummary(values, resampler.meanCi(values, confidence), confidence, false);
}

function perCaseValues(
  results: readonly CaseResult[],
  indexOf: Map<string, number>,
  n: number,
): Map<string, Float64Array> {
  const sums = new Map<string, { sum: Float64Array; count: Uint16Array }>();
  for (const r of results) {
    const i = indexOf.get(r.caseId)!;
    for (const [name, value] of Object.entries(r.scores)) {
      // A metric null on every case still gets a row (n = 0): "not measured" must be visible.
      let acc = sums.get(name);
      if (!acc) sums.set(name, (acc = { sum: new Float64Array(n), count: new Uint16Array(n) }));
      if (value === null || !Number.isFinite(value)) continue;
      acc.sum[i] += value;
      acc.count[i] += 1;
    }
  }
  const out = new Map<string, Float64Array>();
  for (const [name, { sum, count }] of sums) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = count[i] ? sum[i] / count[i] : NaN;
    out.set(name, values);
  }
  return out;
}

/** Per-case mean of `get` over repeats; NaN where it is null for every repeat. */
function valuesBy(
  results: readonly CaseResult[],
  indexOf: Map<string, number>,
  n: number,
  get: (r: CaseResult) => number | null,
): Float64Array {
  const sum = new Float64Array(n);
  const count = new Uint16Array(n);
  for (const r of results) {
    const v = get(r);
    if (v === null || !Number.isFinite(v)) continue;
    const i = indexOf.get(r.caseId)!;
    sum[i] += v;
    count[i]++;
  }
  for (let i = 0; i < n; i++) sum[i] = count[i] ? sum[i] / count[i] : NaN;
  return sum;
}

function meanSummary(
  values: Float64Array,
  ci: BootstrapInterval | null,
  confidence: number,
  allowWilson: boolean,
): MetricSummary {
  if (!ci) return { value: null, low: null, high: null, n: 0, kind: 'mean' };
  const summary: MetricSummary = {
    value: round(ci.estimate),
    low: round(ci.low),
    high: round(ci.high),
    n: ci.n,
    kind: 'mean',
  };
  if (allowWilson && isBinary(values)) {
    let successes = 0;
    for (const v of values) if (v === 1) successes++;
    const w = wilsonInterval({ successes, n: ci.n, confidence });
    if (w) summary.wilson = [round(w.low), round(w.high)];
  }
  return summary;
}

const LATENCY_PERCENTILES = [50, 95, 99] as const;

/**
 * p50/p95/p99 over individual calls (every repeat counts: a tail is a property of calls), with
 * bootstrap intervals that resample whole cases; all three from one pass per resample.
 */
function latencySummaries(
  results: readonly CaseResult[],
  indexOf: Map<string, number>,
  resampler: Resampler,
  confidence: number,
  measure: { pick: (r: CaseResult) => number | null | undefined; prefix: string } = {
    pick: (r) => r.latencyMs,
    prefix: 'latency.',
  },
): Record<string, MetricSummary> {
  const calls = results.filter((r) => {
    const v = measure.pick(r);
    return typeof v === 'number' && Number.isFinite(v);
  });
  const latency = Float64Array.from(calls, (r) => measure.pick(r)!);
  const caseOf = Uint32Array.from(calls, (r) => indexOf.get(r.caseId)!);
  const n = calls.length;
  const out: Record<string, MetricSummary> = {};
  const names = LATENCY_PERCENTILES.map((p) => `${measure.prefix}p${p}_ms`);
  if (n === 0) {
    for (const name of names) out[name] = { value: null, low: null, high: null, n: 0, kind: 'statistic' };
    return out;
  }
  const estimates = percentilesOf(latency, LATENCY_PERCENTILES);
  const replicates =
    resampler.n > 1
      ? resampledPercentiles(latency, LATENCY_PERCENTILES, (stat) => resampler.countReplicates(stat), {
          of: caseOf,
          count: resampler.n,
        })
      : null;
  names.forEach((name, j) => {
    const interval = replicates
      ? percentileInterval(replicates[j], confidence)
      : { low: estimates[j], high: estimates[j] };
    out[name] = {
      value: round(estimates[j]),
      low: round(interval.low),
      high: round(interval.high),
      n,
      kind: 'statistic',
    };
  });
  return out;
}

function countFinite(values: Float64Array): number {
  let c = 0;
  for (const v of values) if (Number.isFinite(v)) c++;
  return c;
}

function isBinary(values: Float64Array): boolean {
  for (const v of values) if (Number.isFinite(v) && v !== 0 && v !== 1) return false;
  return true;
}

function costSummary(results: readonly CaseResult[], known: boolean): SuiteSummary['cost'] {
  let total = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let estimatedCases = 0;
  for (const r of results) {
    total += r.costUsd ?? 0;
    // Tokens of every call the cost covers: the answer, the rerank of its query, the judge.
    const parts = [r.usage, r.rerank, r.judge].filter((p) => p !== undefined);
    for (const part of parts) {
      inputTokens += part.inputTokens;
      outputTokens += part.outputTokens;
    }
    if (parts.some((p) => p.estimated)) estimatedCases++;
  }
  return {
    totalUsd: known ? round(total, 6) : null,
    perCaseUsd: known && results.length ? round(total / results.length, 8) : null,
    inputTokens,
    outputTokens,
    estimatedCases,
  };
}

function confidenceHistogram(results: readonly CaseResult[]): SuiteSummary['confidenceHistogram'] {
  const scored = results.filter(
    (r) => typeof r.confidence === 'number' && r.attribution !== null && r.attribution !== 'provider-error',
  );
  if (scored.length === 0) return undefined;
  const bins = Array.from({ length: 10 }, (_, i) => ({
    low: i / 10,
    high: (i + 1) / 10,
    count: 0,
    correct: 0,
  }));
  for (const r of scored) {
    const b = Math.min(9, Math.floor(r.confidence! * 10));
    bins[b].count++;
    if (r.attribution === 'pass') bins[b].correct++;
  }
  return bins;
}

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
