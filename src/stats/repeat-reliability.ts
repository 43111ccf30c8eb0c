// How consistent a judge (or any pass/fail check) is when the same case is run K times
// (`repeat: K`), and a gate test that treats the case, not the repeat, as the unit.
//
// - Flip rate of a case: the probability that two independent repeats disagree, 2q(1 − q) for a
//   case passing with probability q. Estimated without bias by the share of disagreeing pairs
//   among its repeats, 2c(n − c)/(n(n − 1)) for c passes in n runs; the suite's flip rate is the
//   mean over cases.
// - pass@k (Chen et al. 2021): the probability that at least one of k repeats passes, estimated
//   without bias per case as 1 − C(n − c, k)/C(n, k); pass^k (Yao et al. 2024, τ-bench): the
//   probability that all k pass, C(c, k)/C(n, k). Both are averaged over cases.
// - The clustered comparison: per-case means over repeats, paired by case, so K repeats of a
//   case count as one noisy measurement of it, never as K independent cases. The standard error
//   of the mean paired difference is sd(dᵢ)/√m over the m shared cases (the analytic
//   cluster-robust SE for case-level means).
import { normalCdf } from './normal-cdf.js';
import { normalQuantile } from './normal-quantile.js';

export interface CaseTally {
  caseId: string;
  passes: number;
  runs: number;
}

/** C(n, k) as a float, by the multiplicative formula (exact for the small n of repeats). */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

export function casePassAtK(runs: number, passes: number, k: number): number {
  if (k > runs) throw new RangeError(`pass@${k} needs at least ${k} runs, got ${runs}`);
  return 1 - choose(runs - passes, k) / choose(runs, k);
}

export function casePassHatK(runs: number, passes: number, k: number): number {
  if (k > runs) throw new RangeError(`pass^${k} needs at least ${k} runs, got ${runs}`);
  return choose(passes, k) / choose(runs, k);
}

export function caseFlipRate(runs: number, passes: number): number | null {
  if (runs < 2) return null;
  return (2 * passes * (runs - passes)) / (runs * (runs - 1));
}

export interface RepeatReliability {
  cases: number;
  /** The smallest number of runs any case had: k for pass@k and pass^k. */
  k: number;
  flipRate: number;
  /** Cases that both passed and failed. */
  flakyCases: number;
  passAt1: number;
  passAtK: number;
  passHatK: number;
}

/** null when no case ran at least twice. */
export function repeatReliability(tallies: readonly CaseTally[]): RepeatReliability | null {
  const repeated = tallies.filter((t) => t.runs >= 2);
  if (repeated.length === 0) return null;
  const k = Math.min(...repeated.map((t) => t.runs));
  const mean = (f: (t: CaseTally) => number) => repeated.reduce((s, t) => s + f(t), 0) / repeated.length;
  return {
    cases: repeated.length,
    k,
    flipRate: mean((t) => caseFlipRate(t.runs, t.passes) ?? 0),
    flakyCases: repeated.filter((t) => t.passes > 0 && t.passes < t.runs).length,
    passAt1: mean((t) => t.passes / t.runs),
    passAtK: mean((t) => casePassAtK(t.runs, t.passes, k)),
    passHatK: mean((t) => casePassHatK(t.runs, t.passes, k)),
  };
}

export interface ClusteredDifference {
  /** Mean over shared cases of (candidate case mean − baseline case mean). */
  difference: number;
  standardError: number;
  low: number;
  high: number;
  /** Two-sided normal p-value for "no difference". */
  pValue: number;
  cases: number;
}

/** Paired by case id over the cases both sides have; each side given as per-case means. */
export function clusteredDifference(
  baseline: ReadonlyMap<string, number>,
  candidate: ReadonlyMap<string, number>,
  confidence = 0.95,
): ClusteredDifference | null {
  const d: number[] = [];
  for (const [caseId, b] of baseline) {
    const c = candidate.get(caseId);
    if (c !== undefined) d.push(c - b);
  }
  const m = d.length;
  if (m < 2) return null;
  const mean = d.reduce((a, b) => a + b, 0) / m;
  const variance = d.reduce((a, x) => a + (x - mean) ** 2, 0) / (m - 1);
  const se = Math.sqrt(variance / m);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const pValue = se === 0 ? (mean === 0 ? 1 : 0) : 2 * (1 - normalCdf(Math.abs(mean / se)));
  return { difference: mean, standardError: se, low: mean - z * se, high: mean + z * se, pValue, cases: m };
}

/**
 * The gate's regression rule on case-level means: fail when the candidate is worse by more than
 * `maxDrop` AND the drop is significant at `alpha` (two-sided), as the main gate does.
 */
export function clusteredRegression(
  diff: ClusteredDifference,
  options: { maxDrop: number; alpha?: number; higherIsBetter?: boolean },
): boolean {
  const drop = options.higherIsBetter === false ? diff.difference : -diff.difference;
  return drop > options.maxDrop && diff.pValue < (options.alpha ?? 0.05);
}
