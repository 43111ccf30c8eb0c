import { describe, expect, it } from 'vitest';
import type { MetricComparison, SuiteSummary, TargetCheck } from '../run/types.js';
import { checkTargets } from './check-targets.js';
import { compareRuns } from './compare-runs.js';
import { decideGate } from './decide-gate.js';

function summary(metrics: Record<string, number | null>, extra: Partial<SuiteSummary> = {}): SuiteSummary {
  return {
    suite: 'qa',
    task: 'rag-qa',
    provider: 'local/extractive',
    model: 'extractive',
    promptVersion: 'p@v1#x',
    cases: 100,
    errors: 0,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([k, v]) => [
        k,
        { value: v, low: v, high: v, n: 100, kind: 'mean' as const },
      ]),
    ),
    cost: { totalUsd: 0, perCaseUsd: 0, inputTokens: 0, outputTokens: 0, estimatedCases: 0 },
    ...extra,
  };
}

const base = {
  comparisons: [] as MetricComparison[],
  biasRows: [],
  maxDrop: { 'answer.f1': 0.02 },
  confidence: 0.95,
  maxErrorRate: 0.1,
  hasBaseline: true,
};

describe('checkTargets', () => {
  it('checks >= and <= per provider and fails a metric the suite did not produce', () => {
    const checks = checkTargets([summary({ 'answer.f1': 0.6, 'hallucination.rate': 0.1 })], {
      qa: { 'answer.f1': '>= 0.55', 'hallucination.rate': '<= 0.05', 'answer.f2': '>= 0.1' },
    });
    expect(checks.map((c) => [c.metric, c.pass])).toEqual([
      ['answer.f1', true],
      ['hallucination.rate', false],
      ['answer.f2', false],
    ]);
  });
});

describe('decideGate', () => {
  it('passes with everything in order', () => {
    const decision = decideGate({ ...base, summaries: [summary({ 'answer.f1': 0.6 })], targets: [] });
    expect(decision).toMatchObject({ status: 'pass', exitCode: 0, failures: [] });
  });

  it('fails on a missed target (exit 1) and recommends not shipping', () => {
    const targets: TargetCheck[] = [
      {
        suite: 'qa',
        provider: 'local/extractive',
        metric: 'answer.f1',
        op: '>=',
        target: 0.7,
        achieved: 0.6,
        pass: false,
      },
    ];
    const decision = decideGate({ ...base, summaries: [summary({ 'answer.f1': 0.6 })], targets });
    expect(decision.status).toBe('fail');
    expect(decision.exitCode).toBe(1);
    expect(decision.recommendation).toBe('do-not-ship');
    expect(decision.failures[0].message).toBe('target >= 0.7 missed: achieved 0.600');
  });

  it('fails only on a drop that is both beyond the margin and significant', () => {
    const comparison = (delta: number, p: number): MetricComparison => ({
      suite: 'qa',
      provider: 'local/extractive',
      metric: 'answer.f1',
      baseline: 0.6,
      candidate: 0.6 + delta,
      delta,
      low: delta - 0.01,
      high: delta + 0.01,
      pValue: p,
      adjustedP: p,
      test: 'sign-flip',
      n: 100,
      minimumDetectableEffect: 0.03,
      higherIsBetter: true,
      onlyInBaseline: [],
      onlyInCandidate: [],
    });
    const run = (c: MetricComparison) =>
      decideGate({
        ...base,
        summaries: [summary({ 'answer.f1': c.candidate })],
        targets: [],
        comparisons: [c],
      });
    expect(run(comparison(-0.05, 0.001)).status).toBe('fail');
    expect(run(comparison(-0.05, 0.2)).status).toBe('pass'); // not significant: noise
    expect(run(comparison(-0.05, 0.2)).recommendation).toBe('pilot');
    expect(run(comparison(-0.01, 0.001)).status).toBe('pass'); // significant but within the margin
    expect(run(comparison(+0.05, 0.001)).status).toBe('pass'); // an improvement
    expect(run(comparison(-0.05, 0.001)).failures[0].message).toContain('baseline 0.600 → candidate 0.550');
  });

  it('treats provider errors above the allowed share as a runtime failure (exit 3)', () => {
    const decision = decideGate({
      ...base,
      summaries: [summary({ 'answer.f1': 0.6 }, { errors: 20 })],
      targets: [],
    });
    expect(decision).toMatchObject({ status: 'error', exitCode: 3 });
    expect(decision.failures[0].message).toBe(
      '20 of 100 cases failed with provider errors (20.0% > allowed 10.0%)',
    );
  });
});

describe('decideGate: runs that cannot be judged', () => {
  it('counts the error share over results, so repeats do not inflate it', () => {
    // 12 failed calls out of 412 (206 cases × 2 repeats) = 2.9 %, under a 5 % limit.
    const decision = decideGate({
      ...base,
      maxErrorRate: 0.05,
      summaries: [summary({ 'answer.f1': 0.6 }, { cases: 206, results: 412, errors: 12 })],
      targets: [],
    });
    expect(decision.status).toBe('pass');
  });

  it('fails when a suite with targets did not run, and when a gated metric can never be compared', () => {
    const decision = decideGate({
      ...base,
      summaries: [summary({ 'answer.f1': 0.6 })],
      targets: [],
      missingSuites: ['intent'],
      ungatedMetrics: ['latency.p95_ms'],
    });
    expect(decision.status).toBe('fail');
    expect(decision.failures.map((f) => [f.suite, f.metric])).toEqual([
      ['intent', '(suite)'],
      ['(all)', 'latency.p95_ms'],
    ]);
    expect(decision.failures[0].message).toBe(
      'has targets but did not run: no provider was available for it',
    );
  });
});

describe('compareRuns', () => {
  const table = (values: Record<string, number>) => ({
    qa: { 'local/extractive': { 'answer.f1': values, 'answer.em': values } },
  });
  it('pairs by case id, lists unmatched cases and Holm-adjusts only gated metrics', () => {
    const baseline: Record<string, number> = {};
    const candidate: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      baseline[`c${i}`] = 0.8;
      candidate[`c${i}`] = 0.5;
    }
    baseline.only_old = 1;
    candidate.only_new = 1;
    const out = compareRuns({
      baseline: table(baseline),
      candidate: table(candidate),
      gatedMetrics: ['answer.f1'],
      confidence: 0.95,
      resamples: 500,
      seed: 1,
    });
    const f1 = out.find((c) => c.metric === 'answer.f1')!;
    expect(f1.n).toBe(40);
    expect(f1.delta).toBeCloseTo(-0.3, 10);
    expect(f1.onlyInBaseline).toEqual(['only_old']);
    expect(f1.onlyInCandidate).toEqual(['only_new']);
    expect(f1.adjustedP).not.toBeNull();
    expect(f1.adjustedP!).toBeLessThan(0.01); // Monte Carlo floor is 1/(500 + 1)
    expect(out.find((c) => c.metric === 'answer.em')!.adjustedP).toBeNull();
  });
});
