// Wilson score interval for a pass rate: closed form, so it needs no rng, and unlike the
// normal (Wald) interval it stays inside [0, 1] and behaves at 0 % and 100 % pass rates.

import { assertConfidence } from './percentile-interval.js';
import { normalQuantile } from './normal-quantile.js';

export interface WilsonIntervalOptions {
  successes: number;
  n: number;
  confidence?: number;
}

export interface ProportionInterval {
  estimate: number;
  low: number;
  high: number;
  n: number;
}

/** Wilson (1927) score interval; null when there are no trials. */
export function wilsonInterval({
  successes,
  n,
  confidence = 0.95,
}: WilsonIntervalOptions): ProportionInterval | null {
  assertConfidence(confidence);
  if (!(n >= 0) || !(successes >= 0) || successes > n) {
    throw new RangeError(`need 0 ≤ successes ≤ n, got successes=${successes}, n=${n}`);
  }
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 % or 100 % the bound is exactly 0 or 1 in exact arithmetic; floating point leaves dust.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, low, high, n };
}
