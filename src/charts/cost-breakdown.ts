// Cost per suite and per kind of call (answer, judge, rerank), derived from results.jsonl.
// A result's costUsd already includes its rerank and judge costs, so the answer share is the
// remainder. Unpriced calls (costUsd null) are counted so the chart can say so, not as $0.
import type { ChartRow } from './chart-row.js';

export type CallKind = 'answer' | 'judge' | 'rerank';

export interface CostBar {
  suite: string;
  kind: CallKind;
  usd: number;
}

export interface CostBreakdown {
  bars: CostBar[];
  totalUsd: number;
  /** Results whose cost could not be priced (no price for the model). */
  unpriced: number;
}

export function costBreakdown(results: Iterable<ChartRow>): CostBreakdown {
  const sums = new Map<string, Record<CallKind, number>>();
  let unpriced = 0;
  for (const r of results) {
    const row = sums.get(r.suite) ?? { answer: 0, judge: 0, rerank: 0 };
    sums.set(r.suite, row);
    if (r.costUsd === null) {
      unpriced++;
      continue;
    }
    const rerank = r.rerank?.costUsd ?? 0;
    const judge = r.judge?.costUsd ?? 0;
    row.rerank += rerank;
    row.judge += judge;
    row.answer += Math.max(0, r.costUsd - rerank - judge);
  }
  const bars: CostBar[] = [];
  let totalUsd = 0;
  for (const suite of [...sums.keys()].sort()) {
    const row = sums.get(suite) as Record<CallKind, number>;
    for (const kind of ['answer', 'judge', 'rerank'] as const) {
      bars.push({ suite, kind, usd: row[kind] });
      totalUsd += row[kind];
    }
  }
  return { bars, totalUsd, unpriced };
}
