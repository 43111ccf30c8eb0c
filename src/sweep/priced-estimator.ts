// Prices a sweep variant before it runs: the sweep's own counter says which suite × provider
// calls an earlier variant (or sweep) will already have put in the cache, and the plan
// (plan/estimate-run.ts) prices the rest from the config's price table, the cache as it is now
// and the baseline's measured output lengths. Groups another variant makes first cost $0 here;
// a holdout split scales a group's price by the share of its cases the sweep runs.
import type { ModuleClosers } from '../providers/module/module-closers.js';
import { estimateRun } from '../plan/estimate-run.js';
import type { EstimateVariant } from './estimate-variant.js';

export interface PricedEstimatorOptions {
  env: Readonly<Record<string, string | undefined>>;
  suites?: string[];
  providers?: string[];
  useCache: boolean;
  /** Where the user modules' `close` exports are registered; the sweep closes them at its end. */
  moduleClosers?: ModuleClosers;
}

export function withPlanPrices(count: EstimateVariant, options: PricedEstimatorOptions): EstimateVariant {
  return async (variant) => {
    const counted = await count(variant);
    const priced = await estimateRun({
      loaded: variant.loaded,
      env: options.env,
      suites: options.suites,
      providers: options.providers,
      useCache: options.useCache,
      moduleClosers: options.moduleClosers,
    });
    let costUsd = 0;
    let unpriced = 0;
    let cachedCalls = 0;
    for (const group of counted.groups ?? []) {
      if (group.cachedBySweep) {
        cachedCalls += group.calls;
        continue;
      }
      const plan = priced.groups.find((g) => g.suite === group.suite && g.provider === group.provider);
      if (!plan || plan.modelCalls === 0) continue;
      // What the response cache holds now, looked up with the run's own cache keys.
      const share = group.calls / plan.modelCalls;
      cachedCalls += Math.round(plan.cachedCalls * share);
      costUsd += plan.costUsd * share;
      unpriced += plan.unpricedCalls * share;
    }
    // A call nobody can price is not assumed free: the budget check then asks for --yes.
    return {
      ...counted,
      cachedCalls,
      costUsd: unpriced > 0 ? null : costUsd,
      unpricedCalls: Math.ceil(unpriced - 1e-9),
    };
  };
}
