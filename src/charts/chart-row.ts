// The fields of a result the per-case charts (recall curve, latency distribution, cost
// breakdown) read. Report writers hand the charts these small rows, streamed out of
// results.jsonl, rather than whole results.
import type { CaseResult } from '../run/types.js';

export type ChartRow = Pick<CaseResult, 'suite' | 'provider' | 'latencyMs' | 'costUsd' | 'relevantDocs'> & {
  rerank?: { costUsd: number | null };
  judge?: { costUsd: number | null };
  retrieval?: { docs: string[] };
};

/** Just the chart fields of a result (so the rest of it can be dropped). */
export function toChartRow(r: CaseResult): ChartRow {
  const row: ChartRow = { suite: r.suite, provider: r.provider, latencyMs: r.latencyMs, costUsd: r.costUsd };
  if (r.relevantDocs) row.relevantDocs = r.relevantDocs;
  if (r.rerank) row.rerank = { costUsd: r.rerank.costUsd };
  if (r.judge) row.judge = { costUsd: r.judge.costUsd };
  if (r.retrieval) row.retrieval = { docs: r.retrieval.docs };
  return row;
}
