// The vector-store port: cosine similarity search over L2-normalised vectors. In-process stores
// (exact, hnswlib) answer synchronously; a database store (pgvector) answers with promises, so
// callers of the port await both.
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
  /** The stored (unit-length) vector of a label, for diversity re-ranking (MMR); optional. */
  vector?(label: number): Float32Array;
  save(dir: string): Promise<void>;
}

/** A store in this process's memory: synchronous, and saved to the index directory. */
export interface InProcessVectorStore extends VectorStore {
  readonly kind: 'hnsw' | 'exact';
  add(vectors: Float32Array[]): void;
  search(vector: Float32Array, k: number): VectorHit[];
}
