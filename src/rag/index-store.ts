// Saves and loads a RagIndex as a directory of files: manifest.json (what the index was built
// from), chunks.json, bm25.bin (postings as typed-array columns), hnsw.bin or vectors.bin, and
// embedder.bin (corpus-fitted embedder state). Everything numeric is binary so a 10k-chunk index
// loads in tens of milliseconds.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RuntimeFailure } from '../core/errors.js';
import { readColumns, writeColumns } from './binary-columns.js';
import { restoreBm25Index } from './bm25.js';
import type { Bm25Norms, Bm25State } from './bm25.js';
import type { Bm25AnalyzerName } from '../text/bm25-analyzers.js';
import type { ChunkingOptions } from './chunker.js';
import type { EmbedderFactory } from './embedder-factory.js';
import type { LocalRagIndex, StoreKind } from './rag-index.js';
import type { Chunk } from './types.js';
import type { InProcessVectorStore } from './vector-store.js';
import { loadExactStore } from './vector-stores/exact-store.js';
import { loadHnswStore } from './vector-stores/hnsw-store.js';

export const INDEX_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
const CHUNKS_FILE = 'chunks.json';
const BM25_FILE = 'bm25.bin';
const EMBEDDER_STATE_FILE = 'embedder.bin';

/** Everything an index depends on; two builds with equal inputs produce equal indexes. */
export interface IndexInputs {
  formatVersion: number;
  corpusHash: string;
  chunking: ChunkingOptions & { tokenizer: string };
  embedder: {
    id: string;
    dimension: number;
    fitted: boolean;
    withTitle?: boolean;
    algorithmVersion?: number;
  };
  store: {
    kind: StoreKind;
    m: number;
    efConstruction: number;
    seed: number;
    shardSize: number;
    maxShards: number;
  };
  bm25: { k1: number; b: number; analyzer: Bm25AnalyzerName; norms: Bm25Norms };
  versions: Record<string, string>;
}

export interface IndexManifest {
  /** sha256 of the stable JSON of `inputs`. */
  key: string;
  inputs: IndexInputs;
  /** The store actually built (`auto` resolved by chunk count). */
  storeKind: 'hnsw' | 'exact';
  /** Set when `storeKind` is not what was asked for, e.g. exact because hnswlib-node is missing. */
  storeFallback?: string;
  documentCount: number;
  chunkCount: number;
}

const storeLoaders = {
  hnsw: (dir, dimension, efSearch) => loadHnswStore(dir, { dimension, efSearch }),
  exact: (dir, dimension) => loadExactStore(dir, { dimension }),
} satisfies Record<
  IndexManifest['storeKind'],
  (dir: string, dimension: number, efSearch?: number) => Promise<InProcessVectorStore>
>;

export async function saveRagIndex(
  index: LocalRagIndex,
  dir: string,
  manifest: IndexManifest,
): Promise<void> {
  const state = index.bm25.toState();
  await Promise.all([
    writeFile(join(dir, CHUNKS_FILE), JSON.stringify(index.chunks)),
    writeColumns(
      join(dir, BM25_FILE),
      {
        version: state.version,
        k1: state.k1,
        b: state.b,
        analyzer: state.analyzer,
        norms: state.norms,
        ids: state.ids,
        terms: state.terms,
      },
      {
        offsets: state.offsets,
        docs: state.docs,
        freqs: state.freqs,
        lengths: state.lengths,
      },
    ),
    index.vectors.save(dir),
    index.embedderState ? writeFile(join(dir, EMBEDDER_STATE_FILE), index.embedderState) : Promise.resolve(),
  ]);
  // Last, so a directory with a manifest is always complete.
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<IndexManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
  } catch {
    return undefined;
  }
}

export interface LoadRagIndexOptions {
  /** Must be the factory (or embedder) the index was built with; its id is checked. */
  embedder: EmbedderFactory;
  efSearch?: number;
}

export async function loadRagIndex(
  dir: string,
  manifest: IndexManifest,
  options: LoadRagIndexOptions,
): Promise<LocalRagIndex> {
  const { inputs } = manifest;
  if (
    options.embedder.id !== inputs.embedder.id ||
    options.embedder.dimension !== inputs.embedder.dimension
  ) {
    throw new RuntimeFailure(
      'INDEX_MISMATCH',
      `${dir}: built with ${inputs.embedder.id}, cannot be queried with ${options.embedder.id}`,
    );
  }
  const [chunksText, bm25File, vectors, embedderState] = await Promise.all([
    readFile(join(dir, CHUNKS_FILE), 'utf8'),
    readColumns<Pick<Bm25State, 'version' | 'k1' | 'b' | 'analyzer' | 'norms' | 'ids' | 'terms'>>(
      join(dir, BM25_FILE),
      // Shared memory: the HNSW store's search thread ranks part of a hybrid query's documents.
      { shared: true },
    ),
    storeLoaders[manifest.storeKind](dir, inputs.embedder.dimension, options.efSearch),
    inputs.embedder.fitted
      ? readFile(join(dir, EMBEDDER_STATE_FILE)).then(
          (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        )
      : undefined,
  ]);
  let chunks: Chunk[];
  try {
    chunks = JSON.parse(chunksText) as Chunk[];
  } catch {
    throw new RuntimeFailure('INDEX_CORRUPT', `${join(dir, CHUNKS_FILE)}: not readable JSON`);
  }
  if (chunks.length !== manifest.chunkCount || vectors.size !== manifest.chunkCount) {
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      `${dir}: expected ${manifest.chunkCount} chunks and vectors, found ${chunks.length} and ${vectors.size}`,
    );
  }
  const { columns, meta } = bm25File;
  const bm25 = restoreBm25Index({
    ...meta,
    offsets: columns.offsets as Uint32Array,
    docs: columns.docs as Uint32Array,
    freqs: columns.freqs as Uint32Array,
    lengths: columns.lengths as Uint32Array,
  });
  return {
    chunks,
    vectors,
    bm25,
    embedder: options.embedder.create(embedderState),
    ...(embedderState ? { embedderState } : {}),
    corpusHash: inputs.corpusHash,
    ...(manifest.storeFallback ? { storeFallback: manifest.storeFallback } : {}),
  };
}
