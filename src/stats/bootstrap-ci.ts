// Seeded percentile-bootstrap intervals for one metric. For many metrics over the same cases,
// build one resampler (resampler.ts) and reuse its draws instead of calling these in a loop.

import type { Rng } from '../core/rng.js';
import { createResampler, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES } from './resampler.js';
import type { BootstrapInterval } from './resampler.js';

export interface BootstrapCiOptions {
  /** Per-case values with "does not apply" cases already removed. */
  values: ArrayLike<number>;
  /**
   * Statistic of a resampled sample; default the mean. The sample buffer is reused across
   * resamples, so the statistic may sort it in place but must not keep it.
   */
  statistic?: (sample: Float64Array) => number;
  resamples?: number;
  confidence?: number;
  rng: Rng;
}

/** Percentile bootstrap interval over per-case values; null for no cases, a point for one. */
export function bootstrapCi({
  values,
  statistic,
  resamples = DEFAULT_RESAMPLES,
  confidence = DEFAULT_CONFIDENCE,
  rng,
}: BootstrapCiOptions): BootstrapInterval | null {
  const n = values.length;
  if (n === 0) return null;
  const resampler = createResampler({ n, resamples, rng });
  if (!statistic) return resampler.meanCi(values, confidence);
  const source = Float64Array.from(values);
  const sample = new Float64Array(n);
  return resampler.statisticCi((indices) => {
    for (let i = 0; i < n; i++) sample[i] = source[indices[i]];
    return statistic(sample);
  }, confidence);
}

export interface BootstrapStatisticOptions {
  /** Number of cases (rows) resampled. */
  n: number;
  /**
   * Statistic computed from the drawn case indices, so it can read several columns of the
   * same rows (labels and predictions for macro-F1, confidences and outcomes for ECE).
   * The indices view is only valid during the call.
   */
  statistic: (indices: Uint32Array) => number;
  resamples?: number;
  confidence?: number;
  rng: Rng;
}

/** Percentile bootstrap interval for a statistic over rows; null for no rows, a point for one. */
export function bootstrapStatistic({
  n,
  statistic,
  resamples = DEFAULT_RESAMPLES,
  confidence = DEFAULT_CONFIDENCE,
  rng,
}: BootstrapStatisticOptions): BootstrapInterval | null {
  return createResampler({ n, resamples, rng }).statisticCi(statistic, confidence);
}
