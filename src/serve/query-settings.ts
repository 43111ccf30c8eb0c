// The settings that change what a served request returns without changing the index: how many
// passages are retrieved and how (mode, fusion, MMR, reranker, search depth), the context budget,
// and each served suite's labels and decline phrases. `baseline accept` stores them beside the
// index key and `serve` refuses to start when today's differ (training/serving skew).
import type { EvalConfig } from '../config/schema.js';
import { defaultRetrievalMode } from '../rag/default-retrieval-mode.js';

/** Flat `setting → value` pairs, so a difference names the one setting that moved. */
export type QuerySettings = Record<string, string>;

export function querySettings(config: EvalConfig, suites: readonly string[]): QuerySettings {
  const out: QuerySettings = {};
  const rag = config.rag;
  if (rag) {
    const r = rag.retrieve;
    out['rag.retrieve.mode'] = r.mode ?? defaultRetrievalMode(rag.embedder);
    out['rag.retrieve.k'] = String(r.k);
    out['rag.retrieve.rrf_k'] = String(r.rrf_k);
    out['rag.retrieve.lexical_weight'] = String(r.lexical_weight);
    out['rag.retrieve.mmr_lambda'] = String(r.mmr_lambda ?? 'none');
    out['rag.retrieve.rerank'] = r.rerank ?? 'none';
    out['rag.context_budget_tokens'] = String(rag.context_budget_tokens);
    out['rag.hnsw.ef_search'] = String(rag.hnsw.ef_search);
    out['rag.pgvector.ef_search'] = String(rag.pgvector.ef_search);
  }
  for (const name of [...suites].sort()) {
    const suite = config.suites.find((s) => s.name === name);
    if (!suite) continue;
    out[`suites.${name}.labels`] = JSON.stringify(suite.labels ?? null);
    out[`suites.${name}.decline_phrases`] = JSON.stringify(suite.decline_phrases ?? null);
  }
  return out;
}

/** One line per setting that differs (a setting the baseline lacks counts as different). */
export function querySettingDifferences(now: QuerySettings, accepted: QuerySettings): string[] {
  return Object.keys(now)
    .sort()
    .filter((key) => now[key] !== accepted[key])
    .map((key) => `${key}: baseline ${accepted[key] ?? 'not recorded'}, now ${now[key]}`);
}
