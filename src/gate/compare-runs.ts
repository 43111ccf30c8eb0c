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
  confidence: number;
  resamples: number;
  seed: number;
}

export function compareRuns(options: CompareRunsOptions): MetricComparison[] {
  const comparisons: MetricComparison[] = [];
  const alpha = 1 - options.confidence;
  for (const suite of Object.keys(options.candidate).sort()) {
    for (const provider of Object.keys(options.candidate[suite]).sort()) {
      const candidateMetrics = options.candidate[suite][provider];
      const baselineMetrics = options.baseline[suite]?.[provider];
      if (!baselineMetrics) continue;
      for (const metric of Object.keys(candidateMetrics).sort()) {
        const base = baselineMetrics[metric];
        if (!base) continue;
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
    Object.assign(comparisons[i], {
      inFamily: v.inFamily,
      level: v.level,
      adjustedP: v.adjustedP,
      regressed: v.regressed,
      minimumDetectableEffect: v.minimumDetectableEffect,
    });
  });
  return comparisons;
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
