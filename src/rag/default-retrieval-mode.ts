// The retrieval mode when the config names none. The offline embedders (local/hash, local/lsa)
// are lexical stand-ins, not semantic models: on the held-out corpus (bench/heldout-water) fusing
// them with BM25 lost to BM25 alone (nDCG@10 −0.049 with local/hash, −0.005 with local/lsa), and
// weighting the BM25 list up to 3× in the fusion did not close the gap (docs/metrics.md). So BM25
// alone unless a semantic (API) embedder is configured, where fusion is what it is for.
import type { RetrievalMode } from './retriever.js';

export function defaultRetrievalMode(embedderId: string): RetrievalMode {
  return embedderId.startsWith('local/') ? 'bm25' : 'hybrid';
}
