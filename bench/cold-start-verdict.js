// The cold-start row's verdict (issue 11: "the first request after readyz is no slower than the
// median"). Each fresh start gives one ratio, its first request ÷ the median of its later ones. If
// the first were drawn like the later requests, about half the ratios would lie above 1 and their
// median would sit at 1, so a bare "median ≤ 1" rule fails such a server about half the time (it
// read 1.02 / 0.99 / 1.07 on one idle machine). So the row asks two things, and misses if either
// fails:
// - the first is not slower in more starts than chance allows: a one-sided sign test, α = 0.05
//   (a first request that is a little slower every time fails here, however small the excess);
// - the median ratio is within 5 % of 1 (a large excess in a few starts fails here).
import { binomialUpperTail } from '../dist/monitor/exact-tests.js';

export const SIGN_TEST_ALPHA = 0.05;
export const RATIO_TOLERANCE = 0.05;

/** `ratios`: first ÷ median, one per fresh start. */
export function coldStartVerdict(ratios) {
  const n = ratios.length;
  const slower = ratios.filter((ratio) => ratio > 1).length;
  // P(at least this many starts slower) if the first were as likely to be faster as slower.
  const pSlower = binomialUpperTail(slower, n, 0.5);
  const medianRatio = median(ratios);
  const shownSlower = pSlower < SIGN_TEST_ALPHA;
  const withinTolerance = medianRatio <= 1 + RATIO_TOLERANCE;
  return {
    n,
    slower,
    pSlower,
    medianRatio,
    shownSlower,
    withinTolerance,
    met: !shownSlower && withinTolerance,
  };
}

/** The middle value, or the mean of the two middle values. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
