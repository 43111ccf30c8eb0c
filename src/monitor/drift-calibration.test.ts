// Seeded simulation: do the monitor's alarms mean the same thing at every window size?
// 1,000 no-drift windows at each n for a numeric signal, a label share and an error rate; the
// reference and every window are drawn independently from one population (reference: m = 500
// values from N(0, 1); a label with share 0.30 among m = 500; error rate 0.1 %, the ceiling).
// The numeric test is the monitor's own (createNumericDriftTest with the config's default alpha
// and replicates, its null fitted once per n from the first reference; numericAlert for the
// alert), scored on fresh reference/window pairs. Targets: the
// false-alarm rate of each test is within 3–7 % (numeric) or at most 7 % (discrete: exact tests
// cannot hit a band; their attained size is checked too), and the numeric alert (test + effect
// floor) catches a 0.25 SD shift at n = 500 at least 80 % of the time.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import { binomialCriticalCount, binomialUpperTail, fisherExactTwoSided } from './exact-tests.js';
import { monitorSettings } from '../config/monitor-schema.js';
import {
  createNumericDriftTest,
  gaussian,
  numericAlert,
  numericStatistic,
  prepareSample,
} from './numeric-drift-test.js';

const SIZES = [30, 50, 100, 200, 500, 2000, 5000];
const WINDOWS = 1000;
const M = 500;
const SETTINGS = monitorSettings(undefined);
const ALPHA = SETTINGS.alpha;

function normals(rng: Rng, k: number, shift = 0) {
  const x = new Float64Array(k);
  for (let i = 0; i < k; i++) x[i] = gaussian(rng) + shift;
  return prepareSample(x);
}

function binomialDraw(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

describe('drift alarms are calibrated at every window size (seeded simulation)', () => {
  it('numeric signal: false alarms 3–7 % at every n; power ≥ 80 % for a 0.25 SD shift at n = 500', () => {
    const rng = createRng(2026);
    const first = Float64Array.from({ length: M }, () => gaussian(rng));
    const monitorTest = createNumericDriftTest({
      reference: [...first],
      alpha: ALPHA,
      replicates: SETTINGS.replicates,
      rng: rng.fork('monitor'),
    });
    const rates: Record<number, number> = {};
    let power = 0;
    for (const n of SIZES) {
      const critical = monitorTest.critical(n);
      let alarms = 0;
      for (let w = 0; w < WINDOWS; w++)
        if (numericStatistic(normals(rng, M), normals(rng, n)).statistic > critical) alarms++;
      rates[n] = alarms / WINDOWS;
      if (n === 500)
        for (let w = 0; w < WINDOWS; w++) {
          const s = numericStatistic(normals(rng, M), normals(rng, n, 0.25));
          const result = { reject: s.statistic > critical, wasserstein: s.w1 };
          if (numericAlert(result, monitorTest.reference.variance, SETTINGS.numeric_effect_floor).alert)
            power++;
        }
    }
    for (const n of SIZES) {
      expect(rates[n], `n = ${n}`).toBeGreaterThanOrEqual(0.03);
      expect(rates[n], `n = ${n}`).toBeLessThanOrEqual(0.07);
    }
    expect(power / WINDOWS).toBeGreaterThanOrEqual(0.8);
  }, 180_000);

  it('label share (Fisher exact, two-sided): false alarms at most 7 % at every n', () => {
    const rng = createRng(2027);
    const p = 0.3;
    for (const n of SIZES) {
      let alarms = 0;
      for (let w = 0; w < WINDOWS; w++) {
        const a = binomialDraw(rng, M, p);
        const b = binomialDraw(rng, n, p);
        if (fisherExactTwoSided(a, M, b, n) <= ALPHA) alarms++;
      }
      expect(alarms / WINDOWS, `n = ${n}`).toBeLessThanOrEqual(0.07);
    }
  }, 60_000);

  it('error rate (exact binomial against the 0.1 % ceiling): attained size ≤ 5 %, simulated ≤ 7 % at every n', () => {
    const rng = createRng(2028);
    const ceiling = 0.001;
    for (const n of SIZES) {
      const { k, size } = binomialCriticalCount(n, ceiling, ALPHA);
      expect(size).toBeLessThanOrEqual(ALPHA);
      expect(size).toBeCloseTo(binomialUpperTail(k, n, ceiling), 12);
      let alarms = 0;
      for (let w = 0; w < WINDOWS; w++) if (binomialDraw(rng, n, ceiling) >= k) alarms++;
      expect(alarms / WINDOWS, `n = ${n}`).toBeLessThanOrEqual(0.07);
    }
  }, 60_000);
});
