// Drift effect sizes shown beside each test (they size a shift; the tests decide it). Share
// vectors are compared as window q against reference p, natural logarithms throughout.
// Definitions and binning are written out in docs/monitoring.md.

/** Population stability index: Σ (q_i − p_i) · ln(q_i / p_i). Needs strictly positive shares. */
export function psi(p: readonly number[], q: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (q[i] - p[i]) * Math.log(q[i] / p[i]);
  return sum;
}

/** Kullback–Leibler divergence KL(q ‖ p) = Σ q_i · ln(q_i / p_i); terms with q_i = 0 are 0. */
export function kl(q: readonly number[], p: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) if (q[i] > 0) sum += q[i] * Math.log(q[i] / p[i]);
  return sum;
}

/** Jensen–Shannon divergence: ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q) / 2; in [0, ln 2]. */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  const m = p.map((pi, i) => (pi + q[i]) / 2);
  return 0.5 * kl(p, m) + 0.5 * kl(q, m);
}

/** Pearson's chi-square statistic of the 2 × k table of counts (rows: reference, window). */
export function chiSquare(reference: readonly number[], window: readonly number[]): number {
  const nr = sum(reference);
  const nw = sum(window);
  const total = nr + nw;
  let stat = 0;
  for (let i = 0; i < reference.length; i++) {
    const col = reference[i] + window[i];
    if (col === 0) continue;
    const er = (nr * col) / total;
    const ew = (nw * col) / total;
    stat += (reference[i] - er) ** 2 / er + (window[i] - ew) ** 2 / ew;
  }
  return stat;
}

/** Two-sample Kolmogorov–Smirnov statistic: sup_x |F_a(x) − F_b(x)| over the empirical CDFs. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  return walkEcdfs(a, b).ks;
}

/** Wasserstein-1 distance between the empirical distributions: ∫ |F_a(x) − F_b(x)| dx. */
export function wasserstein1(a: readonly number[], b: readonly number[]): number {
  return walkEcdfs(a, b).w1;
}

/** One merge over both sorted samples gives KS and W1 together. */
export function walkEcdfs(a: readonly number[], b: readonly number[]): { ks: number; w1: number } {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  return walkSorted(x, y);
}

export function walkSorted(x: Float64Array, y: Float64Array): { ks: number; w1: number } {
  const n = x.length;
  const m = y.length;
  let i = 0;
  let j = 0;
  let ks = 0;
  let w1 = 0;
  let prev = Math.min(x[0], y[0]);
  while (i < n || j < m) {
    const v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
    const diff = Math.abs(i / n - j / m);
    w1 += diff * (v - prev);
    while (i < n && x[i] === v) i++;
    while (j < m && y[j] === v) j++;
    const d = Math.abs(i / n - j / m);
    if (d > ks) ks = d;
    prev = v;
  }
  return { ks, w1 };
}

/**
 * Bin edges for numeric signals: the reference's deciles (distinct values only), so each bin
 * holds about a tenth of the reference. Values below the first edge fall in bin 0, above the last
 * in the last bin.
 */
export function quantileEdges(reference: readonly number[], bins = 10): number[] {
  const sorted = [...reference].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / bins))];
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  return edges;
}

/** Counts per bin: bin i holds edges[i−1] ≤ x < edges[i]. */
export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array(edges.length + 1).fill(0);
  for (const v of values) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v < edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts;
}

/** Shares with ½ added to every count, so an empty bin does not make PSI or KL infinite. */
export function smoothedShares(counts: readonly number[]): number[] {
  const total = sum(counts) + counts.length / 2;
  return counts.map((c) => (c + 0.5) / total);
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
