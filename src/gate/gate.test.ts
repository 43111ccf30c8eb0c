import { describe, expect, it } from 'vitest';
import type { MetricComparison, SuiteSummary, TargetCheck } from '../run/types.js';
import { checkTargets } from './check-targets.js';
import { compareRuns } from './compare-runs.js';
import { decideGate } from './decide-gate.js';
import { judgeRegressions, taroneLevel } from './regression-family.js';

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
  coverage: { failures: [], notAssessed: [] },
  bias: { failures: [], warnings: [], waived: [], notAssessed: [], passed: 0 },
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

  it('fails on coverage and blocking bias failures, and never calls a not-assessed check passed', () => {
    const failing = decideGate({
      ...base,
      summaries: [summary({ 'answer.f1': 0.6 })],
      targets: [],
      coverage: {
        failures: [
          { kind: 'not-measured', suite: 'qa', provider: 'p', metric: 'judge.rubric', message: 'x' },
        ],
        notAssessed: [],
      },
    });
    expect(failing).toMatchObject({ status: 'fail', exitCode: 1, recommendation: 'do-not-ship' });
    const quiet = decideGate({
      ...base,
      summaries: [summary({ 'answer.f1': 0.6 })],
      targets: [],
      coverage: { failures: [], notAssessed: [{ what: 'suite bbq', why: 'left out by --suite' }] },
    });
    expect(quiet.status).toBe('pass');
    // A partial run passes the gate for what it ran, but cannot stand for a release.
    expect(quiet.recommendation).toBe('do-not-ship');
    expect(quiet.reasons.join(' ')).toContain('covered only part of the project (bbq did not run)');
    expect(quiet.reasons.join(' ')).not.toContain('passed');
    expect(quiet.conditions.join(' ')).toContain('suite bbq');
  });

  it('weighs the review share: most predictions sent to people is not a pilot', () => {
    const classify = (share: number) =>
      summary(
        { 'classification.accuracy': 0.66 },
        {
          task: 'classify',
          provider: 'openai/m',
          classification: {
            labels: ['a', 'b'],
            confusion: {},
            perClass: {},
            reviewThreshold: { targetPrecision: 0.9, threshold: 0.8, reviewShare: share },
          },
        },
      );
    const targets: TargetCheck[] = [];
    expect(decideGate({ ...base, summaries: [classify(0.7)], targets }).recommendation).toBe('do-not-ship');
    expect(decideGate({ ...base, summaries: [classify(0.3)], targets }).recommendation).toBe('pilot');
    const fine = decideGate({
      ...base,
      summaries: [classify(0.1)],
      targets: [
        {
          suite: 'qa',
          provider: 'openai/m',
          metric: 'classification.accuracy',
          op: '>=',
          target: 0.6,
          achieved: 0.66,
          pass: true,
        },
      ],
    });
    expect(fine.recommendation).toBe('ship');
  });
});

describe('the regression family', () => {
  it("Tarone's level leaves out tests that cannot reach significance", () => {
    // Eight unchanged metrics (smallest attainable p = 1) and one with 8 discordant cases
    // (½^8): K = 1, so the changed metric is tested at the full α.
    expect(taroneLevel([1, 1, 1, 1, 1, 1, 1, 1, 1 / 256], 0.05)).toMatchObject({ k: 1, level: 0.05 });
    // Continuous tests everywhere: plain Bonferroni.
    expect(taroneLevel([1e-4, 1e-4, 1e-4, 1e-4], 0.05)).toMatchObject({ k: 4, level: 0.0125 });
    // K = 2: at α/1 three tests could reach 0.05 (> 1); at α/2 = 0.025 two can (≤ 2).
    const mixed = taroneLevel([0.001, 0.02, 0.04, 0.5], 0.05);
    expect(mixed).toMatchObject({ k: 2, level: 0.025 });
    expect(mixed.eligible).toEqual([true, true, false, false]);
  });

  it('fails only a drop that is both beyond the margin and at or below the level', () => {
    const judge = (drop: number, p: number) =>
      judgeRegressions(
        [{ margin: 0.02, drop, pValue: p, minAttainableP: 1e-4, standardError: 0.01 }],
        0.05,
      )[0];
    expect(judge(0.05, 0.001).regressed).toBe(true);
    expect(judge(0.05, 0.2).regressed).toBe(false); // not significant: noise
    expect(judge(0.01, 0.001).regressed).toBe(false); // significant but within the margin
    expect(judge(-0.05, 0.001).regressed).toBe(false); // an improvement
    // MDE at the level used: max(margin, z₀.₉₅·SE) + z₀.₈·SE = 0.02 + 0.0084 (margin dominates).
    expect(judge(0.05, 0.001).minimumDetectableEffect).toBeCloseTo(0.02 + 0.841621 * 0.01, 5);
  });

  it('fails the reproduced dilution case: 8 of 169 intent cases flipped to wrong among 9 gated comparisons', () => {
    // On the old rule (two-sided McNemar p 0.0078, Holm over 9 → 0.070) this passed.
    const cases = (fn: (i: number) => number) =>
      Object.fromEntries(Array.from({ length: 169 }, (_, i) => [`c${i}`, fn(i)]));
    const right = cases((i) => (i % 3 === 0 ? 0 : 1));
    const flipped = cases((i) => (i % 3 === 0 || (i % 3 === 1 && i < 24) ? 0 : 1));
    const unchanged = cases((i) => (i % 2 === 0 ? 0.5 : 1));
    const metrics = ['answer.f1', 'retrieval.ndcg@10', 'hallucination.rate'];
    const suites = ['support-qa', 'support-qa-probes', 'retrieval'];
    const baseline: Record<string, Record<string, Record<string, Record<string, number>>>> = {
      intent: { p: { 'classification.accuracy': right } },
    };
    const candidate: typeof baseline = { intent: { p: { 'classification.accuracy': flipped } } };
    for (const suite of suites) {
      baseline[suite] = { p: Object.fromEntries(metrics.map((m) => [m, unchanged])) };
      candidate[suite] = { p: Object.fromEntries(metrics.map((m) => [m, unchanged])) };
    }
    const lost = Object.keys(right).filter((id) => right[id] === 1 && flipped[id] === 0).length;
    expect(lost).toBe(8);
    const out = compareRuns({
      baseline,
      candidate,
      maxDrop: {
        'answer.f1': 0.02,
        'retrieval.ndcg@10': 0.02,
        'hallucination.rate': 0.03,
        'classification.accuracy': 0.03,
      },
      confidence: 0.95,
      resamples: 500,
      seed: 1,
    });
    expect(out.filter((c) => c.margin !== null)).toHaveLength(10);
    const intent = out.find((c) => c.suite === 'intent')!;
    expect(intent.delta).toBeCloseTo(-8 / 169, 10);
    expect(intent.pValue).toBeCloseTo(1 / 256, 12);
    expect(intent.regressed).toBe(true);
    expect(out.filter((c) => c.regressed)).toHaveLength(1);
  });
});

describe('compareRuns', () => {
  const table = (values: Record<string, number>) => ({
    qa: { 'local/extractive': { 'answer.f1': values, 'answer.em': values } },
  });
  it('pairs by case id, lists unmatched cases, and puts only gated metrics in the family', () => {
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
      maxDrop: { 'answer.f1': 0.02 },
      confidence: 0.95,
      resamples: 500,
      seed: 1,
    });
    const f1 = out.find((c) => c.metric === 'answer.f1')!;
    expect(f1.n).toBe(40);
    expect(f1.delta).toBeCloseTo(-0.3, 10);
    expect(f1.onlyInBaseline).toEqual(['only_old']);
    expect(f1.onlyInCandidate).toEqual(['only_new']);
    expect(f1.inFamily).toBe(true);
    expect(f1.adjustedP!).toBeLessThan(0.01); // Monte Carlo floor is 1/(500 + 1)
    expect(f1.regressed).toBe(true);
    const em = out.find((c) => c.metric === 'answer.em')!;
    expect(em.adjustedP).toBeNull();
    expect(em.regressed).toBe(false);
  });

  it('leaves cases whose gold content changed out of the pairing, and counts them', () => {
    const values = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, 1]));
    const out = compareRuns({
      baseline: table(values),
      candidate: table({ ...values, c1: 0, 'c2[gender=female]': 0 }),
      maxDrop: { 'answer.f1': 0.02 },
      changedCases: { qa: new Set(['c1', 'c2']) },
      confidence: 0.95,
      resamples: 200,
      seed: 1,
    });
    const f1 = out.find((c) => c.metric === 'answer.f1')!;
    // c1, c2 and c2's counterfactual variant are left out; 8 unchanged cases are paired.
    expect(f1.n).toBe(8);
    expect(f1.changedCasesLeftOut).toBe(3);
    expect(f1.delta).toBe(0);
  });
});
