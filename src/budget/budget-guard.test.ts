// The guard's arithmetic on its own: reservations for calls in flight, the stop that holds once
// reached, free calls that still run, and what it reports; and the refusal before a run.
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import type { JobEstimate } from '../plan/estimate-jobs.js';
import { createBudgetGuard, type GuardedJob } from './budget-guard.js';
import { budgetLimit, refuseOverBudget } from './check-budget.js';

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
      stopped: true,
      notRun: [{ suite: 'qa', provider: 'openai/x', caseIds: ['c', 'e'] }],
    });
  });

  it('does not stop when every call fits exactly', () => {
    const guard = createBudgetGuard({ maxCostUsd: 1, estimates: [estimate('a', 0.5), estimate('b', 0.5)] });
    expect(guard.admit(job('a'))).toBe(true);
    expect(guard.admit(job('b'))).toBe(true);
    expect(guard.summary()).toMatchObject({ stopped: false, notRun: [] });
  });
});

describe('refuseOverBudget', () => {
  it('takes the flag over the config and refuses in one line naming where the limit came from', () => {
    expect(budgetLimit({ budget: { max_cost_usd: 5 } }, undefined)).toEqual({
      maxCostUsd: 5,
      from: 'config',
    });
    expect(budgetLimit({ budget: { max_cost_usd: 5 } }, 2)).toEqual({ maxCostUsd: 2, from: 'flag' });
    expect(budgetLimit({}, undefined)).toBeNull();
    const limit = { maxCostUsd: 5, from: 'config' as const };
    expect(() =>
      refuseOverBudget({
        limit,
        estimatedUsd: 6,
        confirmed: false,
        configFile: 'eval/e.yaml',
        what: 'sweep of 6 variants',
      }),
    ).toThrow(
      new InputError({
        code: 'BUDGET_EXCEEDED',
        file: 'eval/e.yaml',
        field: 'budget.max_cost_usd',
        message:
          'the estimated cost $6.0000 of this sweep of 6 variants is above the budget $5; raise it, or pass --yes to start anyway (the run stops before crossing it)',
      }),
    );
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: 6, confirmed: true, configFile: 'x' }),
    ).not.toThrow();
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: 5, confirmed: false, configFile: 'x' }),
    ).not.toThrow();
  });
});
