// Candidate versus baseline on the cases both runs scored. Pairing by case id removes the
// case-difficulty variance that dominates eval scores, which is what makes small suites able
// to detect anything; cases present in only one run are listed rather than dropped silently.

import type { Rng } from '../core/rng.js';
import { mean, standardDeviation } from './describe.js';
import { mcnemarExact, mcnemarOneSided } from './mcnemar-exact.js';
import { percentileInterval } from './percentile-interval.js';
import { createResampler, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES } from './resampler.js';
import type { Resampler } from './resampler.js';
import { signFlipTest } from './sign-flip-test.js';

export interface PairedComparisonOptions {
  /** Per-case values (repeats already averaged) keyed by case id; only applicable cases. */
  baseline: ReadonlyMap<string, number>;
  candidate: ReadonlyMap<string, number>;
  resamples?: number;
  confidence?: number;
  rng: Rng;
  /**
   * Pass/fail metric: test with McNemar's exact test. Falls back to the sign-flip test when
   * a value is not 0 or 1 (e.g. a pass rate averaged over repeats); `test` says which ran.
   */
  binary?: boolean;
  /**
   * Bootstrap draws to share across the metrics compared on the same cases (drawing them is
   * most of the cost). Its indices refer to the shared cases in sorted id order; it is used
   * only when its n equals the shared-case count, otherwise fresh draws are made from `rng`.
   */
  resampler?: Resampler;
  /**
   * `two-sided` (default): any change. `worse`: the one-sided question a regression gate asks,
   * "did the candidate get worse?", oriented by `higherIsBetter`.
   */
  alternative?: 'two-sided' | 'worse';
  /** Direction of the metric, for `alternative: 'worse'` (default true). */
  higherIsBetter?: boolean;
  /** Sign patterns for a Monte Carlo permutation test (default `resamples`). */
  testResamples?: number;
}

export interface PairedComparison {
  /** Cases scored in both runs. */
  n: number;
  meanBaseline: number | null;
  meanCandidate: number | null;
  /** candidate − baseline; negative is a drop. */
  meanDiff: number | null;
  /** Sample sd of per-case differences (null below two cases), for the minimum detectable effect. */
  sdDiff: number | null;
  /** Paired percentile-bootstrap interval of the mean difference. */
  ci: [number, number] | null;
  /** Two-sided, or one-sided toward worse (see `alternative`); null when no case is shared. */
  pValue: number | null;
  /** The smallest p-value the test could reach on these cases (1 when nothing changed). */
  minAttainableP: number | null;
  test: 'sign-flip' | 'mcnemar';
  /** True when the p-value was computed exactly rather than by Monte Carlo. */
  exact: boolean;
  onlyInBaseline: string[];
  onlyInCandidate: string[];
}

export function pairedComparison({
  baseline,
  candidate,
  resamples = DEFAULT_RESAMPLES,
  confidence = DEFAULT_CONFIDENCE,
  rng,
  binary = false,
  resampler: sharedResampler,
  alternative = 'two-sided',
  higherIsBetter = true,
  testResamples = resamples,
}: PairedComparisonOptions): PairedComparison {
  // Sorted ids make the result independent of the order rows happened to be loaded in.
  const shared = [...baseline.keys()].filter((id) => candidate.has(id)).sort(compareIds);
  const onlyInBaseline = [...baseline.keys()].filter((id) => !candidate.has(id)).sort(compareIds);
  const onlyInCandidate = [...candidate.keys()].filter((id) => !baseline.has(id)).sort(compareIds);
  const n = shared.length;
  const base = new Float64Array(n);
  const cand = new Float64Array(n);
  const diff = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = shared[i];
    base[i] = baseline.get(id) as number;
    cand[i] = candidate.get(id) as number;
    if (!Number.isFinite(base[i]) || !Number.isFinite(cand[i])) {
      throw new RangeError(`case ${id}: values must be finite (omit cases where the metric does not apply)`);
    }
    diff[i] = cand[i] - base[i];
  }
  const useMcNemar = binary && isZeroOne(base) && isZeroOne(cand);
  const test = useMcNemar ? 'mcnemar' : 'sign-flip';
  if (n === 0) {
    return {
      n,
      meanBaseline: null,
      meanCandidate: null,
      meanDiff: null,
      sdDiff: null,
      ci: null,
      pValue: null,
      minAttainableP: null,
      test,
      exact: true,
      onlyInBaseline,
      onlyInCandidate,
    };
  }
  const meanDiff = mean(diff);
  // Separate streams, so the interval does not change with which test runs or how many flips it draws.
  const resampler =
    sharedResampler?.n === n
      ? sharedResampler
      : createResampler({ n, resamples, rng: rng.fork('paired-bootstrap') });
  const interval =
    n === 1
      ? { low: meanDiff, high: meanDiff }
      : percentileInterval(resampler.meanReplicates(diff), confidence);
  let pValue: number;
  let minAttainableP: number;
  let exact = true;
  const oneSided = alternative === 'worse';
  if (useMcNemar) {
    let lost = 0;
    let gained = 0;
    for (let i = 0; i < n; i++) {
      if (diff[i] < 0) lost++;
      else if (diff[i] > 0) gained++;
    }
    if (oneSided) {
      const worse = higherIsBetter ? lost : gained;
      ({ pValue, minAttainableP } = mcnemarOneSided({ worse, better: lost + gained - worse }));
    } else {
      pValue = mcnemarExact({ lost, gained });
      minAttainableP = lost + gained === 0 ? 1 : Math.min(1, 2 * 0.5 ** (lost + gained));
    }
  } else {
    // Oriented so that a positive difference is a step in the worse direction.
    const differences = oneSided && higherIsBetter ? diff.map((d) => -d) : diff;
    const result = signFlipTest({
      differences,
      resamples: testResamples,
      rng: rng.fork('sign-flip'),
      alternative: oneSided ? 'greater' : 'two-sided',
    });
    pValue = result.pValue;
    minAttainableP = result.minAttainableP;
    exact = result.exact;
  }
  const sd = standardDeviation(diff);
  return {
    n,
    meanBaseline: mean(base),
    meanCandidate: mean(cand),
    meanDiff,
    sdDiff: Number.isNaN(sd) ? null : sd,
    ci: [interval.low, interval.high],
    pValue,
    minAttainableP,
    test,
    exact,
    onlyInBaseline,
    onlyInCandidate,
  };
}

/** Code-unit order: locale-independent, so every machine sorts case ids the same way. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isZeroOne(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}
