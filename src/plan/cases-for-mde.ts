// How many paired cases the gate needs to catch a true drop of a given size with its quoted
// power: the inverse of the gate's own minimum detectable effect (gate/regression-family.ts),
// found by search rather than by a second formula, so the two can never disagree.
import { gateMinimumDetectableEffect, GATE_POWER } from '../gate/regression-family.js';

export interface CasesForMdeOptions {
  /** Standard deviation of the per-case paired differences. */
  sdDiff: number;
  /** The drop to catch (same units as the metric). */
  target: number;
  /** The gate's allowed drop for the metric: it never fails a smaller observed drop. */
  margin: number;
  /** One-sided level of each gated test (α / K). */
  level: number;
  /** Pass/fail metrics are tested with McNemar's exact test: add its 1/n continuity term. */
  binary: boolean;
  power?: number;
}

export type CasesForMde =
  | { cases: number; mde: number }
  | { cases: null; why: 'margin' | 'no-spread' | 'too-many' };

/** Past a billion cases the answer is "not with this metric", not a number to plan with. */
const MAX_CASES = 1_000_000_000;

export function casesForMde(options: CasesForMdeOptions): CasesForMde {
  const { sdDiff, target, margin } = options;
  if (!(target > 0)) throw new RangeError(`the target effect must be positive, got ${target}`);
  // The gate needs the observed drop beyond the margin, so a true drop at or below it is caught
  // at most half the time however many cases there are.
  if (target <= margin) return { cases: null, why: 'margin' };
  if (!(sdDiff > 0)) return { cases: null, why: 'no-spread' };
  const mdeAt = (n: number): number =>
    gateMinimumDetectableEffect({
      standardError: sdDiff / Math.sqrt(n),
      level: options.level,
      margin,
      power: options.power ?? GATE_POWER,
      continuity: options.binary ? 1 / n : 0,
    })!;
  // The MDE falls as n grows: double until it is met, then bisect to the smallest such n.
  let high = 1;
  while (mdeAt(high) > target) {
    if (high >= MAX_CASES) return { cases: null, why: 'too-many' };
    high *= 2;
  }
  let low = Math.floor(high / 2);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (mdeAt(mid) <= target) high = mid;
    else low = mid;
  }
  return { cases: high, mde: mdeAt(high) };
}
