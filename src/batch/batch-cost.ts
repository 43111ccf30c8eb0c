// What the batch discount saved in a run: wraps the run's per-call pricing and, for every call
// billed at the batch price (usage.batch, from this run's batches or from the cache), adds up the
// price paid and the list price the same tokens would have cost. Pure bookkeeping; the discount
// itself is applied once, in providers/pricing.ts.
import type { TokenUsage } from '../providers/language-model.js';

export interface BatchCostSummary {
  /** Calls billed at the batch price. */
  calls: number;
  /** Of those, calls whose model has no price (left out of the sums). */
  unpricedCalls: number;
  costUsd: number;
  listCostUsd: number;
  savingUsd: number;
}

export type CallPricer = (model: string, usage: TokenUsage | undefined) => number | null;

export interface BatchCostMeter {
  costUsd: CallPricer;
  /** null when no call of the run was billed at the batch price. */
  summary(): BatchCostSummary | null;
}

export function meterBatchCost(price: CallPricer): BatchCostMeter {
  let calls = 0;
  let unpriced = 0;
  let paid = 0;
  let list = 0;
  return {
    costUsd(model, usage) {
      const cost = price(model, usage);
      if (!usage?.batch) return cost;
      calls++;
      const listCost = price(model, { ...usage, batch: false });
      if (cost === null || listCost === null) unpriced++;
      else {
        paid += cost;
        list += listCost;
      }
      return cost;
    },
    summary: () =>
      calls === 0
        ? null
        : { calls, unpricedCalls: unpriced, costUsd: paid, listCostUsd: list, savingUsd: list - paid },
  };
}
