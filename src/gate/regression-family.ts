// Which regressions the gate acts on. Every gated comparison (a metric with a `max_drop`, per
// suite × provider) asks one one-sided question, "did it get worse?". Together they form one
// family whose chance of any false alarm must stay at α, so the level each test uses is
// corrected for multiplicity, with Tarone's (1990) refinement for discrete tests: a comparison
// whose test could never reach significance (an unchanged metric has a smallest attainable p of
// 1; a handful of changed cases cannot reach a small p either) cannot cause a false alarm, so it
// does not dilute the level of the others. The gate fails a comparison when its drop is beyond
// the allowed margin AND its one-sided p is at or below that level; the margin only ever makes
// the rule stricter, so the family-wise false-alarm rate stays at most α.
import { normalQuantile } from '../stats/normal-quantile.js';

/** Power the minimum detectable effect is quoted at. */
export const GATE_POWER = 0.8;

export interface TaroneLevel {
  /** Tests that count toward the correction (K of them at most). */
  eligible: boolean[];
  /** Tarone's K: the level is α / K. */
  k: number;
  level: number;
}

/**
 * Tarone's modified Bonferroni level: the smallest K ≥ 1 such that at most K tests can reach
 * α / K (their smallest attainable p is ≤ α / K); those are the family, each tested at α / K.
 * With continuous tests (every smallest attainable p near 0) this is plain Bonferroni.
 */
export function taroneLevel(minAttainableP: readonly number[], alpha: number): TaroneLevel {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  const m = minAttainableP.length;
  let k = 1;
  for (; k <= Math.max(1, m); k++) {
    const level = alpha / k;
    const reach = minAttainableP.filter((p) => p <= level).length;
    if (reach <= k) break;
  }
  const level = alpha / k;
  return { eligible: minAttainableP.map((p) => p <= level), k, level };
}

export interface GateMdeOptions {
  /** Standard error of the mean paired difference (null when unknown). */
  standardError: number | null;
  /** The one-sided level the decision uses (α / K). */
  level: number;
  /** The allowed drop: the gate never fails a smaller observed drop. */
  margin: number;
  power?: number;
  /**
   * Added to the critical drop for an exact test on counts (McNemar: 1/n, the continuity
   * correction): without it the normal approximation promises more power than the exact test has.
   */
  continuity?: number;
}

/**
 * The smallest true drop this gate catches with the quoted power: an observed drop must exceed
 * both the margin and the test's critical value z₁₋level · SE, so the true drop must sit a
 * z_power · SE above the larger of the two. Normal approximation to the paired mean difference.
 */
export function gateMinimumDetectableEffect({
  standardError,
  level,
  margin,
  power = GATE_POWER,
  continuity = 0,
}: GateMdeOptions): number | null {
  if (standardError === null || !Number.isFinite(standardError)) return null;
  const critical = normalQuantile(1 - level) * standardError + continuity;
  return Math.max(margin, critical) + normalQuantile(power) * standardError;
}

export interface RegressionInput {
  /** Gated: the metric has a margin in `gate.max_drop`. */
  margin: number | null;
  /** Observed drop (positive = worse), null when nothing was paired. */
  drop: number | null;
  /** One-sided p for "worse". */
  pValue: number | null;
  minAttainableP: number | null;
  standardError: number | null;
  /** See GateMdeOptions.continuity. */
  continuity?: number;
}

export interface RegressionVerdict {
  /** Counts toward the multiplicity correction. */
  inFamily: boolean;
  /** The one-sided level this comparison is judged at (α / K), null when not gated. */
  level: number | null;
  /** p × K, capped at 1: ≤ α exactly when p ≤ α / K. */
  adjustedP: number | null;
  regressed: boolean;
  minimumDetectableEffect: number | null;
}

/** Applies the family rule to every comparison (ungated ones get an MDE at α, one-sided). */
export function judgeRegressions(inputs: readonly RegressionInput[], alpha: number): RegressionVerdict[] {
  const gatedIdx = inputs.flatMap((c, i) => (c.margin !== null && c.pValue !== null ? [i] : []));
  const tarone = taroneLevel(
    gatedIdx.map((i) => inputs[i].minAttainableP ?? 1),
    alpha,
  );
  const verdicts: RegressionVerdict[] = inputs.map((c) => ({
    inFamily: false,
    level: null,
    adjustedP: null,
    regressed: false,
    minimumDetectableEffect: gateMinimumDetectableEffect({
      standardError: c.standardError,
      level: c.margin !== null ? tarone.level : alpha,
      margin: c.margin ?? 0,
      continuity: c.continuity,
    }),
  }));
  gatedIdx.forEach((i, j) => {
    const c = inputs[i];
    const inFamily = tarone.eligible[j];
    const p = c.pValue!;
    verdicts[i] = {
      ...verdicts[i],
      inFamily,
      level: tarone.level,
      adjustedP: inFamily ? Math.min(1, p * tarone.k) : null,
      regressed: inFamily && c.drop !== null && c.drop > c.margin! && p <= tarone.level,
    };
  });
  return verdicts;
}
