// Paired comparison of a candidate run with the baseline, per suite × provider × metric, on
// per-case values keyed by case id. Each test is one-sided ("did it get worse?"); the gated
// metrics (those with a `max_drop`) form the family the gate corrects for multiplicity
// (regression-family.ts). Cases whose gold content changed since the baseline are not paired.
import { createRng, type Rng } from '../core/rng.js';
import type { PerCaseTable } from '../run/per-case-table.js';
import type { MetricComparison } from '../run/types.js';
import { pairedComparison, standardDeviation } from '../stats/index.js';
import { higherIsBetter } from './metric-direction.js';
import { judgeRegressions } from './regression-family.js';

export interface CompareRunsOptions {
  baseline: PerCaseTable;
  candidate: PerCaseTable;
  /** Metric → allowed drop (`gate.max_drop`). */
  maxDrop: Readonly<Record<string, number>>;
  /** suite → ids of cases whose gold content changed since the baseline: left out of pairing. */
  changedCases?: Readonly<Record<string, ReadonlySet<string>>>;
  /** Metrics scored under another definition than the baseline's: not compared at all. */
  redefinedMetrics?: ReadonlySet<string>;
  confidence: number;
  resamples: number;
  seed: number;
}

/** Monte Carlo p-values must resolve well below the smallest level a gated test can use. */
const RESOLUTION = 20;

export function compareRuns(options: CompareRunsOptions): MetricComparison[] {
  const comparisons: MetricComparison[] = [];
  const alpha = 1 - options.confidence;
  // A permutation test drawn R times cannot return p below 1/(R + 1): with K gated comparisons
  // the level is α/K, so gated metrics draw at least RESOLUTION·K/α sign patterns.
  const gatedCount = countGated(options);
  const testResamples = Math.max(
    options.resamples,
    Math.ceil((RESOLUTION * Math.max(1, gatedCount)) / alpha),
  );
  for (const suite of Object.keys(options.candidate).sort()) {
    for (const provider of Object.keys(options.candidate[suite]).sort()) {
      const candidateMetrics = options.candidate[suite][provider];
      const baselineMetrics = options.baseline[suite]?.[provider];
      if (!baselineMetrics) continue;
      for (const metric of Object.keys(candidateMetrics).sort()) {
        const base = baselineMetrics[metric];
        if (!base || options.redefinedMetrics?.has(metric)) continue;
        const rng: Rng = createRng(options.seed).fork(`compare:${suite}:${provider}:${metric}`);
        const changed = options.changedCases?.[suite];
        const keep = ([id]: [string, number]) => !changed?.has(baseIdOf(id));
        const baseMap = new Map(Object.entries(base).filter(keep));
        const candMap = new Map(Object.entries(candidateMetrics[metric]).filter(keep));
        const leftOut = Object.keys(candidateMetrics[metric]).length - candMap.size;
        const binary = isBinary(baseMap) && isBinary(candMap);
        const direction = higherIsBetter(metric);
        const paired = pairedComparison({
          baseline: baseMap,
          candidate: candMap,
          resamples: options.resamples,
          confidence: options.confidence,
          rng,
          binary,
          alternative: 'worse',
          higherIsBetter: direction,
          testResamples: options.maxDrop[metric] !== undefined ? testResamples : options.resamples,
        });
        comparisons.push({
          suite,
          provider,
          metric,
          baseline: paired.meanBaseline,
          candidate: paired.meanCandidate,
          delta: paired.meanDiff,
          low: paired.ci?.[0] ?? null,
          high: paired.ci?.[1] ?? null,
          pValue: paired.pValue,
          minAttainableP: paired.minAttainableP,
          adjustedP: null,
          level: null,
          inFamily: false,
          regressed: false,
          reachable: false,
          margin: options.maxDrop[metric] ?? null,
          test: paired.n > 0 ? paired.test : 'none',
          n: paired.n,
          standardError: standardError(paired.n, paired.sdDiff, [...candMap.values()]),
          minimumDetectableEffect: null,
          higherIsBetter: direction,
          onlyInBaseline: paired.onlyInBaseline,
          onlyInCandidate: paired.onlyInCandidate,
          ...(leftOut > 0 ? { changedCasesLeftOut: leftOut } : {}),
        });
      }
    }
  }
  const verdicts = judgeRegressions(
    comparisons.map((c) => ({
      margin: c.margin,
      drop: c.delta === null ? null : c.higherIsBetter ? -c.delta : c.delta,
      pValue: c.pValue,
      minAttainableP: c.minAttainableP,
      standardError: c.standardError,
      continuity: c.test === 'mcnemar' && c.n > 0 ? 1 / c.n : 0,
    })),
    alpha,
  );
  verdicts.forEach((v, i) => {
    const c = comparisons[i];
    // Could any change on these cases reach the level? Every case moving the bad way gives the
    // smallest p the test has: ½ⁿ exactly, or the Monte Carlo floor.
    const floor = c.test === 'mcnemar' ? 0.5 ** c.n : Math.max(0.5 ** c.n, 1 / (testResamples + 1));
    const reachable = c.n > 0 && floor <= (v.level ?? alpha);
    Object.assign(c, {
      inFamily: v.inFamily,
      level: v.level,
      adjustedP: v.adjustedP,
      regressed: v.regressed,
      reachable,
      minimumDetectableEffect: reachable ? v.minimumDetectableEffect : null,
    });
  });
  return comparisons;
}

function countGated(options: CompareRunsOptions): number {
  let count = 0;
  for (const [suite, byProvider] of Object.entries(options.candidate))
    for (const [provider, byMetric] of Object.entries(byProvider))
      for (const metric of Object.keys(byMetric))
        if (options.maxDrop[metric] !== undefined && options.baseline[suite]?.[provider]?.[metric]) count++;
  return count;
}

/**
 * Standard error of the mean paired difference. Identical runs (a cached rerun) have no spread
 * in their differences; the candidate's own spread × √2 then stands in, so the report does not
 * claim that a drop of 0 is detectable (see stats/minimum-detectable-effect.ts).
 */
function standardError(n: number, sdDiff: number | null, candidate: number[]): number | null {
  if (n < 1) return null;
  if (sdDiff !== null && sdDiff > 0) return sdDiff / Math.sqrt(n);
  const sd = candidate.length > 1 ? standardDeviation(candidate) : 0;
  return sd > 0 ? (sd * Math.SQRT2) / Math.sqrt(n) : null;
}

/** Counterfactual variants `<base>[attr=group]` share their base case's gold content. */
function baseIdOf(caseId: string): string {
  const bracket = caseId.indexOf('[');
  return bracket > 0 && caseId.endsWith(']') ? caseId.slice(0, bracket) : caseId;
}

function isBinary(values: ReadonlyMap<string, number>): boolean {
  for (const v of values.values()) if (v !== 0 && v !== 1) return false;
  return true;
}
