// McNemar's exact test for a pass/fail metric measured on the same cases twice. Only the
// discordant cases (passed in one run, failed in the other) carry evidence; under "no change"
// each is equally likely to fall either way, so their split is Binomial(b + c, ½).

export interface McNemarExactOptions {
  /** Cases that passed in the baseline and fail in the candidate. */
  lost: number;
  /** Cases that failed in the baseline and pass in the candidate. */
  gained: number;
}

/** Two-sided exact p-value: twice the smaller binomial tail, capped at 1; 1 when nothing changed. */
export function mcnemarExact({ lost, gained }: McNemarExactOptions): number {
  if (!Number.isInteger(lost) || !Number.isInteger(gained) || lost < 0 || gained < 0) {
    throw new RangeError(
      `discordant counts must be non-negative integers, got lost=${lost}, gained=${gained}`,
    );
  }
  const total = lost + gained;
  if (total === 0) return 1;
  const smaller = Math.min(lost, gained);
  // Log space: 2^-total underflows beyond about a thousand discordant cases.
  const logHalfPower = -total * Math.LN2;
  let logChoose = 0; // ln C(total, 0)
  let tail = 0;
  for (let i = 0; i <= smaller; i++) {
    if (i > 0) logChoose += Math.log(total - i + 1) - Math.log(i);
    tail += Math.exp(logChoose + logHalfPower);
  }
  return Math.min(1, 2 * tail);
}

export interface McNemarOneSidedOptions {
  /** Discordant cases that moved the bad way (passed before, fail now). */
  worse: number;
  /** Discordant cases that moved the good way. */
  better: number;
}

/**
 * One-sided exact p-value for "the candidate is worse": P(X ≥ worse) for X ~ Binomial(worse +
 * better, ½), with the smallest value the test could reach on this many discordant cases
 * (½^(worse + better), every one of them worse), which Tarone's correction needs.
 */
export function mcnemarOneSided({ worse, better }: McNemarOneSidedOptions): {
  pValue: number;
  minAttainableP: number;
} {
  if (!Number.isInteger(worse) || !Number.isInteger(better) || worse < 0 || better < 0) {
    throw new RangeError(
      `discordant counts must be non-negative integers, got worse=${worse}, better=${better}`,
    );
  }
  const total = worse + better;
  if (total === 0) return { pValue: 1, minAttainableP: 1 };
  const logHalfPower = -total * Math.LN2;
  // Upper tail P(X ≥ worse) = lower tail P(X ≤ better) by symmetry of Binomial(total, ½).
  let logChoose = 0;
  let tail = 0;
  for (let i = 0; i <= better; i++) {
    if (i > 0) logChoose += Math.log(total - i + 1) - Math.log(i);
    tail += Math.exp(logChoose + logHalfPower);
  }
  return { pValue: Math.min(1, tail), minAttainableP: Math.exp(logHalfPower) };
}
