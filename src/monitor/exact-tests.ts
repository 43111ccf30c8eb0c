// Exact tests for count signals, so a window of any size gets a false-alarm rate of at most α
// without an asymptotic approximation: Fisher's exact test (two-sided) for a share in the window
// against the same share in the reference, and one-sided binomial / Poisson tail probabilities
// for rates against a fixed ceiling (error rate, latency above the SLO, traffic).

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1] + Math.log(k);
  return logFactorials[n];
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Fisher's exact test, two-sided, for a (reference) of m and b (window) of n: the probability,
 * under the hypergeometric law with the margins fixed, of a table no more likely than the one
 * seen (the usual definition; a 1e-7 relative tolerance keeps ties in).
 */
export function fisherExactTwoSided(a: number, m: number, b: number, n: number): number {
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logDenominator = logChoose(m + n, k);
  const logP = (x: number) => logChoose(m, x) + logChoose(n, k - x) - logDenominator;
  const observed = logP(a);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let total = 0;
  for (let x = k; x <= n; x++) {
    const lp = logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p);
    total += Math.exp(lp);
  }
  return Math.min(1, total);
}

/** The smallest count k with P(X ≥ k) ≤ α, and that attained size (the test's real false-alarm rate). */
export function binomialCriticalCount(n: number, p: number, alpha: number): { k: number; size: number } {
  let k = n + 1;
  let size = 0;
  // Walk down from the top while the tail stays within α.
  let tail = 0;
  for (let x = n; x >= 0; x--) {
    tail += Math.exp(logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
    if (tail > alpha) break;
    k = x;
    size = tail;
  }
  return { k, size };
}

/**
 * P(X ≤ k) for X ~ Poisson(λ). Summed in log space from the largest term, since e^−λ alone
 * underflows to 0 beyond λ ≈ 745 (a busy window), which would make every count look rare.
 */
export function poissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  const logTerms = new Float64Array(k + 1);
  logTerms[0] = -lambda;
  for (let x = 1; x <= k; x++) logTerms[x] = logTerms[x - 1] + Math.log(lambda) - Math.log(x);
  let max = Number.NEGATIVE_INFINITY;
  for (const t of logTerms) max = Math.max(max, t);
  let sum = 0;
  for (const t of logTerms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max + Math.log(sum)));
}
