// One step shared by every index build (in process and pgvector): the texts the embedder sees
// for the chunks, and the embedder itself, fitted on those texts first when it learns from the
// corpus (local/lsa), with the fit reported as a progress phase.
import type { Embedder } from './embedder.js';
import { type EmbedderFactory, toEmbedderFactory } from './embedder-factory.js';
import { embeddingText, type IndexProgress } from './rag-index.js';
import type { Chunk } from './types.js';

export interface FittedEmbedder {
  factory: EmbedderFactory;
  /** Per chunk, in order: what is embedded. */
  texts: string[];
  /** The fitted state (saved with the index), when the embedder learns from the corpus. */
  state: Uint8Array | undefined;
  embedder: Embedder;
}

export function fitEmbedder(
  chunks: readonly Chunk[],
  embedderOrFactory: Embedder | EmbedderFactory,
  onProgress?: (event: IndexProgress) => void,
): FittedEmbedder {
  const factory = toEmbedderFactory(embedderOrFactory);
  const texts = chunks.map((chunk) => embeddingText(chunk, factory));
  let state: Uint8Array | undefined;
  if (factory.fit) {
    onProgress?.({ phase: 'fit', done: 0, total: 1 });
    state = factory.fit(texts);
    onProgress?.({ phase: 'fit', done: 1, total: 1 });
  }
  return { factory, texts, state, embedder: factory.create(state) };
}
