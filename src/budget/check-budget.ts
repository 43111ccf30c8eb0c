// The spending limit that applies (the flag over the config) and the refusal of a run — or a
// sweep of runs — whose estimate is above it, or that would pay for calls it cannot price,
// unless the user confirmed it. The one home of this check: eval, --resume and sweep refuse with
// the same words and exit code.
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
  /** The estimate of what will be paid; null when it cannot be priced at all. */
  estimatedUsd: number | null;
  /**
   * Paid (uncached) calls the estimate cannot price (a model missing from the price table). A
   * plan that cannot price what it will pay for is not assumed to be cheap: it needs `--yes`.
   */
  unpricedCalls?: number;
  /** `--yes`. */
  confirmed: boolean;
  /**
   * Whether `--yes` may start a run estimated above the limit (default true). False for a batch:
   * it is billed whole and cannot stop at the limit, so only a higher limit starts it, and the
   * message does not offer --yes. `--yes` still starts a batch with unpriced calls.
   */
  yesStartsOverEstimate?: boolean;
  configFile: string;
  /** What is being started, e.g. "run" or "sweep of 6 variants". */
  what?: string;
  /** Part of `estimatedUsd` already spent (a resumed run's interrupted part), said in the message. */
  priorSpentUsd?: number;
}

/** Throws a one-line input error (exit 2) when the run may not start without `--yes`. */
export function refuseOverBudget(options: RefuseOverBudgetOptions): void {
  const { limit } = options;
  const yesOverEstimate = options.yesStartsOverEstimate ?? true;
  if (options.confirmed && yesOverEstimate) return;
  const unpriced = options.unpricedCalls ?? 0;
  const where = {
    code: 'BUDGET_EXCEEDED',
    file: limit.from === 'config' ? options.configFile : undefined,
    field: limit.from === 'config' ? 'budget.max_cost_usd' : '--max-cost-usd',
  };
  const what = options.what ? ` of this ${options.what}` : '';
  if (unpriced > 0 && !options.confirmed)
    throw new InputError({
      ...where,
      message: `${unpriced} model call${unpriced === 1 ? '' : 's'}${what} would be paid for at a price this estimate does not know (add the model under \`pricing:\`), so it cannot be held to the budget $${limit.maxCostUsd}; pass --yes to start anyway`,
    });
  // null with nothing unpriced: nothing to pay for.
  if (options.estimatedUsd === null || options.estimatedUsd <= limit.maxCostUsd) return;
  const prior = options.priorSpentUsd
    ? ` ($${options.priorSpentUsd.toFixed(4)} already spent by the interrupted run + $${(options.estimatedUsd - options.priorSpentUsd).toFixed(4)} for the remaining cases)`
    : '';
  throw new InputError({
    ...where,
    message: `the estimated cost $${options.estimatedUsd.toFixed(4)}${what}${prior} is above the budget $${limit.maxCostUsd}; ${yesOverEstimate ? 'raise it, or pass --yes to start anyway (the run stops before crossing it)' : 'raise it (--yes cannot start it: it would be billed whole)'}`,
  });
}
