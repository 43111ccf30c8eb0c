// Chooses the exact-search oracle for a store's ANN-recall line: pgvector repeats the query with
// index scans off; hnswlib is checked against brute force over its own stored vectors (built on
// the first sampled search). An exact store needs no line: its recall is 1 by construction.
import type { MeteredStore } from '../rag/ann-recall.js';
import { withAnnRecall } from '../rag/ann-recall.js';
import type { VectorStore } from '../rag/vector-store.js';
import { createExactStore } from '../rag/vector-stores/exact-store.js';
import type { PgvectorStore } from '../pgvector/pgvector-store.js';

/** Share of a run's dense searches repeated exactly (at most 200 of them). */
export const ANN_RECALL_SAMPLE_RATE = 0.25;

export function meterAnnRecall(
  store: VectorStore,
  k: number,
  currentQuery: () => string | undefined,
  sampleRate = ANN_RECALL_SAMPLE_RATE,
): MeteredStore | undefined {
  if (store.kind === 'pgvector') {
    const pg = store as PgvectorStore;
    return withAnnRecall(store, {
      k,
      sampleRate,
      exact: (vector, n) => pg.exactSearch(vector, n),
      currentQuery,
    });
  }
  if (store.kind === 'hnsw' && store.vector) {
    let oracle: ReturnType<typeof createExactStore> | undefined;
    return withAnnRecall(store, {
      k,
      sampleRate,
      exact: (vector, n) => {
        if (!oracle) {
          // One preallocated matrix: at 100k chunks a list of per-row arrays plus a store growing
          // by doubling would briefly hold the vectors two to three times over.
          const dimension = vector.length;
          const matrix = new Float32Array(store.size * dimension);
          // In batches: one round trip per batch to a store's search thread, not one per vector.
          const BATCH = 1024;
          for (let from = 0; from < store.size; from += BATCH) {
            const labels = Array.from({ length: Math.min(BATCH, store.size - from) }, (_, i) => from + i);
            const rows = store.vectorsOf ? store.vectorsOf(labels) : labels.map((l) => store.vector!(l));
            rows.forEach((row, i) => matrix.set(row, (from + i) * dimension));
          }
          oracle = createExactStore({ dimension }, matrix);
        }
        return oracle.search(vector, n);
      },
      currentQuery,
    });
  }
  return undefined;
}
