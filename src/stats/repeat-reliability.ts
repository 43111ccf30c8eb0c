// How consistent a judge (or any pass/fail check) is when the same case is run K times
// (`repeat: K`), reported per suite × provider.
//
// - Flip rate of a case: the probability that two independent repeats disagree, 2q(1 − q) for a
//   case passing with probability q. Estimated without bias by the share of disagreeing pairs
//   among its repeats, 2c(n − c)/(n(n − 1)) for c passes in n runs; the suite's flip rate is the
//   mean over cases.
// - pass@k (Chen et al. 2021): the probability that at least one of k repeats passes, estimated
//   without bias per case as 1 − C(n − c, k)/C(n, k); pass^k (Yao et al. 2024, τ-bench): the
//   probability that all k pass, C(c, k)/C(n, k). Both are averaged over cases.
// The gate's side of repeats (per-case means, so K repeats of a case are one measurement of it)
// lives in run/per-case-table.ts; gate/judge-noise.simulation.test.ts checks it.

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
