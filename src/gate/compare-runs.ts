// Paired comparison of a candidate run with the baseline, per suite × provider × metric, on
// per-case values keyed by case id. Holm's correction runs across the gated metrics (those
// with a `max_drop`), which are the hypotheses the gate actually tests.
import { createRng, type Rng } from '../core/rng.js';
import { holmAdjust, minimumDetectableEffect, pairedComparison, standardDeviation } from '../stats/index.js';
import type { PerCaseTable } from '../run/per-case-table.js';
import type { MetricComparison } from '../run/types.js';
import { higherIsBetter } from './metric-direction.js';

export interface CompareRunsOptions {
  baseline: PerCaseTable;
  candidate: PerCaseTable;
  gatedMetrics: readonly string[];
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
        const baseMap = new Map(Object.entries(base));
        const candMap = new Map(Object.entries(candidateMetrics[metric]));
        const binary = isBinary(baseMap) && isBinary(candMap);
        const paired = pairedComparison({
          baseline: baseMap,
          candidate: candMap,
          resamples: options.resamples,
          confidence: options.confidence,
          rng,
          binary,
        });
        const candidateValues = [...candMap.values()];
        // Identical runs (e.g. a cached rerun) have no spread in their differences; the MDE
        // then comes from the candidate's own spread instead of claiming 0 is detectable.
        const candidateSd = candidateValues.length > 1 ? standardDeviation(candidateValues) : undefined;
        const mde = minimumDetectableEffect({
          n: paired.n,
          alpha,
          sdDiff: paired.sdDiff !== null && paired.sdDiff > 0 ? paired.sdDiff : undefined,
          candidateSd: candidateSd !== undefined && candidateSd > 0 ? candidateSd : undefined,
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
          adjustedP: null,
          test: paired.n > 0 ? paired.test : 'none',
          n: paired.n,
          minimumDetectableEffect: mde?.mde ?? null,
          higherIsBetter: higherIsBetter(metric),
          onlyInBaseline: paired.onlyInBaseline,
          onlyInCandidate: paired.onlyInCandidate,
        });
      }
    }
  }
  const gated = comparisons.filter((c) => options.gatedMetrics.includes(c.metric) && c.pValue !== null);
  const adjusted = holmAdjust(gated.map((c) => c.pValue!));
  gated.forEach((c, i) => {
    c.adjustedP = adjusted[i];
  });
  return comparisons;
}

function isBinary(values: ReadonlyMap<string, number>): boolean {
  for (const v of values.values()) if (v !== 0 && v !== 1) return false;
  return true;
}
