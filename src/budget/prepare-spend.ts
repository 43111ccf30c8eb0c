// Spend control before the first call: estimate the run with the plan (the same requests, the
// same cache), say the estimate in one line when the run will pay for calls, refuse a run whose
// estimate is above its limit unless the user confirmed it (`--yes`), and hand back the guard
// that holds the run under the limit while it runs.
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
  /** The case selection (--shard, --limit, …): only these jobs are estimated. */
  include?: (job: CaseJob) => boolean;
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
  if (!options.suites.some((s) => s.models.some((m) => isPaidFamily(m.provider)))) return null;
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
  if (estimate.paidCalls === 0) return null;
  if (announce) options.onNote?.(estimateLine(estimate));
  if (limit === null) return { estimate, guard: null };
  refuseOverBudget({
    limit,
    estimatedUsd: estimate.costUsd,
    // A batch is submitted whole and billed whole, so it cannot stop at the limit: --yes
    // (which means "spend up to the budget") cannot start one that is estimated above it.
    confirmed: (options.spend?.confirmed ?? false) && !batch,
    configFile: options.configFile,
    what: batch ? 'batch (submitted whole, so it cannot stop at the budget)' : undefined,
  });
  return { estimate, guard: createBudgetGuard({ maxCostUsd: limit.maxCostUsd, estimates: jobs }) };
}
