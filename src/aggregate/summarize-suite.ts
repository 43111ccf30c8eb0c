// Turns the results of one suite × provider into its summary: every per-case metric as a mean
// with a seeded bootstrap interval (repeats averaged per case first), plus suite-level
// statistics (latency percentiles, macro-F1, ECE, AUC) bootstrapped over cases. Reads the
// group's rows from the column store (typed arrays), never from result objects.
import {
  columnsFromResults,
  FLAG_ERROR,
  FLAG_ESTIMATED,
  FLAG_FIRST_TOKEN,
  ATTRIBUTIONS,
  NO_ATTRIBUTION,
  type ResultColumns,
} from '../columns/result-columns.js';
import { createRng } from '../core/rng.js';
import type { TaskKind } from '../core/task.js';
import {
  createResampler,
  flakiness,
  percentileInterval,
  wilsonInterval,
  type BootstrapInterval,
  type DrawCounts,
  type Resampler,
} from '../stats/index.js';
import type { CaseResult, MetricSummary, SuiteSummary } from '../run/types.js';
import { percentilesOf, resampledPercentilesVisitor } from './resampled-percentile.js';
import { summarizeClassification } from './summarize-classification.js';
import { valuesBy, valuesByRow } from './per-case-means.js';
import { type SuiteRows, suiteRows } from './suite-rows.js';

export interface SummarizeOptions {
  suite: string;
  task: TaskKind;
  provider: string;
  model: string;
  promptVersion: string | null;
  labels?: string[];
  /** The group's rows: results (tests, small callers) or a row range of the column store. */
  results?: readonly CaseResult[];
  columns?: ResultColumns;
  /** Row range of the group in `columns` (default: all rows). */
  start?: number;
  end?: number;
  resamples: number;
  confidence: number;
  seed: number;
}

const PASS = ATTRIBUTIONS.indexOf('pass');
const PROVIDER_ERROR = ATTRIBUTIONS.indexOf('provider-error');

export function summarizeSuite(options: SummarizeOptions): SuiteSummary {
  // Results keep their given order (sums over repeats and costs add up in that order).
  const columns = options.columns ?? columnsFromResults(options.results ?? [], { sort: false });
  const rows = suiteRows(columns, options.start ?? 0, options.end ?? columns.n);
  // The group's scores are lent as metric columns for this summary only (no per-metric copies).
  const giveBack = rows.lendMetricColumns();
  try {
    return summarizeRows(options, columns, rows);
  } finally {
    giveBack();
  }
}

function summarizeRows(options: SummarizeOptions, columns: ResultColumns, rows: SuiteRows): SuiteSummary {
  const { n } = rows;
  const { flags } = columns;
  let repeats = 1;
  for (let i = rows.start; i < rows.end; i++) repeats = Math.max(repeats, columns.repeat[i] + 1);
  const resampler = createResampler({
    n,
    resamples: options.resamples,
    rng: createRng(options.seed).fork(`summary:${options.suite}:${options.provider}`),
  });

  const metrics: Record<string, MetricSummary> = {};
  const perCase = perCaseValues(rows);
  if (options.task !== 'retrieval')
    perCase.set(
      'errors.rate',
      valuesBy(rows, (i) => (flags[i] & FLAG_ERROR ? 1 : 0)),
    );
  // Cost per case is one number everywhere: total spend / case runs. A failed call with no
  // price spent nothing, so it counts as 0 here as it does in the total.
  const cost = columns.costUsd;
  const costValues = valuesBy(rows, (i) =>
    Number.isNaN(cost[i]) ? (flags[i] & FLAG_ERROR ? 0 : Number.NaN) : cost[i],
  );
  let costKnown = true;
  for (let i = rows.start; i < rows.end; i++)
    if (!(flags[i] & FLAG_ERROR) && Number.isNaN(cost[i])) costKnown = false;
  if (costKnown && countFinite(costValues) > 0) perCase.set('cost.per_case_usd', costValues);
  // Every per-case mean, the latency percentiles and the classification statistics share one
  // walk over the bootstrap draws: at 20,000 cases the draws are not kept, so each further walk
  // would draw all 2,000 resamples again.
  const names = [...perCase.keys()].sort((a, b) => a.localeCompare(b));
  const means = resampler.meanCisVisitor(
    names.map((name) => perCase.get(name)!),
    options.confidence,
  );
  const latency = latencySummaries(rows, columns.latencyMs, resampler, options.confidence, 'latency.');
  // Streaming http providers also record the time to the first token.
  let ttft = false;
  for (let i = rows.start; i < rows.end; i++) if (flags[i] & FLAG_FIRST_TOKEN) ttft = true;
  const firstToken = ttft
    ? latencySummaries(rows, columns.firstTokenMs, resampler, options.confidence, 'latency.ttft_')
    : null;
  const visitors = [means.walks ? means.visit : null, latency.visit, firstToken?.visit ?? null].filter(
    (v) => v !== null,
  );
  const visitAll =
    visitors.length === 0
      ? null
      : (r: number, counts: DrawCounts): void => {
          for (const visit of visitors) visit(r, counts);
        };
  const classification =
    options.task === 'classify' && options.labels
      ? summarizeClassification({
          rows,
          labels: options.labels,
          resampler,
          confidence: options.confidence,
          alsoVisit: visitAll ?? undefined,
        })
      : null;
  if (!classification && visitAll) resampler.forEachCounts(visitAll);

  const intervals = means.result();
  names.forEach((name, i) => {
    metrics[name] = meanSummary(
      perCase.get(name)!,
      intervals[i],
      options.confidence,
      repeats === 1 && name !== 'cost.per_case_usd',
    );
  });
  Object.assign(metrics, latency.result());
  if (firstToken) Object.assign(metrics, firstToken.result());

  let errors = 0;
  for (let i = rows.start; i < rows.end; i++) if (flags[i] & FLAG_ERROR) errors++;
  const summary: SuiteSummary = {
    suite: options.suite,
    task: options.task,
    provider: options.provider,
    model: options.model,
    promptVersion: options.promptVersion,
    cases: n,
    results: rows.end - rows.start,
    errors,
    metrics,
    cost: costSummary(rows, costKnown),
  };

  // Keys in first-seen order, as the record has always listed them.
  const attribution: SuiteSummary['attribution'] = {};
  for (let i = rows.start; i < rows.end; i++) {
    const a = columns.attribution[i];
    if (a === NO_ATTRIBUTION) continue;
    const name = ATTRIBUTIONS[a];
    attribution[name] = (attribution[name] ?? 0) + 1;
  }
  if (Object.keys(attribution).length) summary.attribution = attribution;

  if (classification) {
    Object.assign(metrics, classification.metrics);
    summary.classification = classification.summary;
  }
  const histogram = confidenceHistogram(rows);
  if (histogram) summary.confidenceHistogram = histogram;

  const rubric = rows.metric('judge.rubric');
  if (repeats > 1 && rubric?.some((v) => !Number.isNaN(v))) {
    metrics['judge.disagreement'] = judgeDisagreement(rows, rubric!, resampler, options.confidence);
  }
  if (repeats > 1) {
    const outcomes: { caseId: string; pass: boolean }[] = [];
    for (let i = rows.start; i < rows.end; i++)
      if (columns.attribution[i] !== NO_ATTRIBUTION)
        outcomes.push({
          caseId: columns.strings.value(columns.caseId[i]),
          pass: columns.attribution[i] === PASS,
        });
    const flaky = flakiness(outcomes);
    summary.flaky = { caseIds: flaky.flaky.map((c) => c.caseId), share: flaky.share ?? 0 };
  }
  return summary;
}

/** Share of cases whose rubric grade differs between repeats: how consistent the judge is. */
function judgeDisagreement(
  rows: SuiteRows,
  rubric: Float64Array,
  resampler: Resampler,
  confidence: number,
): MetricSummary {
  const seen = new Float64Array(rows.n).fill(Number.NaN);
  const values = new Float64Array(rows.n).fill(Number.NaN);
  for (let i = rows.start; i < rows.end; i++) {
    const v = rubric[i - rows.start];
    if (Number.isNaN(v)) continue;
    const c = rows.caseOf[i - rows.start];
    if (Number.isNaN(seen[c])) {
      seen[c] = v;
      values[c] = 0;
    } else if (seen[c] !== v) values[c] = 1;
  }
  return meanSummary(values, resampler.meanCi(values, confidence), confidence, false);
}

function perCaseValues(rows: SuiteRows): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  // A metric null on every case still gets a row (n = 0): "not measured" must be visible.
  for (const name of rows.metricNames()) out.set(name, valuesByRow(rows, rows.metric(name)!));
  return out;
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
    for (let i = 0; i < values.length; i++) if (values[i] === 1) successes++;
    const w = wilsonInterval({ successes, n: ci.n, confidence });
    if (w) summary.wilson = [round(w.low), round(w.high)];
  }
  return summary;
}

const LATENCY_PERCENTILES = [50, 95, 99] as const;

/**
 * p50/p95/p99 over individual calls (every repeat counts: a tail is a property of calls), with
 * bootstrap intervals that resample whole cases; all three from one pass per resample. `visit`
 * (null when nothing is resampled) takes every resample's draws in order before result().
 */
function latencySummaries(
  rows: SuiteRows,
  column: Float64Array,
  resampler: Resampler,
  confidence: number,
  prefix: string,
): { visit: ((r: number, counts: DrawCounts) => void) | null; result: () => Record<string, MetricSummary> } {
  let n = 0;
  for (let i = rows.start; i < rows.end; i++) if (Number.isFinite(column[i])) n++;
  // Every row timed (the usual case): the group's slice of the column and its case indices are
  // read as they are (only read below), instead of copies (1.2 MB at 100,000 rows).
  const every = n === rows.end - rows.start;
  const latency = every ? column.subarray(rows.start, rows.end) : new Float64Array(n);
  const caseOf = every ? rows.caseOf : new Uint32Array(n);
  for (let i = rows.start, k = 0; !every && i < rows.end; i++) {
    if (!Number.isFinite(column[i])) continue;
    latency[k] = column[i];
    caseOf[k++] = rows.caseOf[i - rows.start];
  }
  const out: Record<string, MetricSummary> = {};
  const names = LATENCY_PERCENTILES.map((p) => `${prefix}p${p}_ms`);
  if (n === 0) {
    for (const name of names) out[name] = { value: null, low: null, high: null, n: 0, kind: 'statistic' };
    return { visit: null, result: () => out };
  }
  const estimates = percentilesOf(latency, LATENCY_PERCENTILES);
  const walk =
    resampler.n > 1
      ? resampledPercentilesVisitor(latency, LATENCY_PERCENTILES, resampler.resamples, {
          of: caseOf,
          count: resampler.n,
        })
      : null;
  const finish = (replicates: Float64Array[] | null): Record<string, MetricSummary> => {
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
  };
  return { visit: walk?.visit ?? null, result: () => finish(walk?.result() ?? null) };
}

function countFinite(values: Float64Array): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) c++;
  return c;
}

function isBinary(values: Float64Array): boolean {
  // Indexed loops: for…of over a typed array allocates an iterator result per element until
  // the function is optimized, megabytes a pass at 100,000 cases.
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && v !== 0 && v !== 1) return false;
  }
  return true;
}

function costSummary(rows: SuiteRows, known: boolean): SuiteSummary['cost'] {
  const { columns } = rows;
  let total = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let estimatedCases = 0;
  for (let i = rows.start; i < rows.end; i++) {
    total += Number.isNaN(columns.costUsd[i]) ? 0 : columns.costUsd[i];
    inputTokens += columns.inputTokens[i];
    outputTokens += columns.outputTokens[i];
    if (columns.flags[i] & FLAG_ESTIMATED) estimatedCases++;
  }
  const results = rows.end - rows.start;
  return {
    totalUsd: known ? round(total, 6) : null,
    perCaseUsd: known && results ? round(total / results, 8) : null,
    inputTokens,
    outputTokens,
    estimatedCases,
  };
}

function confidenceHistogram(rows: SuiteRows): SuiteSummary['confidenceHistogram'] {
  const { columns } = rows;
  const bins = Array.from({ length: 10 }, (_, i) => ({
    low: i / 10,
    high: (i + 1) / 10,
    count: 0,
    correct: 0,
  }));
  let scored = 0;
  for (let i = rows.start; i < rows.end; i++) {
    const a = columns.attribution[i];
    const confidence = columns.confidence[i];
    if (Number.isNaN(confidence) || a === NO_ATTRIBUTION || a === PROVIDER_ERROR) continue;
    scored++;
    const b = Math.min(9, Math.floor(confidence * 10));
    bins[b].count++;
    if (a === PASS) bins[b].correct++;
  }
  return scored === 0 ? undefined : bins;
}

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
