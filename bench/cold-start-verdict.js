// The cold-start row's verdict (issue 11: "the first request after readyz is no slower than the
// median"). Each fresh start gives one ratio, its first request ÷ the median of its later ones. A
// first request drawn exactly like the later ones puts about half the ratios above 1, so "median ≤
// 1" fails such a server about half the time, and a rule that asks only whether the first is
// *shown* slower goes green more often the noisier the machine. So the burden of proof is on the
// server: the row passes when a 95 % upper confidence bound of the median ratio is at most 1.10 —
// the first request is shown to be no more than 10 % slower than a typical one. The bound is
// distribution-free: the k-th smallest ratio, k the least count with P(Binomial(n, ½) ≥ k) ≤ 0.05.
// Simulated at n = 30 with per-start noise of 10–15 % (lognormal): a server whose first request is
// drawn like the others passes 85–99 % of the time, one whose first request is exactly 10 % slower
// about 5 % (the bound's own level). A first request that stalls in 11 or more of 30 starts fails;
// stalls in fewer can pass, as with any rule on the median (the largest ratio is printed beside
// it). The 10 % margin was chosen after the noise was measured (docs/performance.md, "Seventh pass
// on serving").
import { binomialCriticalCount } from '../dist/monitor/exact-tests.js';
import { median } from './child-processes.js';

export { median };

export const CONFIDENCE = 0.95;
export const RATIO_MARGIN = 0.1;

/** `ratios`: first ÷ median, one per fresh start. */
export function coldStartVerdict(ratios) {
  const n = ratios.length;
  const sorted = [...ratios].sort((a, b) => a - b);
  const k = upperBoundRank(n, CONFIDENCE);
  // Too few starts for the bound: not assessed, never passed.
  const upperBound = k === null ? null : sorted[k - 1];
  return {
    n,
    slower: ratios.filter((ratio) => ratio > 1).length,
    medianRatio: median(ratios),
    upperBound,
    met: upperBound !== null && upperBound <= 1 + RATIO_MARGIN,
  };
}

/** The 1-based rank whose order statistic is a one-sided upper bound for the median, or null. */
export function upperBoundRank(n, confidence) {
  // The least k with P(Binomial(n, ½) ≥ k) ≤ 1 − confidence; n + 1 when even k = n is too likely.
  const { k } = binomialCriticalCount(n, 0.5, 1 - confidence);
  return k <= n ? k : null;
}
