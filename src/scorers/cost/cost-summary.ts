// Cost of a suite run: total USD, mean per case, tokens, and how many cases had their token
// counts estimated locally (tiktoken) because the provider reported no usage.

export interface CostItem {
  /** null when the model has no price (unknown model, local model). */
  costUsd: number | null;
  inputTokens?: number;
  outputTokens?: number;
  /** True when the token counts were estimated rather than reported. */
  estimated?: boolean;
}

export interface CostSummary {
  cases: number;
  pricedCases: number;
  /** null when no case has a price. */
  totalUsd: number | null;
  /** Total over the priced cases, divided by them. */
  meanUsdPerCase: number | null;
  inputTokens: number;
  outputTokens: number;
  estimatedTokenCases: number;
}

export function costSummary(items: readonly CostItem[]): CostSummary {
  let total = 0;
  let priced = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let estimated = 0;
  for (const item of items) {
    if (item.costUsd !== null && Number.isFinite(item.costUsd)) {
      total += item.costUsd;
      priced++;
    }
    inputTokens += item.inputTokens ?? 0;
    outputTokens += item.outputTokens ?? 0;
    if (item.estimated) estimated++;
  }
  return {
    cases: items.length,
    pricedCases: priced,
    totalUsd: priced === 0 ? null : total,
    meanUsdPerCase: priced === 0 ? null : total / priced,
    inputTokens,
    outputTokens,
    estimatedTokenCases: estimated,
  };
}
