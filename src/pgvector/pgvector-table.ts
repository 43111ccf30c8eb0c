// The pgvector table behind one (chunking, embedder) pair: one row per chunk with its document's
// content hash, and an HNSW index over cosine distance. Also the session settings every search
// relies on: hnsw.ef_search from rag.pgvector.ef_search, and, on pgvector >= 0.8, iterative
// index scans so a query asking for more rows than ef_search still gets them all.
import type { SqlClient } from './sql-client.js';

export interface PgvectorTableOptions {
  client: SqlClient;
  table: string;
  dimension: number;
  m: number;
  efConstruction: number;
  efSearch: number;
  /**
   * Create the HNSW index now (default). A bulk load passes false and calls createHnswIndex
   * after inserting: pgvector builds a graph from loaded rows much faster than row by row.
   */
  createIndex?: boolean;
}

export interface PgvectorSession {
  /** pgvector's version, e.g. "0.8.0". */
  version: string;
  /** Whether short result lists are filled by iterative scans (pgvector >= 0.8). */
  iterativeScan: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TypeError(`not a safe SQL identifier: ${name}`);
  return name;
}

export async function preparePgvectorTable(options: PgvectorTableOptions): Promise<PgvectorSession> {
  const { client, dimension, m, efConstruction } = options;
  const table = checkIdentifier(options.table);
  await client.exec('CREATE EXTENSION IF NOT EXISTS vector');
  await client.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (
       chunk_id text PRIMARY KEY,
       doc_id text NOT NULL,
       doc_hash text NOT NULL,
       chunk_index integer NOT NULL,
       text text NOT NULL,
       embedding vector(${dimension}) NOT NULL
     );
     CREATE INDEX IF NOT EXISTS ${table}_doc ON ${table} (doc_id);`,
  );
  if (options.createIndex !== false) await createHnswIndex(client, table, { m, efConstruction });
  const { rows } = await client.query<{ extversion: string }>(
    "SELECT extversion FROM pg_extension WHERE extname = 'vector'",
  );
  const version = rows[0]?.extversion ?? '0';
  const [major, minor] = version.split('.').map(Number);
  const iterativeScan = major > 0 || minor >= 8;
  await client.exec(`SET hnsw.ef_search = ${Math.max(1, Math.floor(options.efSearch))}`);
  if (iterativeScan) await client.exec('SET hnsw.iterative_scan = strict_order');
  return { version, iterativeScan };
}

/** The HNSW index over cosine distance; a no-op when the table has it already. */
export async function createHnswIndex(
  client: SqlClient,
  table: string,
  params: { m: number; efConstruction: number },
): Promise<void> {
  const name = checkIdentifier(table);
  await client.exec(
    `CREATE INDEX IF NOT EXISTS ${name}_hnsw ON ${name}
       USING hnsw (embedding vector_cosine_ops) WITH (m = ${params.m}, ef_construction = ${params.efConstruction})`,
  );
}

/** `[x1,x2,…]`, pgvector's text form. */
export function toVectorLiteral(vector: ArrayLike<number>): string {
  let out = '[';
  for (let i = 0; i < vector.length; i++)
    out += (i ? ',' : '') + (Number.isFinite(vector[i]) ? vector[i] : 0);
  return `${out}]`;
}
