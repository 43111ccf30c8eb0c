// The vector-store port: cosine similarity search over L2-normalised vectors.
export interface VectorHit {
  /** Position of the vector in insertion order (== chunk index in the index). */
  label: number;
  /** Cosine similarity, higher is better. */
  score: number;
}

export interface VectorStore {
  readonly kind: 'hnsw' | 'exact';
  readonly size: number;
  add(vectors: Float32Array[]): void;
  search(vector: Float32Array, k: number): VectorHit[];
  /** The stored (unit-length) vector of a label, for diversity re-ranking (MMR); optional. */
  vector?(label: number): Float32Array;
  save(dir: string): Promise<void>;
}
