import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { checkBudget } from './check-budget.js';

describe('checkBudget', () => {
  it('refuses above the budget unless told yes, and passes at or below it', () => {
    const plan = { modelCalls: 100, cachedCalls: 20, costUsd: 0.51 };
    expect(() => checkBudget(plan, { maxCostUsd: 0.5 })).toThrow(InputError);
    expect(() => checkBudget(plan, { maxCostUsd: 0.5 })).toThrow(
      '--max-cost-usd: estimated cost $0.5100 is above the budget of $0.5: add --yes to run anyway',
    );
    expect(() => checkBudget(plan, { maxCostUsd: 0.5, yes: true })).not.toThrow();
    expect(() => checkBudget(plan, { maxCostUsd: 0.51 })).not.toThrow();
    expect(() => checkBudget(plan, {})).not.toThrow();
  });

  it('does not treat an unpriced plan as free unless every call is cached', () => {
    expect(() => checkBudget({ modelCalls: 10, cachedCalls: 4, costUsd: null }, { maxCostUsd: 100 })).toThrow(
      '6 model calls to make whose cost this estimate cannot price',
    );
    expect(() =>
      checkBudget({ modelCalls: 10, cachedCalls: 10, costUsd: null }, { maxCostUsd: 0 }),
    ).not.toThrow();
  });
});
