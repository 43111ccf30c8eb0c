// The vector-store port: cosine similarity search over L2-normalised vectors. In-process stores
// (exact, hnswlib) answer synchronously; a database store (pgvector) answers with promises, so
// callers of the port await both.
import type { LexicalShare } from './lexical-share.js';

export interface VectorHit {
  /** Position of the vector in insertion order (== chunk index in the index). */
  label: number;
  /** Cosine similarity, higher is better. */
  score: number;
}

export interface VectorStore {
  readonly kind: 'hnsw' | 'exact' | 'pgvector';
  readonly size: number;
  add(vectors: Float32Array[]): void | Promise<void>;
  search(vector: Float32Array, k: number): VectorHit[] | Promise<VectorHit[]>;
  /**
   * Split-phase search, for a store that searches part of its data on another thread: starts
   * that part and returns the function that finishes the search, so the caller can do other work
   * (the retriever's BM25) meanwhile. The result is the same as `search(vector, k)`. Call the
   * returned function before using the store again; a store may otherwise drop the reply.
   * Optional: callers fall back to `search`. With `lexical` (a hybrid query's BM25 side), a store
   * may rank part of its documents on its other thread: it then sets `lexical.taken` at once, and
   * `lexical.hits` (the same list as the BM25 index's own search) when the search finishes.
   */
  startSearch?(
    vector: Float32Array,
    k: number,
    lexical?: LexicalShare,
  ): () => VectorHit[] | Promise<VectorHit[]>;
  /** The stored (unit-length) vector of a label, for diversity re-ranking (MMR); optional. */
  vector?(label: number): Float32Array;
  /**
   * The stored vectors of many labels, in the order given: one round trip for a store that holds
   * some of them on another thread (MMR's candidates, the ANN-recall oracle). Optional: callers
   * fall back to `vector` per label.
   */
  vectorsOf?(labels: readonly number[]): Float32Array[];
  save(dir: string): Promise<void>;
}

/** A store in this process's memory: synchronous, and saved to the index directory. */
export interface InProcessVectorStore extends VectorStore {
  readonly kind: 'hnsw' | 'exact';
  add(vectors: Float32Array[]): void;
  search(vector: Float32Array, k: number): VectorHit[];
  startSearch?(vector: Float32Array, k: number, lexical?: LexicalShare): () => VectorHit[];
}
