// Builds a RagIndex whose vectors live in a pgvector table, re-indexing incrementally: the table
// is keyed by chunking + embedder (and a corpus-fitted embedder's state), each row carries its
// document's content hash, and a run embeds and inserts only documents that are new or changed,
// deletes removed ones, and leaves the rest alone. Chunks and BM25 stay in process (BM25 is
// rebuilt from the corpus each run; it takes well under a second per 10k chunks).
import { hashValue, sha256 } from '../core/hash.js';
import { RuntimeFailure } from '../core/errors.js';
import { createBm25Index } from '../rag/bm25.js';
import type { Bm25Options } from '../rag/bm25.js';
import { chunkDocument, validateChunking } from '../rag/chunker.js';
import type { ChunkingOptions } from '../rag/chunker.js';
import { loadCorpus } from '../rag/corpus-loader.js';
import type { Embedder } from '../rag/embedder.js';
import type { EmbedderFactory } from '../rag/embedder-factory.js';
import { fitEmbedder } from '../rag/fit-embedder.js';
import { embeddingText } from '../rag/rag-index.js';
import type { IndexProgress, RagIndex } from '../rag/rag-index.js';
import { getTokenizer } from '../rag/tokenizer.js';
import type { Tokenizer } from '../rag/tokenizer.js';
import type { Chunk, CorpusDocument } from '../rag/types.js';
import { databaseFailure } from './database-url.js';
import { createPgvectorStore } from './pgvector-store.js';
import type { PgvectorStore } from './pgvector-store.js';
import { checkIdentifier, createHnswIndex, preparePgvectorTable, toVectorLiteral } from './pgvector-table.js';
import type { SqlClient } from './sql-client.js';

export interface BuildPgvectorIndexOptions {
  corpusPath: string;
  chunking: ChunkingOptions;
  embedder: Embedder | EmbedderFactory;
  bm25?: Bm25Options;
  tokenizer?: Tokenizer;
  client: SqlClient;
  /** Only to scrub it from driver errors; never shown. */
  databaseUrl: string;
  tablePrefix: string;
  hnsw?: { m?: number; efConstruction?: number };
  efSearch: number;
  embedBatchSize?: number;
  /** Rows per INSERT statement. */
  insertBatchSize?: number;
  onProgress?: (event: IndexProgress) => void;
}

export interface PgvectorSync {
  table: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Chunks embedded and inserted by this run. */
  embeddedChunks: number;
}

export interface PgvectorIndex {
  index: RagIndex & { vectors: PgvectorStore };
  sync: PgvectorSync;
}

export function documentHash(doc: CorpusDocument): string {
  return hashValue({ title: doc.title ?? null, text: doc.text }).slice(0, 32);
}

export async function buildPgvectorIndex(options: BuildPgvectorIndexOptions): Promise<PgvectorIndex> {
  const { client, onProgress } = options;
  validateChunking(options.chunking);
  onProgress?.({ phase: 'load-corpus', done: 0, total: 1 });
  const corpus = loadCorpus(options.corpusPath);
  onProgress?.({ phase: 'load-corpus', done: 1, total: 1 });
  const tokenizer = options.tokenizer ?? getTokenizer();
  const chunksByDoc = new Map<string, Chunk[]>();
  const chunks: Chunk[] = [];
  corpus.documents.forEach((doc, i) => {
    const own = chunkDocument(doc, { ...options.chunking, tokenizer });
    chunksByDoc.set(doc.id, own);
    chunks.push(...own);
    onProgress?.({ phase: 'chunk', done: i + 1, total: corpus.documents.length });
  });

  const { factory, state: embedderState, embedder } = fitEmbedder(chunks, options.embedder, onProgress);
  const { size, overlap, unit } = options.chunking;
  // A fitted embedder's vectors depend on its state (the corpus's IDF, LSA basis): a new state
  // is a new table, so only embedders without corpus state re-index incrementally.
  const key = hashValue({
    chunking: { size, overlap, unit, tokenizer: tokenizer.name },
    embedder: { id: factory.id, dimension: factory.dimension, withTitle: factory.withTitle ?? false },
    algorithmVersion: factory.algorithmVersion ?? null,
    state: embedderState ? sha256(embedderState) : null,
  });
  const table = checkIdentifier(`${options.tablePrefix}${key.slice(0, 16)}`);

  const wrap = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RuntimeFailure) throw error;
      throw databaseFailure('DATABASE_QUERY_FAILED', what, error, options.databaseUrl);
    }
  };
  const session = await wrap('cannot prepare the pgvector table', () =>
    preparePgvectorTable({
      client,
      table,
      dimension: embedder.dimension,
      m: options.hnsw?.m ?? 16,
      efConstruction: options.hnsw?.efConstruction ?? 64,
      efSearch: options.efSearch,
      createIndex: false,
    }),
  );

  const stored = await wrap('cannot read the pgvector table', () =>
    client.query<{ doc_id: string; doc_hash: string; n: number | string }>(
      `SELECT doc_id, min(doc_hash) AS doc_hash, count(*) AS n FROM ${table} GROUP BY doc_id`,
    ),
  );
  const storedByDoc = new Map(stored.rows.map((r) => [r.doc_id, { hash: r.doc_hash, count: Number(r.n) }]));
  const sync: PgvectorSync = { table, added: 0, changed: 0, removed: 0, unchanged: 0, embeddedChunks: 0 };
  const stale: string[] = [];
  const toEmbed: { doc: CorpusDocument; hash: string }[] = [];
  for (const doc of corpus.documents) {
    const hash = documentHash(doc);
    const before = storedByDoc.get(doc.id);
    storedByDoc.delete(doc.id);
    // A document whose row count differs was cut short by an interrupted run: redo it.
    if (before && before.hash === hash && before.count === chunksByDoc.get(doc.id)!.length) {
      sync.unchanged++;
      continue;
    }
    if (before) {
      sync.changed++;
      stale.push(doc.id);
    } else sync.added++;
    toEmbed.push({ doc, hash });
  }
  for (const docId of storedByDoc.keys()) {
    sync.removed++;
    stale.push(docId);
  }

  const pending = toEmbed.flatMap(({ doc, hash }) =>
    chunksByDoc.get(doc.id)!.map((chunk) => ({ chunk, hash })),
  );
  await wrap('cannot update the pgvector table', async () => {
    // One transaction: a reader never sees a half-updated table, and a failed run leaves it as it was.
    await client.exec('BEGIN');
    try {
      if (stale.length > 0)
        await client.query(`DELETE FROM ${table} WHERE doc_id = ANY($1::text[])`, [stale]);
      const batchSize = Math.max(1, options.embedBatchSize ?? 512);
      const insertSize = Math.max(1, options.insertBatchSize ?? 200);
      for (let from = 0; from < pending.length; from += batchSize) {
        const batch = pending.slice(from, from + batchSize);
        const vectors = await embedder.embed(batch.map(({ chunk }) => embeddingText(chunk, factory)));
        if (vectors.length !== batch.length)
          throw new RuntimeFailure(
            'EMBEDDER_BAD_RESPONSE',
            `${embedder.id} returned ${vectors.length} vectors for ${batch.length} texts`,
          );
        for (let at = 0; at < batch.length; at += insertSize) {
          const params: unknown[] = [];
          const values: string[] = [];
          for (let i = at; i < Math.min(at + insertSize, batch.length); i++) {
            const { chunk, hash } = batch[i];
            params.push(chunk.id, chunk.docId, hash, chunk.index, chunk.text, toVectorLiteral(vectors[i]));
            const p = params.length;
            values.push(`($${p - 5}, $${p - 4}, $${p - 3}, $${p - 2}, $${p - 1}, $${p}::vector)`);
          }
          await client.query(
            `INSERT INTO ${table} (chunk_id, doc_id, doc_hash, chunk_index, text, embedding) VALUES ${values.join(', ')}`,
            params,
          );
        }
        sync.embeddedChunks += batch.length;
        onProgress?.({ phase: 'embed', done: sync.embeddedChunks, total: pending.length });
      }
      await client.exec('COMMIT');
    } catch (error) {
      await client.exec('ROLLBACK').catch(() => {});
      throw error;
    }
  });

  onProgress?.({ phase: 'vectors', done: 0, total: 1 });
  await wrap('cannot build the HNSW index', () =>
    createHnswIndex(client, table, {
      m: options.hnsw?.m ?? 16,
      efConstruction: options.hnsw?.efConstruction ?? 64,
    }),
  );
  onProgress?.({ phase: 'vectors', done: 1, total: 1 });

  onProgress?.({ phase: 'bm25', done: 0, total: 1 });
  const bm25 = createBm25Index(
    chunks.map((chunk) => ({ id: chunk.id, text: chunk.text, title: chunk.title })),
    options.bm25,
  );
  onProgress?.({ phase: 'bm25', done: 1, total: 1 });
  const vectors = createPgvectorStore({
    client,
    session,
    table,
    dimension: embedder.dimension,
    labels: new Map(chunks.map((chunk, i) => [chunk.id, i])),
    size: chunks.length,
  });
  return {
    index: {
      chunks,
      vectors,
      bm25,
      embedder,
      ...(embedderState ? { embedderState } : {}),
      corpusHash: corpus.hash,
    },
    sync,
  };
}
