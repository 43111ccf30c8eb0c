// The smallest paired mean difference this many cases would detect with the given power:
// printed beside "no significant change" so a reader knows whether the suite could have noticed.

import { normalQuantile } from './normal-quantile.js';

export interface MinimumDetectableEffectOptions {
  /** Cases in the paired comparison. */
  n: number;
  /** Significance level (two-sided unless `oneSided`). */
  alpha?: number;
  /** A one-sided test (the gate's "did it get worse?"): z₁₋α instead of z₁₋α/₂. */
  oneSided?: boolean;
  power?: number;
  /** Standard deviation of the per-case differences, when a baseline exists. */
  sdDiff?: number;
  /** Per-case standard deviation of the candidate, used when sdDiff is unknown. */
  candidateSd?: number;
}

export interface MinimumDetectableEffect {
  mde: number;
  /** The standard deviation of differences actually used. */
  sdDiff: number;
  sdSource: 'paired-differences' | 'candidate-sd-times-sqrt2';
}

/**
 * Normal approximation (z₁₋α/₂ + z_power)·sd_diff/√n. Without a baseline, sd_diff is taken as
 * candidate sd·√2: Var(d) = σ_b² + σ_c² − 2ρσ_bσ_c equals 2σ²(1 − ρ) when both runs share a
 * variance σ², which is at most 2σ² whenever repeat scores are non-negatively correlated across
 * cases (the usual situation: hard cases stay hard). The stand-in therefore overstates the MDE
 * rather than promising sensitivity the suite lacks. Returns null when n < 1 or no usable sd is given.
 */
export function minimumDetectableEffect({
  n,
  alpha = 0.05,
  power = 0.8,
  oneSided = false,
  sdDiff,
  candidateSd,
}: MinimumDetectableEffectOptions): MinimumDetectableEffect | null {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must lie in (0, 1), got ${power}`);
  if (!(n >= 1)) return null;
  let sd: number;
  let sdSource: MinimumDetectableEffect['sdSource'];
  if (sdDiff !== undefined && Number.isFinite(sdDiff) && sdDiff >= 0) {
    sd = sdDiff;
    sdSource = 'paired-differences';
  } else if (candidateSd !== undefined && Number.isFinite(candidateSd) && candidateSd >= 0) {
    sd = candidateSd * Math.SQRT2;
    sdSource = 'candidate-sd-times-sqrt2';
  } else {
    return null;
  }
  const z = normalQuantile(1 - (oneSided ? alpha : alpha / 2)) + normalQuantile(power);
  return { mde: (z * sd) / Math.sqrt(n), sdDiff: sd, sdSource };
}
