// The drift test for a numeric signal (confidence, input length, retrieval score): does this
// window come from the reference's distribution? Its statistic combines a location part (Welch's
// z of the means) and a shape part (√(effective n) · Kolmogorov–Smirnov), each scaled to its 95 %
// point: T = max(|z| / 1.96, √(nm/(n+m)) · D / 1.358). The critical value is not taken from an
// asymptotic table: it is the (1 − α) quantile of T over seeded smoothed-bootstrap replicates in
// which both a reference of m and a window of n are drawn from the reference — the null fitted to
// this window size, once per (signal, n) and cached.
import type { Rng } from '../core/rng.js';
import { walkSorted } from './effect-sizes.js';

export interface NumericTestResult {
  n: number;
  statistic: number;
  critical: number;
  reject: boolean;
  /** Welch's z of window mean minus reference mean. */
  z: number;
  ks: number;
  wasserstein: number;
}

export interface NumericDriftTest {
  readonly reference: PreparedSample;
  critical(n: number): number;
  test(window: readonly number[]): NumericTestResult;
}

export interface PreparedSample {
  sorted: Float64Array;
  mean: number;
  variance: number;
}

const Z95 = 1.959964;
const KS95 = 1.358099;

export function prepareSample(values: ArrayLike<number>): PreparedSample {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  let mean = 0;
  for (let i = 0; i < sorted.length; i++) mean += sorted[i];
  mean /= sorted.length;
  let ss = 0;
  for (let i = 0; i < sorted.length; i++) ss += (sorted[i] - mean) ** 2;
  return { sorted, mean, variance: sorted.length > 1 ? ss / (sorted.length - 1) : 0 };
}

/** T for a window against a reference, with its parts. */
export function numericStatistic(
  ref: PreparedSample,
  window: PreparedSample,
): { statistic: number; z: number; ks: number; w1: number } {
  const n = window.sorted.length;
  const m = ref.sorted.length;
  const se = Math.sqrt(window.variance / n + ref.variance / m);
  const diff = window.mean - ref.mean;
  const z = se > 0 ? diff / se : diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY;
  const { ks, w1 } = walkSorted(ref.sorted, window.sorted);
  const statistic = Math.max(Math.abs(z) / Z95, (Math.sqrt((n * m) / (n + m)) * ks) / KS95);
  return { statistic, z, ks, w1 };
}

/**
 * The (1 − α) quantile of T when reference and window both come from the reference's
 * distribution (bootstrap: m and n draws with replacement from the reference). Draws are kept
 * as counts over the reference's sorted values, so a replicate costs O(n + m) with no sort.
 */
export function fitNumericNull(options: {
  reference: PreparedSample;
  n: number;
  alpha: number;
  replicates: number;
  rng: Rng;
}): number {
  const { reference, n, rng } = options;
  const src = reference.sorted;
  const m = src.length;
  const rc = new Int32Array(m);
  const wc = new Int32Array(m);
  const values = new Float64Array(options.replicates);
  const kScale = Math.sqrt((n * m) / (n + m)) / KS95;
  for (let b = 0; b < options.replicates; b++) {
    rc.fill(0);
    wc.fill(0);
    for (let i = 0; i < m; i++) rc[rng.int(m)]++;
    for (let i = 0; i < n; i++) wc[rng.int(m)]++;
    let rs = 0;
    let rss = 0;
    let ws = 0;
    let wss = 0;
    let rCum = 0;
    let wCum = 0;
    let ks = 0;
    for (let i = 0; i < m; i++) {
      const v = src[i];
      rs += rc[i] * v;
      rss += rc[i] * v * v;
      ws += wc[i] * v;
      wss += wc[i] * v * v;
      rCum += rc[i];
      wCum += wc[i];
      // Equal values share one step of the ECDF: compare only after the last of them.
      if (i + 1 < m && src[i + 1] === v) continue;
      const d = Math.abs(rCum / m - wCum / n);
      if (d > ks) ks = d;
    }
    const rMean = rs / m;
    const wMean = ws / n;
    const rVar = m > 1 ? (rss - m * rMean * rMean) / (m - 1) : 0;
    const wVar = n > 1 ? (wss - n * wMean * wMean) / (n - 1) : 0;
    const se = Math.sqrt(Math.max(0, wVar) / n + Math.max(0, rVar) / m);
    const diff = wMean - rMean;
    const z = se > 0 ? diff / se : 0;
    values[b] = Math.max(Math.abs(z) / Z95, ks * kScale);
  }
  values.sort();
  // The smallest value with at most α of the replicates above it.
  return values[Math.min(options.replicates - 1, Math.ceil((1 - options.alpha) * options.replicates) - 1)];
}

export function createNumericDriftTest(options: {
  reference: readonly number[];
  alpha: number;
  replicates: number;
  rng: Rng;
}): NumericDriftTest {
  const reference = prepareSample(options.reference);
  const nulls = new Map<number, number>();
  const critical = (n: number): number => {
    let c = nulls.get(n);
    if (c === undefined) {
      c = fitNumericNull({
        reference,
        n,
        alpha: options.alpha,
        replicates: options.replicates,
        rng: options.rng.fork(`null:${n}`),
      });
      nulls.set(n, c);
    }
    return c;
  };
  return {
    reference,
    critical,
    test(window) {
      const s = numericStatistic(reference, prepareSample(window));
      const c = critical(window.length);
      return {
        n: window.length,
        statistic: s.statistic,
        critical: c,
        reject: s.statistic > c,
        z: s.z,
        ks: s.ks,
        wasserstein: s.w1,
      };
    },
  };
}

/**
 * The numeric alert rule: the test fitted to the window size rejects AND the shift is at least
 * `floor` reference standard deviations (W1 / SD), so a huge window cannot page on a trivial
 * shift. Returns the effect too, for the report.
 */
export function numericAlert(
  result: Pick<NumericTestResult, 'reject' | 'wasserstein'>,
  referenceVariance: number,
  floor: number,
): { alert: boolean; effect: number } {
  const sd = Math.sqrt(referenceVariance);
  const w = result.wasserstein;
  const effect = sd > 0 ? w / sd : w > 0 ? Number.POSITIVE_INFINITY : 0;
  return { alert: result.reject && effect >= floor, effect };
}

export function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}
