// The same help articles and chunks as chain.mjs, stored in a LangChain `PGVectorStore`
// (@langchain/community) over pgvector, so a team on Postgres can evaluate its real store
// through evalgate's retrieval suite (`rag.retriever` in eval/pgvector.yaml).
// The Postgres is PGlite (Postgres compiled to WASM, with the pgvector extension) behind
// pglite-socket's wire-protocol server on 127.0.0.1, so the store talks to it through `pg`
// exactly as it would to a Postgres server; set DATABASE_URL to use a real one instead.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { OpenAIEmbeddings } from '@langchain/openai';
import pg from 'pg';
import { loadChunks } from './load-chunks.mjs';

const configuration = { baseURL: process.env.OPENAI_BASE_URL };
const apiKey = process.env.OPENAI_API_KEY ?? 'no-key';

async function startLocalPostgres() {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  // The port is chosen by the OS; the server reports it in its connection string.
  const [host, port] = server.getServerConn().split(':');
  return { url: `postgresql://postgres@${host}:${port}/postgres`, server, db };
}

const local = process.env.DATABASE_URL ? undefined : await startLocalPostgres();
// pglite-socket serves one connection at a time, so the pool holds one. It stays open for the
// whole run; evalgate calls `close` (below) when the run ends.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? local.url,
  max: 1,
});
pool.on('error', () => {});

const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey, configuration });
/** A LangChain PGVectorStore holding the example's chunks, for `rag.retriever`. */
// Built with the constructor rather than `PGVectorStore.initialize`, which checks out a pool
// client for the store's lifetime that only `vectorStore.end()` returns.
export const vectorStore = new PGVectorStore(embeddings, {
  pool,
  tableName: 'evalgate_example_chunks',
  distanceStrategy: 'cosine',
});
await vectorStore.ensureTableInDatabase();
await vectorStore.delete({ filter: {} });
await vectorStore.addDocuments(await loadChunks());

/** Called by evalgate once the run is over: the pool and the local Postgres are released. */
export async function close() {
  await pool.end();
  await local?.server.stop();
  await local?.db.close();
}
