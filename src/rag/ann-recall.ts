// Measures the vector store under test, not just the retriever: a seeded sample of the dense
// searches a run makes is repeated exactly (brute force), and the store's recall@k against it
// is reported, together with every search that returned fewer rows than it asked for and the
// store holds (pgvector's HNSW scan can stop early), so a short list is counted, never silent.
import { sha256 } from '../core/hash.js';
import type { VectorHit, VectorStore } from './vector-store.js';

export interface AnnRecallReport {
  store: VectorStore['kind'];
  k: number;
  /** Searches repeated exactly; recall is averaged over them. */
  sampledSearches: number;
  /** Mean |approx top k ∩ exact top k| / |exact top k|; null when nothing was sampled. */
  recallAtK: number | null;
  /** Searches that returned fewer than min(asked, stored) rows. */
  shortResults: number;
  /** Queries behind the short results (first 20). */
  shortQueries: string[];
}

export interface AnnRecallOptions {
  k: number;
  /** Share of searches repeated exactly, chosen by a hash of the query vector (deterministic). */
  sampleRate: number;
  /** At most this many exact searches per run, bounding their cost on large corpora. */
  maxSamples?: number;
  exact(vector: Float32Array, k: number): VectorHit[] | Promise<VectorHit[]>;
  /** The query being searched (for naming short results), when known. */
  currentQuery?: () => string | undefined;
}

export interface MeteredStore {
  store: VectorStore;
  report(): AnnRecallReport;
  /** Whether a search made for `query` came back short (needs `currentQuery`). */
  isShort(query: string): boolean;
}

function sampled(vector: Float32Array, rate: number): boolean {
  const digest = sha256(new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
  return Number.parseInt(digest.slice(0, 8), 16) / 2 ** 32 < rate;
}

export function withAnnRecall(inner: VectorStore, options: AnnRecallOptions): MeteredStore {
  const { k } = options;
  const maxSamples = options.maxSamples ?? 200;
  let samples = 0;
  let recallSum = 0;
  let short = 0;
  const shortQueries: string[] = [];
  const shortSet = new Set<string>();
  const store: VectorStore = {
    kind: inner.kind,
    get size() {
      return inner.size;
    },
    add: (vectors) => inner.add(vectors),
    save: (dir) => inner.save(dir),
    ...(inner.vector ? { vector: (label: number) => inner.vector!(label) } : {}),
    ...(inner.vectorsOf ? { vectorsOf: (labels: readonly number[]) => inner.vectorsOf!(labels) } : {}),
    async search(vector, n) {
      return meter(vector, n, await inner.search(vector, n));
    },
  };
  // The split-phase search stays split, so a retriever still overlaps its BM25 with the store.
  const { startSearch } = inner;
  if (startSearch) {
    store.startSearch = (vector, n, lexical) => {
      const finish = startSearch.call(inner, vector, n, lexical);
      return async () => meter(vector, n, await finish());
    };
  }
  async function meter(vector: Float32Array, n: number, hits: VectorHit[]): Promise<VectorHit[]> {
    if (hits.length < Math.min(n, inner.size)) {
      short++;
      const query = options.currentQuery?.();
      if (query !== undefined && !shortSet.has(query)) {
        shortSet.add(query);
        if (shortQueries.length < 20) shortQueries.push(query);
      }
    }
    if (samples < maxSamples && sampled(vector, options.sampleRate)) {
      samples++;
      const truth = await options.exact(vector, k);
      const top = new Set(hits.slice(0, k).map((h) => h.label));
      recallSum += truth.length === 0 ? 1 : truth.filter((h) => top.has(h.label)).length / truth.length;
    }
    return hits;
  }
  return {
    store,
    report: () => ({
      store: inner.kind,
      k,
      sampledSearches: samples,
      recallAtK: samples > 0 ? recallSum / samples : null,
      shortResults: short,
      shortQueries: [...shortQueries],
    }),
    isShort: (query) => shortSet.has(query),
  };
}
