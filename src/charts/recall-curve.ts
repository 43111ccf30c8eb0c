// recall@k for k = 1…maxK per suite × provider, derived from the per-case rankings in
// results.jsonl (the record keeps only the configured k). Follows the project's trec_eval
// conventions: relevant means grade > 0, cases without a judged relevant document are skipped,
// and a ranking shorter than k simply stops adding hits (the curve flattens at the depth that
// was actually retrieved).
import type { ChartRow } from './chart-row.js';
import { recallAtK } from '../scorers/retrieval/recall-at-k.js';
import { relevantCount } from '../scorers/retrieval/ranking-input.js';

export interface RecallPoint {
  series: string;
  k: number;
  recall: number;
  cases: number;
}

export interface RecallCurve {
  points: RecallPoint[];
  /** Deepest ranking seen per series: beyond it recall cannot grow. */
  depth: Record<string, number>;
}

export function recallCurve(results: Iterable<ChartRow>, maxK = 20): RecallCurve {
  const groups = new Map<string, { ranked: string[]; relevant: Record<string, number> }[]>();
  const judged: ChartRow[] = [];
  for (const r of results)
    if (r.retrieval && r.relevantDocs && relevantCount(r.relevantDocs) > 0) judged.push(r);
  // The provider is named only when there is more than one, to keep legends short.
  const manyProviders = new Set(judged.map((r) => r.provider)).size > 1;
  for (const r of judged) {
    if (!r.retrieval || !r.relevantDocs) continue;
    const series = manyProviders ? `${r.suite} · ${r.provider}` : r.suite;
    const list = groups.get(series) ?? [];
    list.push({ ranked: Array.from(new Set(r.retrieval.docs)), relevant: r.relevantDocs });
    groups.set(series, list);
  }
  const points: RecallPoint[] = [];
  const depth: Record<string, number> = {};
  for (const series of [...groups.keys()].sort()) {
    const cases = groups.get(series) ?? [];
    depth[series] = Math.max(...cases.map((c) => c.ranked.length));
    for (let k = 1; k <= maxK; k++) {
      let sum = 0;
      for (const c of cases) sum += recallAtK({ ranked: c.ranked, relevant: c.relevant, k }) ?? 0;
      points.push({ series, k, recall: sum / cases.length, cases: cases.length });
    }
  }
  return { points, depth };
}
