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
    // 80 % power, less two Monte Carlo standard errors (√(0.16/1000) ≈ 0.013).
    expect(caught / runs).toBeGreaterThanOrEqual(0.8 - 2 * Math.sqrt(0.16 / runs));
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
