// The spending limit that applies (the flag over the config) and the refusal of a run — or a
// sweep of runs — whose estimate is above it, unless the user confirmed it. One home, so eval
// and sweep refuse with the same words and exit code.
import type { EvalConfig } from '../config/schema.js';
import { InputError } from '../core/errors.js';

export interface BudgetLimit {
  maxCostUsd: number;
  /** Where the limit came from, for the refusal message. */
  from: 'flag' | 'config';
}

/** `--max-cost-usd` wins over `budget.max_cost_usd`; null when neither is set. */
export function budgetLimit(
  config: Pick<EvalConfig, 'budget'>,
  flag: number | undefined,
): BudgetLimit | null {
  if (flag !== undefined) return { maxCostUsd: flag, from: 'flag' };
  const fromConfig = config.budget?.max_cost_usd;
  return fromConfig !== undefined ? { maxCostUsd: fromConfig, from: 'config' } : null;
}

export interface RefuseOverBudgetOptions {
  limit: BudgetLimit;
  estimatedUsd: number;
  /** `--yes`. */
  confirmed: boolean;
  configFile: string;
  /** What is being started, e.g. "run" or "sweep of 6 variants". */
  what?: string;
  /** Part of `estimatedUsd` already spent (a resumed run's interrupted part), said in the message. */
  priorSpentUsd?: number;
}

/** Throws a one-line input error (exit 2) when the estimate is above the limit and not confirmed. */
export function refuseOverBudget(options: RefuseOverBudgetOptions): void {
  const { limit } = options;
  if (options.confirmed || options.estimatedUsd <= limit.maxCostUsd) return;
  throw new InputError({
    code: 'BUDGET_EXCEEDED',
    file: limit.from === 'config' ? options.configFile : undefined,
    field: limit.from === 'config' ? 'budget.max_cost_usd' : '--max-cost-usd',
    message: `the estimated cost $${options.estimatedUsd.toFixed(4)}${options.what ? ` of this ${options.what}` : ''}${options.priorSpentUsd ? ` ($${options.priorSpentUsd.toFixed(4)} already spent by the interrupted run + $${(options.estimatedUsd - options.priorSpentUsd).toFixed(4)} for the remaining cases)` : ''} is above the budget $${limit.maxCostUsd}; raise it, or pass --yes to start anyway (the run stops before crossing it)`,
  });
}
