// Simulations behind the gate's promise (README "How the gate decides"): with ten gated pass/fail
// metrics and a stated per-case disagreement rate between runs, (1) a run with no true change
// fails at most α = 5 % of the time, even with no margin at all, and (2) a real drop on one
// metric, as large as the minimum detectable effect the report quotes, fails at least 80 % of
// the time. The decision is computed by the gate's own functions (McNemar's one-sided exact test
// and the regression family), without the bootstrap intervals that only the report needs.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import { mcnemarOneSided } from '../stats/index.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { compareRuns } from './compare-runs.js';
import { gateMinimumDetectableEffect, judgeRegressions, type RegressionInput } from './regression-family.js';

const METRICS = 10;
const CASES = 200;
/** Only discordant cases carry evidence in McNemar's test, so the pass rate itself does not matter. */
/** Share of cases whose pass/fail differs between two runs of an unchanged system. */
const DISAGREEMENT = 0.1;
const ALPHA = 0.05;

/** One comparison of a pass/fail metric: each case is lost with probability `lose`, gained with `gain`. */
function simulateMetric(rng: Rng, lose: number, gain: number, margin: number): RegressionInput {
  let lost = 0;
  let gained = 0;
  for (let i = 0; i < CASES; i++) {
    const u = rng.next();
    if (u < lose) lost++;
    else if (u < lose + gain) gained++;
  }
  const { pValue, minAttainableP } = mcnemarOneSided({ worse: lost, better: gained });
  const meanDiff = (gained - lost) / CASES;
  // Sample sd of per-case differences in {−1, 0, +1}, as pairedComparison computes it.
  const sumSq = lost + gained;
  const variance = (sumSq - CASES * meanDiff ** 2) / (CASES - 1);
  return {
    margin,
    drop: -meanDiff,
    pValue,
    minAttainableP,
    standardError: variance > 0 ? Math.sqrt(variance / CASES) : null,
    continuity: 1 / CASES,
  };
}

function simulateRun(rng: Rng, plantedDrop: number, margin: number) {
  const inputs = Array.from({ length: METRICS }, (_, m) =>
    simulateMetric(rng, DISAGREEMENT / 2 + (m === 0 ? plantedDrop : 0), DISAGREEMENT / 2, margin),
  );
  return judgeRegressions(inputs, ALPHA);
}

/** The drop equal to the MDE the gate quotes at that drop (a fixed point; ten iterations suffice). */
function promisedDrop(margin: number): number {
  let drop = 0.05;
  for (let i = 0; i < 20; i++) {
    const discordant = DISAGREEMENT + drop;
    const se = Math.sqrt((discordant - drop * drop) / CASES);
    drop = gateMinimumDetectableEffect({
      standardError: se,
      level: ALPHA / METRICS,
      margin,
      continuity: 1 / CASES,
    })!;
  }
  return drop;
}

describe('gate simulations (10 gated pass/fail metrics, 200 cases, 10 % disagreement, α = 5 %)', () => {
  it('a run with no true change fails at most 5 % of the time, with or without margins', () => {
    const runs = 2000;
    for (const margin of [0, 0.03]) {
      const rng = createRng(2024).fork(`null:${margin}`);
      let fails = 0;
      for (let r = 0; r < runs; r++) if (simulateRun(rng, 0, margin).some((v) => v.regressed)) fails++;
      if (process.env.EVALGATE_SIM_LOG) console.log(`null margin ${margin}: ${fails / runs}`);
      expect(fails / runs).toBeLessThanOrEqual(ALPHA);
    }
  });

  it('a drop as large as the quoted MDE on one metric fails at least 80 % of the time', () => {
    const margin = 0.03;
    const drop = promisedDrop(margin);
    // Sanity: the quoted MDE includes the multiplicity-corrected level, so it exceeds the margin.
    expect(drop).toBeGreaterThan(margin);
    expect(drop).toBeLessThan(0.2);
    const rng = createRng(7).fork('power');
    const runs = 1000;
    let caught = 0;
    const quoted: number[] = [];
    for (let r = 0; r < runs; r++) {
      const verdicts = simulateRun(rng, drop, margin);
      if (verdicts[0].regressed) caught++;
      quoted.push(verdicts[0].minimumDetectableEffect!);
    }
    // The report quotes (on average) the MDE the drop was planted at.
    quoted.sort((a, b) => a - b);
    expect(Math.abs(quoted[runs / 2] - drop)).toBeLessThan(0.01);
    if (process.env.EVALGATE_SIM_LOG) console.log(`drop ${drop}: power ${caught / runs}`);
    // Seeded, so this is a fixed number, not a flaky one: the promise is 80 %.
    expect(caught / runs).toBeGreaterThanOrEqual(0.8);
  });

  it('uses z at α / K for the quoted MDE', () => {
    const se = 0.02;
    const expected = normalQuantile(1 - ALPHA / METRICS) * se + normalQuantile(0.8) * se;
    expect(gateMinimumDetectableEffect({ standardError: se, level: ALPHA / METRICS, margin: 0 })).toBeCloseTo(
      expected,
      12,
    );
  });
});

// The same rule end to end through compareRuns (pairing, test choice, orientation, Monte Carlo
// resolution): nine gated metrics, three of each kind — continuous higher-is-better (F1-like),
// pass/fail higher-is-better (accuracy-like) and pass/fail lower-is-better (a hallucination rate).
describe('gate simulation through compareRuns (9 gated metrics, 120 cases)', () => {
  const KINDS = [
    { metric: 'answer.f1', margin: 0.03 },
    { metric: 'classification.accuracy', margin: 0.03 },
    { metric: 'hallucination.rate', margin: 0.03 },
  ];
  const N = 120;

  function tables(rng: Rng, drop: number) {
    const baseline: Record<string, Record<string, Record<string, Record<string, number>>>> = {};
    const candidate: typeof baseline = {};
    for (let suite = 0; suite < 3; suite++) {
      const name = `s${suite}`;
      baseline[name] = { p: {} };
      candidate[name] = { p: {} };
      for (const { metric } of KINDS) {
        const planted = suite === 0 && metric === 'hallucination.rate' ? drop : 0;
        const b: Record<string, number> = {};
        const c: Record<string, number> = {};
        for (let i = 0; i < N; i++) {
          const id = `c${i}`;
          if (metric === 'answer.f1') {
            const v = Math.round(rng.next() * 1000) / 1000;
            b[id] = v;
            // Run-to-run noise on a tenth of the cases, in both directions.
            c[id] = rng.next() < 0.1 ? Math.round(rng.next() * 1000) / 1000 : v;
          } else {
            const u = rng.next();
            // Pass/fail with 10 % disagreement; for the planted metric some cases turn bad.
            const lost = u < 0.05 + planted;
            const gained = !lost && u < 0.1 + planted;
            const good = metric === 'hallucination.rate' ? 0 : 1;
            b[id] = lost ? good : gained ? 1 - good : rng.next() < 0.7 ? good : 1 - good;
            c[id] = lost ? 1 - good : gained ? good : b[id];
          }
        }
        baseline[name].p[metric] = b;
        candidate[name].p[metric] = c;
      }
    }
    return { baseline, candidate };
  }

  const run = (rng: Rng, drop: number) => {
    const { baseline, candidate } = tables(rng, drop);
    return compareRuns({
      baseline,
      candidate,
      maxDrop: Object.fromEntries(KINDS.map((k) => [k.metric, k.margin])),
      confidence: 0.95,
      resamples: 200,
      seed: 3,
    });
  };

  it('no true change: at most 5 % of runs fail', () => {
    const rng = createRng(31).fork('null-e2e');
    const runs = 300;
    let fails = 0;
    for (let r = 0; r < runs; r++) if (run(rng, 0).some((c) => c.regressed)) fails++;
    expect(fails / runs).toBeLessThanOrEqual(ALPHA);
  });

  it('a real rise in a lower-is-better rate, above its quoted MDE (~0.16), fails at least 80 % of the time', () => {
    const rng = createRng(32).fork('power-e2e');
    let caught = 0;
    let otherAlarms = 0;
    for (let r = 0; r < 100; r++) {
      const out = run(rng, 0.2);
      const planted = out.find((c) => c.suite === 's0' && c.metric === 'hallucination.rate')!;
      expect(planted.delta!).toBeGreaterThan(0);
      if (planted.regressed) caught++;
      if (out.some((c) => c.regressed && c !== planted)) otherAlarms++;
    }
    if (process.env.EVALGATE_SIM_LOG) console.log(`e2e power ${caught}/100, other alarms ${otherAlarms}/100`);
    expect(caught).toBeGreaterThanOrEqual(80);
    // The unchanged metrics still raise a false alarm in at most α of runs.
    expect(otherAlarms).toBeLessThanOrEqual(5);
  });
});
