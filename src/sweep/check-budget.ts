// The spend check before a sweep starts. Above the budget the sweep needs an explicit yes; a
// plan that cannot price the calls it would pay for is not assumed to be cheap.
import { InputError } from '../core/errors.js';
import type { SweepPlan } from './run-sweep.js';

export interface BudgetOptions {
  /** `--max-cost-usd` (or the config's budget); undefined means no limit. */
  maxCostUsd?: number;
  /** `--yes`: start anyway. */
  yes?: boolean;
}

/** Returns when the sweep may start; throws a one-line input error (exit 2) when it may not. */
export function checkBudget(
  plan: Pick<SweepPlan, 'modelCalls' | 'cachedCalls' | 'costUsd'>,
  options: BudgetOptions,
): void {
  const limit = options.maxCostUsd;
  if (limit === undefined || options.yes) return;
  const paid = plan.modelCalls - plan.cachedCalls;
  if (plan.costUsd !== null ? plan.costUsd <= limit : paid === 0) return;
  throw new InputError({
    code: 'BUDGET_EXCEEDED',
    field: '--max-cost-usd',
    message:
      plan.costUsd === null
        ? `${paid} model calls to make whose cost this estimate cannot price, with a budget of $${limit}: add --yes to run anyway`
        : `estimated cost $${plan.costUsd.toFixed(4)} is above the budget of $${limit}: add --yes to run anyway`,
  });
}
