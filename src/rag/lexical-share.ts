// A BM25 query handed to a vector store's split-phase search, so that the store's search thread
// ranks part of the documents while this thread ranks the rest (bm25-top-k.ts ranges, merged by
// merge-top-k.ts). The postings live in SharedArrayBuffers: the thread reads them, never a copy.
import type { Scored } from './top-k.js';

/** A BM25 index's postings and per-document norms, each backed by a SharedArrayBuffer. */
export interface SharedPostings {
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
  /** k1·(1 − b + b·dl/avgdl) per document. */
  norms: Float64Array;
  k1: number;
}

export interface LexicalShare {
  postings: SharedPostings;
  /** Query terms and their weights (qtf · idf), in query order: the order each score is summed in. */
  terms: Int32Array;
  weights: Float64Array;
  k: number;
  /** Documents in the index (document ids are 0 .. size - 1). */
  size: number;
  /** The exact top k of documents from ≤ d < to, on this thread. */
  searchRange(from: number, to: number): Scored[];
  /**
   * Set by a store's `startSearch` when it takes the query: its finish function then sets `hits`,
   * the top k over all documents (the same list and scores as the BM25 index's own search).
   */
  taken?: boolean;
  hits?: Scored[];
}

/** Whether a typed array's memory can be read by another thread without a copy. */
export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

/** A copy of `array` in shared memory (or `array` itself when it already is). */
export function toShared<T extends Uint32Array | Float64Array>(array: T): T {
  if (isShared(array)) return array;
  const Type = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new Type(new SharedArrayBuffer(array.byteLength));
  out.set(array);
  return out;
}
