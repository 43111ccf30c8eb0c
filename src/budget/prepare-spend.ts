// Spend control before the first call: estimate the run with the plan (the same requests, the
// same cache), say the estimate in one line when the run will pay for calls, refuse a run whose
// estimate is above its limit unless the user confirmed it (`--yes`), and hand back the guard
// that holds the run under the limit while it runs. A resumed run counts what the interrupted
// one spent in both.
import type { CaseJob } from '../pipeline/run-case.js';
import type { EvalConfig } from '../config/schema.js';
import type { PreparedSuite } from '../pipeline/prepared-suite.js';
import { estimateJobs, isPaidFamily, retrievalIsFree, type RetrievalForPlan } from '../plan/estimate-jobs.js';
import { providerRateLimits } from '../plan/provider-rate-limits.js';
import { estimateLine } from '../plan/render-plan.js';
import { summarizeEstimate, type RunEstimate } from '../plan/summarize-estimate.js';
import { usageProfile } from '../plan/usage-profile.js';
import type { PriceTable } from '../providers/pricing.js';
import type { ResponseCache } from '../providers/response-cache.js';
import type { Baseline } from '../run/types.js';
import { createBudgetGuard, type BudgetGuard } from './budget-guard.js';
import { budgetLimit, refuseOverBudget } from './check-budget.js';

export interface SpendOptions {
  /** `--max-cost-usd`: overrides `budget.max_cost_usd`. */
  maxCostUsd?: number;
  /** `--yes`: start even though the estimate is above the limit (the run still stops at it). */
  confirmed?: boolean;
  /** Print the estimate before a paid run (off with --quiet). */
  announce?: boolean;
  /** Batch pricing for the estimate. */
  batch?: boolean;
}

export interface PrepareSpendOptions {
  spend: SpendOptions | undefined;
  config: EvalConfig;
  configFile: string;
  suites: PreparedSuite[];
  repeat: number;
  concurrency: number;
  retrieval: RetrievalForPlan | null;
  cache: ResponseCache | null;
  prices: PriceTable;
  baseline: Baseline | null;
  /** The case selection (--shard, --limit, …) less what a resumed run wrote: only these jobs are estimated. */
  include?: (job: CaseJob) => boolean;
  /**
   * `--resume`: what the interrupted run already spent. The refusal compares it plus the estimate
   * of the remaining cases with the limit, and the guard starts from it.
   */
  priorSpentUsd?: number;
  onNote?: (line: string) => void;
}

export interface PreparedSpend {
  estimate: RunEstimate;
  /** null without a limit: the estimate was only said. */
  guard: BudgetGuard | null;
}

export async function prepareSpend(options: PrepareSpendOptions): Promise<PreparedSpend | null> {
  const { config } = options;
  const limit = budgetLimit(config, options.spend?.maxCostUsd);
  const announce = options.spend?.announce ?? false;
  // Nothing to say and nothing to hold: skip the estimate (a 100k-case run pays for it in CPU).
  if (limit === null && !announce) return null;
  // A paid judge is paid for even when every answer is cached or free: its calls are guarded.
  const paidJudge = config.judge !== 'none' && isPaidFamily(config.judge.split('/')[0]);
  if (!paidJudge && !options.suites.some((s) => s.models.some((m) => isPaidFamily(m.provider)))) return null;
  const profile = usageProfile(options.baseline);
  const batch = options.spend?.batch ?? false;
  const jobs = await estimateJobs({
    suites: options.suites,
    repeat: options.repeat,
    retrieval: retrievalIsFree(config.rag) ? options.retrieval : null,
    rag: config.rag,
    cache: options.cache,
    prices: options.prices,
    profile,
    batch,
    include: options.include,
  });
  const estimate = summarizeEstimate(jobs, {
    profile,
    concurrency: options.concurrency,
    rateLimits: (id) => {
      const provider = config.providers.find((p) => p.id === id);
      return provider ? providerRateLimits(provider) : {};
    },
    batch,
  });
  const prior = options.priorSpentUsd ?? 0;
  // A resumed run with nothing left to pay for still reports what it spent against its limit.
  if (estimate.paidCalls === 0 && !paidJudge && (prior === 0 || limit === null)) return null;
  if (announce && estimate.paidCalls > 0)
    options.onNote?.(
      `${estimateLine(estimate)}${prior > 0 ? ` (remaining cases; the interrupted run spent $${prior.toFixed(4)})` : ''}`,
    );
  if (limit === null) return { estimate, guard: null };
  refuseOverBudget({
    limit,
    estimatedUsd: prior + estimate.costUsd,
    // Only billed providers: a local or your own model has no price because it costs nothing.
    unpricedCalls: jobs.filter((j) => j.paid && !j.cached && j.costUsd === null).length,
    priorSpentUsd: prior,
    confirmed: options.spend?.confirmed ?? false,
    // A batch is submitted whole and billed whole, so it cannot stop at the limit: --yes
    // (which means "spend up to the budget") cannot start one that is estimated above it. It
    // does start one with unpriced calls (the user accepts what the estimate cannot price).
    yesStartsOverEstimate: !batch,
    configFile: options.configFile,
    what: batch ? 'batch (submitted whole, so it cannot stop at the budget)' : undefined,
  });
  const guard = createBudgetGuard({ maxCostUsd: limit.maxCostUsd, estimates: jobs });
  if (prior > 0) guard.spentBefore(prior);
  return { estimate, guard };
}
