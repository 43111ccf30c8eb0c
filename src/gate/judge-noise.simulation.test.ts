// Issue 15's flakiness promise, checked through the gate's own path: with `repeat: K`, a judge
// whose per-case verdicts flip at random (and nothing else changes) must make the gate fail at
// most 5 % of the time, while a real drop in the judge's pass rate still fails it. Rows go
// through perCaseTable (repeats averaged per case: the clustering) and compareRuns (the one-sided
// paired test and the regression family the gate uses), exactly as `evalgate eval` does.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import { perCaseTable } from '../run/per-case-table.js';
import type { CaseResult } from '../run/types.js';
import { compareRuns } from './compare-runs.js';

const CASES = 200;
const K = 5;
/** Per-case pass probability of the judge: most cases are stable, some are coin flips. */
const PASS_PROBABILITY = Array.from({ length: CASES }, (_, i) => [0.95, 0.8, 0.6, 0.4, 0.2][i % 5]);

/** The fields perCaseTable reads; the rest of a CaseResult does not enter the gate's test. */
function judgeRows(rng: Rng, shift: number): CaseResult[] {
  const rows: CaseResult[] = [];
  PASS_PROBABILITY.forEach((q, i) => {
    for (let repeat = 0; repeat < K; repeat++)
      rows.push({
        suite: 'qa',
        provider: 'p',
        caseId: `c${i}`,
        repeat,
        scores: { judge_pass: rng.next() < q - shift ? 1 : 0 },
      } as unknown as CaseResult);
  });
  return rows;
}

function gateFails(rng: Rng, seed: number, baseline: CaseResult[], shift: number): boolean {
  const [comparison] = compareRuns({
    baseline: perCaseTable(baseline),
    candidate: perCaseTable(judgeRows(rng, shift)),
    maxDrop: { judge_pass: 0 },
    confidence: 0.95,
    // The report's bootstrap interval is not part of the decision; the test's own Monte Carlo
    // resolution is set by compareRuns from α and the family size.
    resamples: 50,
    seed,
  });
  return comparison.regressed;
}

describe('judge flakiness through the gate (repeat: 5, 200 cases)', () => {
  it('judge noise alone fails the gate in ≤ 5 % of 2,000 runs; a 10-point drop fails it in ≥ 90 %', () => {
    const rng = createRng(2026);
    const sims = 2000;
    let falseFails = 0;
    let trueFails = 0;
    const powerSims = 200;
    for (let s = 0; s < sims; s++) {
      const baseline = judgeRows(rng, 0);
      if (gateFails(rng, s, baseline, 0)) falseFails++;
      if (s < powerSims && gateFails(rng, s, baseline, 0.1)) trueFails++;
    }
    expect(falseFails / sims).toBeLessThanOrEqual(0.05);
    expect(trueFails / powerSims).toBeGreaterThanOrEqual(0.9);
  });

  it('counting the repeats as separate cases would not be the gate: the table holds one mean per case', () => {
    const table = perCaseTable(judgeRows(createRng(1), 0));
    expect(Object.keys(table.qa.p.judge_pass)).toHaveLength(CASES);
  });
});
