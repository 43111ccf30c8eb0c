// The sample-size rows from a small baseline, with the spread, the family and the current MDE
// worked out by hand.
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/index.js';
import type { Baseline, MetricComparison } from '../run/types.js';
import type { GateConfig } from '../config/schema.js';
import { planSampleSize } from './sample-size-plan.js';

const baseline = {
  cases: {
    qa: {
      'openai/x': {
        a: { 'answer.f1': 0.2, pass: 1 },
        b: { 'answer.f1': 0.4, pass: 1 },
        c: { 'answer.f1': 0.6, pass: 0 },
        d: { 'answer.f1': 0.8, pass: 1 },
      },
    },
  },
} as unknown as Baseline;

const gate = {
  confidence: 0.95,
  max_drop: { 'answer.f1': 0.02, pass: 0.05, 'not.measured': 0.1 },
} as unknown as GateConfig;

describe('planSampleSize', () => {
  it('plans each gated metric the baseline measured, at α over the family', () => {
    const plan = planSampleSize({
      baseline,
      gate,
      groups: [{ suite: 'qa', provider: 'openai/x' }],
      target: 0.1,
    });
    expect(plan.family).toBe(2); // not.measured has no values
    expect(plan.level).toBeCloseTo(0.025, 12);
    const f1 = plan.rows.find((r) => r.metric === 'answer.f1')!;
    // sd of 0.2, 0.4, 0.6, 0.8 (n − 1) = 0.2582; × √2 = 0.3651.
    expect(f1).toMatchObject({ binary: false, cases: 4, source: 'baseline-sd-times-sqrt2' });
    expect(f1.sdDiff).toBeCloseTo(0.365148, 5);
    const se = f1.sdDiff / 2;
    expect(f1.mdeNow).toBeCloseTo((normalQuantile(0.975) + normalQuantile(0.8)) * se, 10);
    // n = ((z₀.₉₇₅ + z₀.₈)·0.3651 / 0.1)² = 104.6 → 105 (the margin 0.02 is below the critical value).
    expect(f1.needed).toBe(105);
    const pass = plan.rows.find((r) => r.metric === 'pass')!;
    expect(pass.binary).toBe(true);
  });

  it('takes the measured spread from a run paired with the baseline', () => {
    const paired = [
      { suite: 'qa', provider: 'openai/x', metric: 'answer.f1', standardError: 0.01, n: 100 },
    ] as MetricComparison[];
    const plan = planSampleSize({
      baseline,
      gate,
      groups: [{ suite: 'qa', provider: 'openai/x' }],
      target: 0.1,
      paired,
    });
    const f1 = plan.rows.find((r) => r.metric === 'answer.f1')!;
    expect(f1).toMatchObject({ source: 'paired-run', sdDiff: expect.closeTo(0.1, 12) });
    expect(f1.needed).toBeLessThan(20);
  });

  it('skips suites the run does not cover', () => {
    const plan = planSampleSize({
      baseline,
      gate,
      groups: [{ suite: 'other', provider: 'openai/x' }],
      target: 0.1,
    });
    expect(plan.rows).toEqual([]);
  });
});
