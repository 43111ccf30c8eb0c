// The embedder-factory port: how an index build gets an embedder whose behaviour may depend on
// the corpus (the offline hash embedder learns IDF weights). `fit` runs once at build time; its
// bytes are stored with the index and handed back to `create` when the index is loaded, so
// queries are embedded exactly as the corpus was.
import type { Embedder } from './embedder.js';

export interface EmbedderFactory {
  /** The id of the embedders it creates, e.g. `local/hash@512`. */
  readonly id: string;
  readonly dimension: number;
  /**
   * Embed each chunk as `title + "\n" + text`, the text BM25 indexes, instead of the chunk text
   * alone. Off by default so existing embedders keep their vectors.
   */
  readonly withTitle?: boolean;
  /**
   * Bumped whenever the embedder's vectors change for the same id (a new feature, a new
   * weighting). It is part of the index key, so an index built by older code is rebuilt
   * instead of being reused with vectors the new code would not produce.
   */
  readonly algorithmVersion?: number;
  /** Learns corpus-dependent state from the chunk texts; opaque bytes owned by the factory. */
  fit?(texts: readonly string[]): Uint8Array;
  create(state?: Uint8Array): Embedder;
}

/** A ready embedder (e.g. an API embedder) is a factory without corpus state. */
export function toEmbedderFactory(source: Embedder | EmbedderFactory): EmbedderFactory {
  if ('embed' in source) {
    return { id: source.id, dimension: source.dimension, create: () => source };
  }
  return source;
}
