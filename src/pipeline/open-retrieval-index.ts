// Opens the retrieval index the config asks for: the saved in-process index (exact or hnswlib,
// built or reused by buildOrLoadIndex), or a pgvector table kept in sync with the corpus
// (vector_store: pgvector). Says what it did in notes; the database URL is never in them.
import path from 'node:path';
import type { RagConfig } from '../config/schema.js';
import { InputError } from '../core/errors.js';
import { parseDatabaseUrl } from '../pgvector/database-url.js';
import { buildPgvectorIndex } from '../pgvector/build-pgvector-index.js';
import { openSqlClient } from '../pgvector/open-sql-client.js';
import type { ModuleLoader } from '../pgvector/open-sql-client.js';
import { type BuildOrLoadIndexOptions, buildOrLoadIndex, indexStatus } from '../rag/build-or-load-index.js';
import type { Embedder } from '../rag/embedder.js';
import type { EmbedderFactory } from '../rag/embedder-factory.js';
import type { IndexProgress, RagIndex } from '../rag/rag-index.js';
import type { HnswlibLoader } from '../rag/vector-stores/hnswlib-loader.js';

export interface OpenRetrievalIndexOptions {
  rag: RagConfig;
  root: string;
  configFile: string;
  embedder: Embedder | EmbedderFactory;
  onProgress?: (event: IndexProgress) => void;
  loadHnswlib?: HnswlibLoader;
  /** How the optional database drivers are imported (tests simulate missing ones). */
  loadModule?: ModuleLoader;
}

export interface OpenedRetrievalIndex {
  index: RagIndex;
  /** The index key: corpus content, chunking, embedder and BM25 settings (not the built bytes). */
  key: string;
  reused: boolean;
  notes: string[];
  /** Releases the database session, when there is one. */
  close?: () => Promise<void>;
}

export async function openRetrievalIndex(options: OpenRetrievalIndexOptions): Promise<OpenedRetrievalIndex> {
  const { rag, root } = options;
  const corpusPath = path.resolve(root, rag.corpus);
  if (rag.vector_store === 'pgvector') {
    const url = rag.database_url;
    const where = { file: options.configFile, field: 'rag.database_url' };
    if (!url)
      throw new InputError({
        ...where,
        code: 'DATABASE_URL_MISSING',
        message:
          'vector_store: pgvector needs rag.database_url (for example ${DATABASE_URL} or pglite://memory)',
      });
    const client = await openSqlClient(parseDatabaseUrl(url, where), url, options.loadModule);
    try {
      const { index, sync } = await buildPgvectorIndex({
        corpusPath,
        chunking: rag.chunking,
        embedder: options.embedder,
        bm25: { k1: rag.bm25.k1, b: rag.bm25.b, analyzer: rag.bm25.analyzer, norms: rag.bm25.norms },
        client,
        databaseUrl: url,
        tablePrefix: rag.pgvector.table_prefix,
        hnsw: { m: rag.hnsw.m, efConstruction: rag.hnsw.ef_construction },
        efSearch: rag.pgvector.ef_search,
        onProgress: options.onProgress,
      });
      const { session } = index.vectors;
      return {
        index,
        key: (await indexStatus(builtInIndexOptions(options))).key,
        reused: sync.embeddedChunks === 0 && sync.removed === 0,
        notes: [
          `pgvector ${session.version} (${client.kind}) table ${sync.table}: ${sync.added} documents added, ` +
            `${sync.changed} changed, ${sync.removed} removed, ${sync.unchanged} unchanged; ` +
            `${sync.embeddedChunks} chunks embedded` +
            (session.iterativeScan
              ? ''
              : '; pgvector < 0.8 has no iterative scan, short result lists are counted'),
        ],
        close: () => index.vectors.close(),
      };
    } catch (error) {
      await client.close().catch(() => {});
      throw error;
    }
  }
  const built = await buildOrLoadIndex({ ...builtInIndexOptions(options), onProgress: options.onProgress });
  const notes: string[] = [];
  if (built.index.storeFallback) notes.push(built.index.storeFallback);
  if (built.repairedBecause)
    notes.push(`saved retrieval index was damaged, rebuilding it: ${built.repairedBecause}`);
  return { index: built.index, key: built.manifest.key, reused: built.reused, notes };
}

/** The in-process index's inputs from the config: one home for what the index key covers. */
export function builtInIndexOptions(
  options: Pick<OpenRetrievalIndexOptions, 'rag' | 'root' | 'embedder' | 'loadHnswlib'>,
): BuildOrLoadIndexOptions {
  const { rag, root } = options;
  return {
    corpusPath: path.resolve(root, rag.corpus),
    chunking: rag.chunking,
    embedder: options.embedder,
    store: {
      kind: rag.vector_store === 'pgvector' ? 'auto' : rag.vector_store,
      m: rag.hnsw.m,
      efConstruction: rag.hnsw.ef_construction,
      efSearch: rag.hnsw.ef_search,
      seed: 42,
      ...(options.loadHnswlib ? { loadHnswlib: options.loadHnswlib } : {}),
    },
    bm25: { k1: rag.bm25.k1, b: rag.bm25.b, analyzer: rag.bm25.analyzer, norms: rag.bm25.norms },
    dir: path.resolve(root, rag.index_dir),
  };
}
