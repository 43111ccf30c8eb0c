// The results matrix of a sweep: every variant's value with its interval for each chosen metric
// (per suite × provider), and a paired, two-sided comparison by case against the reference.
// The tests are the gate's: McNemar's exact test for pass/fail metrics, the sign-flip test for
// other per-case means, and for a latency percentile the paired swap test (the same idea for a
// statistic that is not a mean). p-values are Holm-adjusted across all variants × metrics that
// could reach significance at all; a comparison whose smallest attainable p is above α cannot
// be rejected by Holm at any step, so leaving it out keeps the family-wise error at α (Tarone)
// while not diluting the others.
import { percentilesOf } from '../aggregate/resampled-percentile.js';
import { redefinedMetrics } from '../scorers/metric-definitions.js';
import { higherIsBetter } from '../gate/metric-direction.js';
import { createRng } from '../core/rng.js';
import { perCaseTable, type PerCaseTable } from '../run/per-case-table.js';
import type { CaseResult, SuiteSummary } from '../run/types.js';
import { holmAdjust, pairedComparison } from '../stats/index.js';
import { pairedSwapTest } from '../stats/paired-swap-test.js';
import type { SweepCell, SweepRecord, SweepRow } from './sweep-record.js';

export interface VariantData {
  name: string;
  summary: readonly SuiteSummary[];
  results: readonly CaseResult[];
  /** This variant's provider id → the reference's (a variant that switched a provider's model). */
  providerAlias?: Readonly<Record<string, string>>;
  /** The run's metric definition versions (its manifest's); absent in runs that predate them. */
  metricDefinitions?: Readonly<Record<string, string>>;
}

export interface BuildSweepMatrixOptions {
  /** The reference first. */
  variants: readonly VariantData[];
  metrics: readonly string[];
  confidence: number;
  resamples: number;
  seed: number;
  /**
   * Why latency is shown but not tested, when the runs were not made side by side: variants run
   * one after another (the first in a cold process) and later ones read shared calls from the
   * cache, so a latency difference there says more about order than about settings.
   */
  latencyUntested?: string;
}

export const COST_METRIC = 'cost.per_case_usd';
/** The note on latency cells of runs made one after another (a sweep, a confirmation). */
export const SEQUENTIAL_LATENCY =
  'variants ran one after another (the first cold, later ones reading shared calls from the cache): latency is shown, not tested';
const LATENCY_PERCENTILE = /^latency\.p(\d+)_ms$/;
/** Monte Carlo tests draw enough patterns to resolve p well below the smallest Holm level. */
const RESOLUTION = 10;
const MAX_TEST_RESAMPLES = 50_000;

interface PendingTest {
  cell: SweepCell;
  row: SweepRow;
  run: (testResamples: number) => {
    n: number;
    delta: number | null;
    pValue: number | null;
    minP: number;
    test: 'mcnemar' | 'sign-flip' | 'swap';
    ci?: [number, number] | null;
  };
}

export function buildSweepMatrix(options: BuildSweepMatrixOptions): Pick<SweepRecord, 'rows' | 'family'> {
  const [reference] = options.variants;
  const alpha = 1 - options.confidence;
  const tables = options.variants.map((v) => caseTable(v));
  // A metric scored under another definition than the reference's (a sweep over
  // hallucination_threshold flags at different thresholds) measures something else: shown, never
  // compared, and its row is left out of the Pareto front.
  const redefined = options.variants.map(
    (v) =>
      new Map(redefinedMetrics(reference.metricDefinitions, v.metricDefinitions).map((m) => [m.metric, m])),
  );
  const rows: SweepRow[] = [];
  const pending: PendingTest[] = [];
  for (const s of reference.summary) {
    for (const metric of options.metrics) {
      const summaries = options.variants.map((v) => findSummary(v, s.suite, s.provider));
      if (!summaries.some((x) => x?.metrics[metric])) continue;
      const row: SweepRow = {
        suite: s.suite,
        provider: s.provider,
        metric,
        higherIsBetter: higherIsBetter(metric),
        cells: [],
        ...(redefined.some((r) => r.has(metric)) ? { definitionsDiffer: true } : {}),
      };
      options.variants.forEach((v, i) => {
        const m = summaries[i]?.metrics[metric];
        const cell: SweepCell = {
          variant: v.name,
          value: m?.value ?? null,
          low: m?.low ?? null,
          high: m?.high ?? null,
          n: m?.n ?? 0,
        };
        row.cells.push(cell);
        if (i === 0) return;
        const base = perCase(tables[0], s.suite, s.provider, metric);
        const cand = perCase(tables[i], s.suite, s.provider, metric);
        if (!base || !cand || !m || !summaries[0]?.metrics[metric]) {
          cell.comparison = untested('not measured in both runs');
          return;
        }
        const changed = redefined[i].get(metric);
        if (changed) {
          cell.comparison = untested(
            `scored under another definition than the reference (${changed.from ?? 'unversioned'} → ${changed.to ?? 'unversioned'}): not comparable`,
          );
          return;
        }
        if (options.latencyUntested && LATENCY_PERCENTILE.test(metric)) {
          cell.comparison = untested(options.latencyUntested);
          return;
        }
        const testable =
          metric === COST_METRIC ||
          LATENCY_PERCENTILE.test(metric) ||
          summaries[0].metrics[metric].kind === 'mean';
        if (!testable) {
          cell.comparison = untested('a suite-level statistic without a paired test');
          return;
        }
        const rng = createRng(options.seed).fork(`sweep:${v.name}:${s.suite}:${s.provider}:${metric}`);
        pending.push({
          cell,
          row,
          run: (testResamples) => runTest(metric, base, cand, options, rng, testResamples),
        });
      });
      rows.push(row);
    }
  }
  const testResamples = Math.min(
    MAX_TEST_RESAMPLES,
    Math.max(options.resamples, Math.ceil((RESOLUTION * Math.max(1, pending.length)) / alpha)),
  );
  const outcomes = pending.map((p) => p.run(testResamples));
  const inFamily = outcomes.map((o) => o.pValue !== null && o.minP <= alpha);
  const familyIndex = outcomes.map((_, i) => i).filter((i) => inFamily[i]);
  const adjusted = holmAdjust(familyIndex.map((i) => outcomes[i].pValue as number));
  const adjustedOf = new Map(familyIndex.map((i, j) => [i, adjusted[j]]));
  pending.forEach((p, i) => {
    const o = outcomes[i];
    const adj = adjustedOf.get(i) ?? null;
    const significant = adj !== null && adj <= alpha && o.delta !== null && o.delta !== 0;
    const improved = o.delta !== null && (p.row.higherIsBetter ? o.delta > 0 : o.delta < 0);
    p.cell.comparison = {
      n: o.n,
      delta: o.delta,
      ...(o.ci !== undefined ? { ci: o.ci } : {}),
      test: o.test,
      pValue: o.pValue,
      adjustedP: adj,
      mark: o.n === 0 ? 'untested' : significant ? (improved ? 'better' : 'worse') : 'same',
      ...(o.n === 0
        ? { note: 'no case scored in both runs' }
        : !inFamily[i]
          ? { note: o.minP >= 1 ? 'no case changed' : 'too few changed cases to reach significance' }
          : {}),
    };
  });
  return { rows, family: { size: familyIndex.length, alpha, excluded: pending.length - familyIndex.length } };
}

function runTest(
  metric: string,
  base: Map<string, number>,
  cand: Map<string, number>,
  options: BuildSweepMatrixOptions,
  rng: ReturnType<typeof createRng>,
  testResamples: number,
): ReturnType<PendingTest['run']> {
  const percentile = metric.match(LATENCY_PERCENTILE);
  if (percentile) {
    const ids = [...base.keys()].filter((id) => cand.has(id)).sort();
    if (ids.length === 0) return { n: 0, delta: null, pValue: null, minP: 1, test: 'swap' };
    const p = Number(percentile[1]);
    const result = pairedSwapTest({
      baseline: ids.map((id) => base.get(id)!),
      candidate: ids.map((id) => cand.get(id)!),
      statistic: (values) => percentilesOf(values, [p])[0],
      resamples: testResamples,
      rng,
    });
    return {
      n: ids.length,
      delta: result.observed,
      pValue: result.pValue,
      minP: result.minAttainableP,
      test: 'swap',
    };
  }
  const paired = pairedComparison({
    baseline: base,
    candidate: cand,
    resamples: options.resamples,
    confidence: options.confidence,
    rng,
    binary: isBinary(base) && isBinary(cand),
    testResamples,
  });
  return {
    n: paired.n,
    delta: paired.meanDiff,
    pValue: paired.pValue,
    minP: paired.minAttainableP ?? 1,
    test: paired.test,
    ci: paired.ci,
  };
}

function untested(note: string): NonNullable<SweepCell['comparison']> {
  return { n: 0, delta: null, test: 'none', pValue: null, adjustedP: null, mark: 'untested', note };
}

function findSummary(v: VariantData, suite: string, provider: string): SuiteSummary | undefined {
  return v.summary.find(
    (s) => s.suite === suite && (v.providerAlias?.[s.provider] ?? s.provider) === provider,
  );
}

/** Per-case values by suite → provider (reference ids) → metric, plus cost and latency per case. */
function caseTable(v: VariantData): PerCaseTable {
  const alias = (id: string): string => v.providerAlias?.[id] ?? id;
  const results = v.results.map((r) =>
    v.providerAlias?.[r.provider] ? { ...r, provider: alias(r.provider) } : r,
  );
  const table = perCaseTable(results);
  const extra = perCaseTable(
    results.map((r) => ({
      ...r,
      scores: {
        [COST_METRIC]: r.costUsd ?? (r.error ? 0 : null),
        'latency.ms': r.latencyMs,
      },
    })),
  );
  for (const [suite, byProvider] of Object.entries(extra))
    for (const [provider, byMetric] of Object.entries(byProvider)) {
      const target = ((table[suite] ??= {})[provider] ??= {});
      if (byMetric['latency.ms']) target['latency.ms'] = byMetric['latency.ms'];
      // Cost per case exists only where every answered call was priced (as in the summary).
      const priced = results.every(
        (r) => r.suite !== suite || r.provider !== provider || r.error || r.costUsd !== null,
      );
      if (priced && byMetric[COST_METRIC]) target[COST_METRIC] = byMetric[COST_METRIC];
    }
  return table;
}

function perCase(
  table: PerCaseTable,
  suite: string,
  provider: string,
  metric: string,
): Map<string, number> | null {
  const key = LATENCY_PERCENTILE.test(metric) ? 'latency.ms' : metric;
  const values = table[suite]?.[provider]?.[key];
  return values ? new Map(Object.entries(values)) : null;
}

function isBinary(values: ReadonlyMap<string, number>): boolean {
  for (const v of values.values()) if (v !== 0 && v !== 1) return false;
  return true;
}
