// Cases needed per gated comparison for a target minimum detectable effect, from the spread of
// the baseline's per-case scores. The gate's test is paired, so what matters is the spread of
// per-case differences between two runs. A baseline is one run: without a second run to pair
// it with, the spread is taken as sd·√2, the spread of two independent runs with the same
// per-case variance, which is an upper bound whenever hard cases stay hard between runs (see
// stats/minimum-detectable-effect.ts). A run paired with the baseline (`--against`) gives the
// measured spread instead, from the comparison the gate already computed.
import type { GateConfig } from '../config/schema.js';
import type { Baseline, MetricComparison } from '../run/types.js';
import { standardDeviation } from '../stats/index.js';
import { gateMinimumDetectableEffect } from '../gate/regression-family.js';
import { casesForMde } from './cases-for-mde.js';

export type SpreadSource = 'paired-run' | 'baseline-sd-times-sqrt2';

export interface SampleSizeRow {
  suite: string;
  provider: string;
  metric: string;
  binary: boolean;
  /** Cases the baseline holds for this comparison (what a full run pairs today). */
  cases: number;
  sdDiff: number;
  source: SpreadSource;
  /** The gate's MDE with today's cases. */
  mdeNow: number | null;
  target: number;
  margin: number;
  /** Cases needed for the target, or why no number of cases reaches it. */
  needed: number | null;
  why?: 'margin' | 'no-spread' | 'too-many';
}

export interface SampleSizePlan {
  /** Gated comparisons in the family (Bonferroni K; Tarone's K can only be smaller). */
  family: number;
  /** The one-sided level each gated test is planned at: α / family. */
  level: number;
  rows: SampleSizeRow[];
}

export interface SampleSizeOptions {
  baseline: Baseline;
  gate: GateConfig;
  /** Suite × provider pairs the run would cover. */
  groups: readonly { suite: string; provider: string }[];
  target: number;
  /** Comparisons of a run paired with the baseline: their measured spread replaces sd·√2. */
  paired?: readonly MetricComparison[];
}

export function planSampleSize(options: SampleSizeOptions): SampleSizePlan {
  const { baseline, gate } = options;
  const candidates: Omit<SampleSizeRow, 'mdeNow' | 'needed' | 'why'>[] = [];
  for (const { suite, provider } of options.groups) {
    const byCase = baseline.cases[suite]?.[provider];
    if (!byCase) continue;
    for (const metric of Object.keys(gate.max_drop).sort()) {
      const values: number[] = [];
      for (const scores of Object.values(byCase)) {
        const v = scores[metric];
        if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
      }
      if (values.length === 0) continue;
      const pairedRow = options.paired?.find(
        (c) => c.suite === suite && c.provider === provider && c.metric === metric,
      );
      const measured =
        pairedRow && pairedRow.standardError !== null && pairedRow.n > 1
          ? pairedRow.standardError * Math.sqrt(pairedRow.n)
          : null;
      candidates.push({
        suite,
        provider,
        metric,
        binary: values.every((v) => v === 0 || v === 1),
        cases: values.length,
        sdDiff: measured ?? (values.length > 1 ? standardDeviation(values) * Math.SQRT2 : 0),
        source: measured !== null ? 'paired-run' : 'baseline-sd-times-sqrt2',
        target: options.target,
        margin: gate.max_drop[metric],
      });
    }
  }
  const family = Math.max(1, candidates.length);
  const level = (1 - gate.confidence) / family;
  const rows = candidates.map((c): SampleSizeRow => {
    const mdeNow =
      c.sdDiff > 0
        ? gateMinimumDetectableEffect({
            standardError: c.sdDiff / Math.sqrt(c.cases),
            level,
            margin: c.margin,
            continuity: c.binary ? 1 / c.cases : 0,
          })
        : null;
    const needed = casesForMde({
      sdDiff: c.sdDiff,
      target: c.target,
      margin: c.margin,
      level,
      binary: c.binary,
    });
    return needed.cases === null
      ? { ...c, mdeNow, needed: null, why: needed.why }
      : { ...c, mdeNow, needed: needed.cases };
  });
  return { family: candidates.length, level, rows };
}
