// The index cache: an index is keyed by everything it depends on (corpus content hash, chunking,
// tokenizer, embedder id and fitted-ness, store parameters, BM25 parameters, library versions).
// A matching manifest means the saved index is reused; anything else rebuilds it into
// `<dir>/<config-key>-<corpus-key>/`, written to a temporary directory and renamed into place
// so an interrupted build never leaves a half index behind. Older builds of the same
// configuration are removed, so editing the corpus does not pile up indexes.
import { readdir, rename, rm, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RuntimeFailure } from '../core/errors.js';
import { hashValue } from '../core/hash.js';
import { validateChunking } from './chunker.js';
import type { ChunkingOptions } from './chunker.js';
import type { Bm25Options } from './bm25.js';
import { loadCorpus } from './corpus-loader.js';
import type { Embedder } from './embedder.js';
import { toEmbedderFactory } from './embedder-factory.js';
import type { EmbedderFactory } from './embedder-factory.js';
import { INDEX_FORMAT_VERSION, loadRagIndex, readManifest, saveRagIndex } from './index-store.js';
import type { IndexInputs, IndexManifest } from './index-store.js';
import { buildRagIndex } from './rag-index.js';
import type { IndexProgress, LocalRagIndex, VectorStoreOptions } from './rag-index.js';
import { getTokenizer } from './tokenizer.js';
import { HNSW_MAX_SHARDS, HNSW_SHARD_SIZE } from './vector-stores/build-hnsw-store.js';
import { DEFAULT_EF_CONSTRUCTION } from './vector-stores/hnsw-store.js';
import type { Tokenizer } from './tokenizer.js';
import { probeHnswlib } from './vector-stores/hnswlib-loader.js';

export const DEFAULT_INDEX_DIR = '.evalgate/index';
/** Load failures that mean "these files are not a usable index", as opposed to a bug. */
const DAMAGED_INDEX_CODES = new Set(['INDEX_CORRUPT', 'INDEX_MISMATCH', 'ENOENT']);

export interface BuildOrLoadIndexOptions {
  corpusPath: string;
  chunking: ChunkingOptions;
  /** A factory (e.g. createHashEmbedderFactory()) or a ready embedder (e.g. an API embedder). */
  embedder: Embedder | EmbedderFactory;
  /** Store kind and HNSW parameters; efSearch is a query-time setting and not part of the key. */
  store?: VectorStoreOptions;
  bm25?: Bm25Options;
  dir?: string;
  tokenizer?: Tokenizer;
  embedBatchSize?: number;
  onProgress?: (event: IndexProgress) => void;
}

export interface IndexStatus {
  /** Where the index for these inputs lives (whether or not it exists yet). */
  path: string;
  key: string;
  inputs: IndexInputs;
  upToDate: boolean;
  manifest?: IndexManifest;
}

export interface BuiltOrLoadedIndex {
  index: LocalRagIndex;
  reused: boolean;
  /** Why a saved index that matched could not be used (damaged files), when it was rebuilt for that. */
  repairedBecause?: string;
  manifest: IndexManifest;
}

export async function buildOrLoadIndex(options: BuildOrLoadIndexOptions): Promise<BuiltOrLoadedIndex> {
  const { onProgress } = options;
  onProgress?.({ phase: 'load-corpus', done: 0, total: 1 });
  const corpus = loadCorpus(options.corpusPath);
  onProgress?.({ phase: 'load-corpus', done: 1, total: 1 });
  const factory = toEmbedderFactory(options.embedder);
  const status = await statusFor(options, corpus.hash, factory);
  let repairedBecause: string | undefined;
  if (status.upToDate && status.manifest && storeStillRight(status.manifest, options.store)) {
    onProgress?.({ phase: 'load', done: 0, total: 1 });
    const loaded = await loadUnlessDamaged(status.path, status.manifest, factory, options.store?.efSearch);
    onProgress?.({ phase: 'load', done: 1, total: 1 });
    if ('index' in loaded) return { index: loaded.index, reused: true, manifest: status.manifest };
    repairedBecause = loaded.damage;
  }

  const index = await buildRagIndex({
    documents: corpus.documents,
    corpusHash: corpus.hash,
    chunking: options.chunking,
    embedder: factory,
    store: options.store,
    bm25: options.bm25,
    tokenizer: options.tokenizer,
    embedBatchSize: options.embedBatchSize,
    onProgress,
  });
  const manifest: IndexManifest = {
    key: status.key,
    inputs: status.inputs,
    storeKind: index.vectors.kind,
    ...(index.storeFallback ? { storeFallback: index.storeFallback } : {}),
    documentCount: corpus.documents.length,
    chunkCount: index.chunks.length,
  };
  onProgress?.({ phase: 'save', done: 0, total: 1 });
  await persist(index, manifest, status.path);
  onProgress?.({ phase: 'save', done: 1, total: 1 });
  return { index, reused: false, manifest, ...(repairedBecause ? { repairedBecause } : {}) };
}

/**
 * A saved HNSW index needs the addon to load, and a saved fallback (exact) index should give way
 * to HNSW once the addon is installed; either way the index is rebuilt.
 */
function storeStillRight(manifest: IndexManifest, store: VectorStoreOptions | undefined): boolean {
  if (manifest.storeKind !== 'hnsw' && !manifest.storeFallback) return true;
  const available = probeHnswlib(store?.loadHnswlib).ok;
  return manifest.storeKind === 'hnsw' ? available : !available;
}

/**
 * The saved index, or what is wrong with its files (a cut-off write, a disk error): the index
 * is a cache of the corpus, so the caller rebuilds it rather than failing the run, and says so.
 */
async function loadUnlessDamaged(
  path: string,
  manifest: IndexManifest,
  factory: EmbedderFactory,
  efSearch: number | undefined,
): Promise<{ index: LocalRagIndex } | { damage: string }> {
  try {
    return { index: await loadRagIndex(path, manifest, { embedder: factory, efSearch }) };
  } catch (error) {
    const code = error instanceof RuntimeFailure ? error.code : (error as NodeJS.ErrnoException).code;
    if (code && DAMAGED_INDEX_CODES.has(code)) return { damage: (error as Error).message.split('\n')[0] };
    throw error;
  }
}

/** Is the saved index for these options current? Reads and hashes the corpus; loads nothing else. */
export async function indexStatus(options: BuildOrLoadIndexOptions): Promise<IndexStatus> {
  const corpus = loadCorpus(options.corpusPath);
  return statusFor(options, corpus.hash, toEmbedderFactory(options.embedder));
}

async function statusFor(
  options: BuildOrLoadIndexOptions,
  corpusHash: string,
  factory: EmbedderFactory,
): Promise<IndexStatus> {
  validateChunking(options.chunking);
  const inputs = indexInputs(options, corpusHash, factory);
  const key = hashValue(inputs);
  const { corpusHash: _corpus, ...config } = inputs;
  const path = join(
    options.dir ?? DEFAULT_INDEX_DIR,
    `${hashValue(config).slice(0, 12)}-${corpusHash.slice(0, 12)}`,
  );
  const manifest = await readManifest(path);
  return { path, key, inputs, upToDate: manifest?.key === key, ...(manifest ? { manifest } : {}) };
}

function indexInputs(
  options: BuildOrLoadIndexOptions,
  corpusHash: string,
  factory: EmbedderFactory,
): IndexInputs {
  const store = options.store ?? {};
  const { size, overlap, unit } = options.chunking;
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    corpusHash,
    chunking: { size, overlap, unit, tokenizer: (options.tokenizer ?? getTokenizer()).name },
    embedder: {
      id: factory.id,
      dimension: factory.dimension,
      fitted: Boolean(factory.fit),
      ...(factory.withTitle ? { withTitle: true } : {}),
      ...(factory.algorithmVersion !== undefined ? { algorithmVersion: factory.algorithmVersion } : {}),
    },
    store: {
      kind: store.kind ?? 'auto',
      m: store.m ?? 16,
      efConstruction: store.efConstruction ?? DEFAULT_EF_CONSTRUCTION,
      seed: store.seed ?? 42,
      shardSize: HNSW_SHARD_SIZE,
      maxShards: HNSW_MAX_SHARDS,
    },
    bm25: {
      k1: options.bm25?.k1 ?? 0.9,
      b: options.bm25?.b ?? 0.4,
      analyzer: options.bm25?.analyzer ?? 'standard',
      norms: options.bm25?.norms ?? 'exact',
    },
    versions: libraryVersions(),
  };
}

async function persist(index: LocalRagIndex, manifest: IndexManifest, path: string): Promise<void> {
  const parent = dirname(path);
  await mkdir(parent, { recursive: true });
  const temp = join(parent, `.tmp-${manifest.key.slice(0, 12)}-${process.pid}-${Date.now()}`);
  await mkdir(temp);
  try {
    await saveRagIndex(index, temp, manifest);
    await rm(path, { recursive: true, force: true });
    await rename(temp, path);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await pruneSiblings(path);
}

/** Removes earlier builds of the same configuration (same prefix, other corpus hash). */
async function pruneSiblings(path: string): Promise<void> {
  const parent = dirname(path);
  const name = path.slice(parent.length + 1);
  const prefix = name.slice(0, name.indexOf('-') + 1);
  for (const entry of await readdir(parent)) {
    if (entry !== name && entry.startsWith(prefix))
      await rm(join(parent, entry), { recursive: true, force: true });
  }
}

let versions: Record<string, string> | undefined;

/** Versions of the libraries whose output is stored in the index (file formats, token ids). */
function libraryVersions(): Record<string, string> {
  if (versions) return versions;
  const require = createRequire(import.meta.url);
  const versionOf = (name: string, entry: string): string => {
    try {
      let dir = dirname(require.resolve(entry));
      while (!dir.endsWith(name) && dir !== dirname(dir)) dir = dirname(dir);
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  versions = {
    'hnswlib-node': versionOf('hnswlib-node', 'hnswlib-node'),
    tiktoken: versionOf('tiktoken', 'tiktoken'),
  };
  return versions;
}
