// The embedder port.
export interface Embedder {
  /** e.g. `local/hash@512` or `openai/text-embedding-3-small`; part of index and cache keys. */
  readonly id: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
