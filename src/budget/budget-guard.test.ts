// The guard's arithmetic on its own: reservations for calls in flight, the stop that holds once
// reached, free calls that still run, the cost rate it learns, and what it reports.
import { describe, expect, it } from 'vitest';
import type { JobEstimate } from '../plan/estimate-jobs.js';
import { createBudgetGuard, type GuardedJob } from './budget-guard.js';

const estimate = (caseId: string, costUsd: number | null, cached = false): JobEstimate => ({
  suite: 'qa',
  caseId,
  provider: 'openai/x',
  repeat: 0,
  paid: true,
  cached,
  inputTokens: 1,
  outputTokens: 1,
  outputSource: 'baseline',
  contextBounded: false,
  costUsd,
});
const job = (caseId: string): GuardedJob => ({
  suite: { config: { name: 'qa' } },
  variant: { evalCase: { id: caseId } },
  model: { id: 'openai/x' },
  repeat: 0,
});

describe('createBudgetGuard', () => {
  it('a resumed run starts from what the interrupted one spent, not from zero', () => {
    const fresh = createBudgetGuard({ maxCostUsd: 1, estimates: [estimate('a', 0.4), estimate('b', 0.4)] });
    expect([fresh.admit(job('a')), fresh.admit(job('b'))]).toEqual([true, true]);
    const resumed = createBudgetGuard({ maxCostUsd: 1, estimates: [estimate('a', 0.4), estimate('b', 0.4)] });
    resumed.spentBefore(0.5);
    expect([resumed.admit(job('a')), resumed.admit(job('b'))]).toEqual([true, false]);
    expect(resumed.summary()).toMatchObject({ spentUsd: 0.5, stopped: true });
  });

  it('counts calls in flight, stops for good at the first call that would cross, and lets free calls run', () => {
    const guard = createBudgetGuard({
      maxCostUsd: 1,
      estimates: [
        estimate('a', 0.4),
        estimate('b', 0.4),
        estimate('c', 0.4),
        estimate('d', 0, true),
        estimate('e', 0.1),
      ],
    });
    expect(guard.admit(job('a'))).toBe(true);
    expect(guard.admit(job('b'))).toBe(true); // 0.8 reserved
    expect(guard.admit(job('c'))).toBe(false); // 0.8 + 0.4 > 1, although nothing is spent yet
    expect(guard.admit(job('d'))).toBe(true); // cached: costs nothing
    guard.settle(job('a'), { cached: false, costUsd: 0.1 }); // cheaper than estimated
    expect(guard.admit(job('e'))).toBe(false); // stopped means stopped: no paid call after the stop
    guard.settle(job('b'), { cached: false, costUsd: null }); // no recorded cost: the estimate counts
    guard.settle(job('d'), { cached: true, costUsd: 0.5 });
    expect(guard.summary()).toEqual({
      maxCostUsd: 1,
      estimatedCostUsd: 1.3,
      spentUsd: 0.5,
      costRatio: 0.25, // a settled with 0.1 against 0.4; b (no cost) and d (cached) teach nothing
      stopped: true,
      notRun: [{ suite: 'qa', provider: 'openai/x', caseIds: ['c', 'e'] }],
    });
  });

  it('learns how far actual cost runs ahead of the estimate, per provider, and never from cheaper calls', () => {
    const at = (caseId: string, provider: string): GuardedJob => ({
      ...job(caseId),
      model: { id: provider },
    });
    const est = (caseId: string, provider: string): JobEstimate => ({ ...estimate(caseId, 0.1), provider });
    const make = () =>
      createBudgetGuard({
        maxCostUsd: 1,
        estimates: ['a', 'b', 'c', 'd'].flatMap((id) => [est(id, 'openai/x'), est(id, 'openai/y')]),
      });
    // x bills 3× its estimate: after two calls (0.6 spent), the third would take 0.3 more (0.9 ≤ 1),
    // the fourth 0.3 more again (1.2 > 1): stop, although 0.9 + 0.1 estimated would fit.
    const ahead = make();
    for (const id of ['a', 'b', 'c']) {
      expect(ahead.admit(at(id, 'openai/x'))).toBe(true);
      ahead.settle(at(id, 'openai/x'), { cached: false, costUsd: 0.3 });
    }
    expect(ahead.admit(at('d', 'openai/x'))).toBe(false);
    expect(ahead.summary()).toMatchObject({ spentUsd: 0.9, costRatio: 3, stopped: true });
    // A provider that ran ahead once, then on plan: the ratio is over all its settled calls.
    const onPlan = make();
    for (const id of ['a', 'b', 'c']) {
      expect(onPlan.admit(at(id, 'openai/y'))).toBe(true);
      onPlan.settle(at(id, 'openai/y'), { cached: false, costUsd: 0.3 * (id === 'a' ? 1 : 0) + 0.1 });
    }
    // y: a cost 0.4 (4×), b and c 0.1 each: ratio 0.6 / 0.3 = 2; spent 0.6; d: 0.6 + 0.2 ≤ 1.
    expect(onPlan.admit(at('d', 'openai/y'))).toBe(true);
    // Cheaper than estimated never makes room: ratio floored at 1.
    const cheap = make();
    cheap.spentBefore(0.85);
    cheap.settle(at('a', 'openai/x'), { cached: false, costUsd: 0.01 });
    expect(cheap.admit(at('b', 'openai/x'))).toBe(true); // 0.85 + 0.01 + 0.1 ≤ 1
    expect(cheap.admit(at('c', 'openai/x'))).toBe(false); // 0.96 + 0.1 > 1 (not 0.96 + 0.01)
    // A provider with no settled call yet borrows what the others taught (x ran 3× ahead).
    const borrow = make();
    borrow.admit(at('a', 'openai/x'));
    borrow.settle(at('a', 'openai/x'), { cached: false, costUsd: 0.3 });
    borrow.spentBefore(0.5); // 0.8 spent
    expect(borrow.admit(at('a', 'openai/y'))).toBe(false); // 0.8 + 3 × 0.1 > 1; 0.8 + 0.1 would fit
  });

  it('counts the calls in flight at the rate learned after they were admitted', () => {
    // Concurrency 4, a provider billing 3× its 0.1 estimates, limit 0.95.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const make = () => createBudgetGuard({ maxCostUsd: 0.95, estimates: ids.map((id) => estimate(id, 0.1)) });
    const guard = make();
    for (const id of ['a', 'b', 'c', 'd']) expect(guard.admit(job(id))).toBe(true); // 0.4 planned: fits
    guard.settle(job('a'), { cached: false, costUsd: 0.3 }); // now the rate is 3
    // 0.3 spent + b, c, d in flight at 3 × 0.1 + e at 0.3 = 1.5 > 0.95 (unscaled: 0.3 + 0.3 + 0.3 fits).
    expect(guard.admit(job('e'))).toBe(false);
    for (const id of ['b', 'c', 'd']) guard.settle(job(id), { cached: false, costUsd: 0.3 });
    // Only what was in flight before the rate showed is over the limit; nothing admitted after.
    expect(guard.summary()).toMatchObject({ spentUsd: 1.2, costRatio: 3, stopped: true });
    // Must not flip: on-plan bills (rate 1) leave room for e while b, c, d are in flight.
    const onPlan = make();
    for (const id of ['a', 'b', 'c', 'd']) onPlan.admit(job(id));
    onPlan.settle(job('a'), { cached: false, costUsd: 0.1 });
    expect(onPlan.admit(job('e'))).toBe(true); // 0.1 + 0.3 + 0.1 ≤ 0.95
  });

  it('does not stop when every call fits exactly', () => {
    const guard = createBudgetGuard({ maxCostUsd: 1, estimates: [estimate('a', 0.5), estimate('b', 0.5)] });
    expect(guard.admit(job('a'))).toBe(true);
    expect(guard.admit(job('b'))).toBe(true);
    expect(guard.summary()).toMatchObject({ stopped: false, notRun: [] });
  });

  it('holds judge calls to the limit, learns their rate apart, and stops them after the stop', () => {
    const guard = createBudgetGuard({ maxCostUsd: 1, estimates: [estimate('a', 0.2), estimate('b', 0.2)] });
    expect(guard.admit(job('a'))).toBe(true);
    const first = guard.reserve('openai/judge', 0.1)!;
    expect(first).not.toBeNull();
    guard.release(first, 0.4); // the judge bills 4× its plan
    // 0.4 spent + a in flight 0.2 + the next judge call at 4 × 0.1 = 1.0 ≤ 1: admitted.
    const second = guard.reserve('openai/judge', 0.1)!;
    expect(second).not.toBeNull();
    // 0.4 + 0.2 + 0.4 held + b at 0.2 (answers' own rate: nothing learned, 1) > 1: stopped.
    expect(guard.admit(job('b'))).toBe(false);
    guard.release(second, null); // no recorded cost: its scaled plan counts (0.4)
    guard.settle(job('a'), { cached: false, costUsd: 0.5, judge: { costUsd: 0.3 } }); // own part 0.2
    expect(guard.reserve('openai/judge', 0.01)).toBeNull(); // after the stop: no judge call
    expect(guard.reserve('openai/judge', 0)).not.toBeNull(); // unpriced: never held back
    const summary = guard.summary();
    expect(summary.spentUsd).toBeCloseTo(1.0, 12); // 0.4 + 0.4 + 0.2, the judge's 0.3 not twice
    expect(summary.costRatio).toBe(1); // answers on plan; the judge's 4× is kept apart
    expect(summary.judgeNotRun).toEqual({ provider: 'openai/judge', calls: 1 });
    expect(summary.notRun).toEqual([{ suite: 'qa', provider: 'openai/x', caseIds: ['b'] }]);
  });
});
