// The retriever over a RagIndex: dense (vector store), bm25, or hybrid (reciprocal-rank fusion of
// both candidate lists), then an optional re-ranker and optional MMR diversity, then the top k.
// Ties are broken by chunk order (doc id, then chunk number) at every stage, so the same index
// and query always give the same list.
import type { Embedder } from './embedder.js';
import type { LexicalShare } from './lexical-share.js';
import { maximalMarginalRelevance } from './mmr.js';
import type { RagIndex } from './rag-index.js';
import { reciprocalRankFusion } from './rrf.js';
import type { Scored } from './top-k.js';
import type { RetrievedChunk, Retriever } from './types.js';

export type RetrievalMode = 'dense' | 'bm25' | 'hybrid';

export interface RetrieverOptions {
  index: Pick<RagIndex, 'chunks' | 'vectors' | 'bm25' | 'embedder'>;
  /** Query embedder; defaults to the index's own (it must embed as the chunks were embedded). */
  embedder?: Embedder;
  mode?: RetrievalMode;
  k?: number;
  /** RRF constant; 60 is the value from the original paper and the common default. */
  rrfK?: number;
  /** Weight of the BM25 list in hybrid fusion (the dense list weighs 1); default 1, plain RRF. */
  lexicalWeight?: number;
  /** Candidates taken from each first-stage list; default max(50, 4k). */
  candidatePool?: number;
  /** Diversity re-ranking over the candidates' vectors; lambda 1 = no diversity. */
  mmr?: { lambda: number };
  /** Re-orders (and may re-score) the fused candidates, e.g. a cross-encoder. */
  rerank?: (query: string, chunks: RetrievedChunk[]) => Promise<RetrievedChunk[]>;
}

export function createRetriever(options: RetrieverOptions): Retriever {
  const { index, mode = 'hybrid', rrfK = 60, mmr, rerank } = options;
  const embedder = options.embedder ?? index.embedder;
  const defaultK = options.k ?? 5;
  let labels: Map<string, number> | undefined;
  const labelOf = (chunkId: string): number | undefined => {
    labels ??= new Map(index.chunks.map((chunk, i) => [chunk.id, i]));
    return labels.get(chunkId);
  };
  /**
   * The candidates' stored vectors for MMR, fetched together on first use, with one round trip
   * where the store can (`vectorsOf`: a store's search thread holds half of them).
   */
  const vectorsFor = (candidates: readonly Scored[]): ((label: number) => Float32Array) => {
    let byLabel: Map<number, Float32Array> | undefined;
    return (label) => {
      if (!byLabel) {
        const store = index.vectors;
        const labels = candidates.map((c) => c.label);
        let vectors: Float32Array[] | undefined;
        if (store.vectorsOf) vectors = store.vectorsOf(labels);
        else if (store.vector) vectors = labels.map((l) => store.vector!(l));
        if (!vectors) throw new TypeError(`the ${store.kind} store cannot return vectors, which MMR needs`);
        const rows = vectors;
        byLabel = new Map(labels.map((l, i) => [l, rows[i]]));
      }
      return byLabel.get(label)!;
    };
  };

  return {
    async retrieve(query, callOptions) {
      const k = callOptions?.k ?? defaultK;
      if (k <= 0) return [];
      const pool = Math.max(k, options.candidatePool ?? Math.max(50, 4 * k));
      const lists: Scored[][] = [];
      // The dense search is started before BM25 and finished after it: a store that searches
      // part of its graphs on another thread (startSearch) does so while BM25 runs here.
      const vector = mode === 'bm25' ? undefined : await embedQuery(query);
      // A hybrid query offers its BM25 side to a store that searches on another thread: the store
      // may rank half of the documents there (lexical-share.ts), with the same hits.
      const share =
        mode === 'hybrid' && vector && index.vectors.startSearch
          ? index.bm25.share?.(query, pool)
          : undefined;
      // From here to finishDense() nothing awaits: another retrieval's search cannot come between.
      const finishDense = vector === undefined ? undefined : startDense(vector, pool, share);
      let lexical: Scored[] | undefined;
      try {
        if (mode !== 'dense' && !share?.taken)
          lexical = index.bm25.search(query, pool).map((hit) => ({ label: hit.index, score: hit.score }));
      } finally {
        // Finished even when BM25 failed, so the store's other thread is not left holding a reply.
        if (finishDense) lists.push(await finishDense());
      }
      if (share?.taken) {
        if (!share.hits) throw new Error('the vector store took the BM25 side of the query and gave no hits');
        lexical = share.hits;
      }
      if (lexical) lists.push(lexical);
      let candidates =
        mode === 'hybrid'
          ? reciprocalRankFusion(
              lists.map((list) => list.map((c) => c.label)),
              rrfK,
              [1, options.lexicalWeight ?? 1],
            )
          : lists[0];
      if (rerank) {
        const reranked = await rerank(query, toRetrieved(candidates));
        candidates = reranked
          .map((r) => ({ label: labelOf(r.chunk.id) ?? -1, score: r.score }))
          .filter((c) => c.label >= 0);
      }
      const chosen = mmr
        ? maximalMarginalRelevance({ candidates, vectorOf: vectorsFor(candidates), k, lambda: mmr.lambda })
        : candidates.slice(0, k);
      return toRetrieved(chosen);
    },
  };

  /** The query's vector, or null when it has no features (only stopwords: similar to nothing). */
  async function embedQuery(query: string): Promise<Float32Array | null> {
    const [vector] = await embedder.embed([query]);
    return !vector || vector.every((x) => x === 0) ? null : vector;
  }

  /** Starts the dense search; the returned function finishes it. */
  function startDense(
    vector: Float32Array | null,
    pool: number,
    lexical: LexicalShare | undefined,
  ): () => Scored[] | Promise<Scored[]> {
    if (!vector) return () => [];
    const store = index.vectors;
    if (store.startSearch) return store.startSearch(vector, pool, lexical);
    // A database store's query is sent now and answered while BM25 runs.
    const pending = store.search(vector, pool);
    return () => pending;
  }

  function toRetrieved(scored: readonly Scored[]): RetrievedChunk[] {
    return scored.map((s, i) => ({ chunk: index.chunks[s.label], score: s.score, rank: i + 1 }));
  }
}
