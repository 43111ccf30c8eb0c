// Builds the in-memory retrieval index for a corpus: chunks, their vectors (HNSW or exact),
// a BM25 index over the same chunks, and the embedder (with any corpus-fitted state).
// Persistence lives in index-store.ts; the build-or-reuse decision in build-or-load-index.ts.
import { RuntimeFailure } from '../core/errors.js';
import { createBm25Index } from './bm25.js';
import type { Bm25Index, Bm25Options } from './bm25.js';
import { chunkDocument, validateChunking } from './chunker.js';
import type { ChunkingOptions } from './chunker.js';
import { corpusHash } from './corpus-loader.js';
import type { Embedder } from './embedder.js';
import { fitEmbedder } from './fit-embedder.js';
import type { EmbedderFactory } from './embedder-factory.js';
import type { Tokenizer } from './tokenizer.js';
import type { Chunk, CorpusDocument } from './types.js';
import type { InProcessVectorStore, VectorStore } from './vector-store.js';
import { createExactStore } from './vector-stores/exact-store.js';
import { buildHnswStore } from './vector-stores/build-hnsw-store.js';
import type { HnswParams } from './vector-stores/hnsw-store.js';
import { hnswFallbackNote, probeHnswlib } from './vector-stores/hnswlib-loader.js';
import type { HnswlibLoader } from './vector-stores/hnswlib-loader.js';

export interface RagIndex {
  /** In corpus order: doc id, then chunk number. A chunk's position is its vector label. */
  chunks: Chunk[];
  vectors: VectorStore;
  bm25: Bm25Index;
  /** Embeds queries exactly as the chunks were embedded. */
  embedder: Embedder;
  /** Corpus-fitted embedder state (the hash embedder's IDF table), persisted with the index. */
  embedderState?: Uint8Array;
  corpusHash: string;
  /** Why the store is not the one asked for (hnswlib-node missing → exact), when it is not. */
  storeFallback?: string;
}

/** An index whose vectors live in this process (saved with the index directory). */
export type LocalRagIndex = RagIndex & { vectors: InProcessVectorStore };

export type StoreKind = 'auto' | 'hnsw' | 'exact';

export interface VectorStoreOptions extends HnswParams {
  /** `auto`: exact search below EXACT_STORE_MAX_CHUNKS chunks (perfect recall, sub-ms), else HNSW. */
  kind?: StoreKind;
  /** How hnswlib-node is loaded; tests inject a failing loader to simulate a machine without it. */
  loadHnswlib?: HnswlibLoader;
}

/** Below this many chunks a brute-force scan is as fast as HNSW and has perfect recall. */
export const EXACT_STORE_MAX_CHUNKS = 2000;

export type IndexPhase = 'load-corpus' | 'chunk' | 'fit' | 'embed' | 'vectors' | 'bm25' | 'save' | 'load';

export interface IndexProgress {
  phase: IndexPhase;
  done: number;
  total: number;
}

export interface BuildRagIndexOptions {
  documents: readonly CorpusDocument[];
  /** Computed from the documents when not given. */
  corpusHash?: string;
  chunking: ChunkingOptions;
  embedder: Embedder | EmbedderFactory;
  store?: VectorStoreOptions;
  bm25?: Bm25Options;
  tokenizer?: Tokenizer;
  /** Texts per embed call; bounds memory and request size for API embedders. */
  embedBatchSize?: number;
  onProgress?: (event: IndexProgress) => void;
}

/** What the embedder sees of a chunk; the same title + text BM25 indexes when the factory asks for it. */
export function embeddingText(chunk: Chunk, factory: Pick<EmbedderFactory, 'withTitle'>): string {
  return factory.withTitle && chunk.title ? `${chunk.title}\n${chunk.text}` : chunk.text;
}

export async function buildRagIndex(options: BuildRagIndexOptions): Promise<LocalRagIndex> {
  const { documents, chunking, onProgress } = options;
  validateChunking(chunking);
  const chunks: Chunk[] = [];
  documents.forEach((doc, i) => {
    for (const chunk of chunkDocument(doc, { ...chunking, tokenizer: options.tokenizer })) chunks.push(chunk);
    onProgress?.({ phase: 'chunk', done: i + 1, total: documents.length });
  });
  const { texts, state: embedderState, embedder } = fitEmbedder(chunks, options.embedder, onProgress);

  const { dimension } = embedder;
  // `let`: handed over to the vector store below, so this function stops holding it.
  let matrix: Float32Array | undefined = new Float32Array(texts.length * dimension);
  const batchSize = Math.max(1, options.embedBatchSize ?? 512);
  for (let from = 0; from < texts.length; from += batchSize) {
    const batch = texts.slice(from, from + batchSize);
    const embedded = await embedder.embed(batch);
    if (embedded.length !== batch.length) {
      throw new RuntimeFailure(
        'EMBEDDER_BAD_RESPONSE',
        `${embedder.id} returned ${embedded.length} vectors for ${batch.length} texts`,
      );
    }
    embedded.forEach((vector, i) => {
      if (vector.length !== dimension) {
        throw new RuntimeFailure(
          'EMBEDDER_BAD_RESPONSE',
          `${embedder.id} returned a ${vector.length}-dimensional vector, expected ${dimension}`,
        );
      }
      matrix?.set(vector, (from + i) * dimension);
    });
    onProgress?.({ phase: 'embed', done: Math.min(from + batchSize, texts.length), total: texts.length });
  }
  onProgress?.({ phase: 'vectors', done: 0, total: 1 });
  const count = texts.length;
  const handOver = (): Float32Array => {
    const all = matrix as Float32Array;
    matrix = undefined;
    return all;
  };
  const { store: vectors, fallback } = await createVectorStore(
    options.store ?? {},
    dimension,
    count,
    handOver,
  );
  onProgress?.({ phase: 'vectors', done: 1, total: 1 });

  onProgress?.({ phase: 'bm25', done: 0, total: 1 });
  const bm25 = createBm25Index(
    chunks.map((chunk) => ({ id: chunk.id, text: chunk.text, title: chunk.title })),
    options.bm25,
  );
  onProgress?.({ phase: 'bm25', done: 1, total: 1 });
  return {
    chunks,
    vectors,
    bm25,
    embedder,
    ...(embedderState ? { embedderState } : {}),
    corpusHash: options.corpusHash ?? corpusHash(documents),
    ...(fallback ? { storeFallback: fallback } : {}),
  };
}

export function resolveStoreKind(kind: StoreKind | undefined, chunkCount: number): 'hnsw' | 'exact' {
  if (kind === 'hnsw' || kind === 'exact') return kind;
  return chunkCount < EXACT_STORE_MAX_CHUNKS ? 'exact' : 'hnsw';
}

async function createVectorStore(
  options: VectorStoreOptions,
  dimension: number,
  count: number,
  handOver: () => Float32Array,
): Promise<{ store: InProcessVectorStore; fallback?: string }> {
  let fallback: string | undefined;
  if (resolveStoreKind(options.kind, count) === 'hnsw') {
    const probe = probeHnswlib(options.loadHnswlib);
    if (probe.ok) return { store: await buildHnswStore({ ...options, dimension, vectors: handOver }) };
    fallback = hnswFallbackNote(probe.reason);
  }
  const matrix = handOver();
  const store = createExactStore({ dimension }, new Float32Array(0));
  const rows: Float32Array[] = [];
  for (let i = 0; i < count; i++) rows.push(matrix.subarray(i * dimension, (i + 1) * dimension));
  store.add(rows);
  return { store, ...(fallback ? { fallback } : {}) };
}
