// The pgvector store: the vector-store port over a pgvector table. Labels are positions in the
// index's chunk list, mapped from chunk ids; a store opened for bare vectors (the contract
// tests) uses the label itself as the chunk id. Queries run one at a time on the session, so an
// exact search (index scans off, for measuring ANN recall) never leaks into another query.
import { compareScored } from '../rag/top-k.js';
import type { VectorHit, VectorStore } from '../rag/vector-store.js';
import { checkDimension } from '../rag/vector-stores/exact-store.js';
import type { PgvectorSession } from './pgvector-table.js';
import { checkIdentifier, toVectorLiteral } from './pgvector-table.js';
import type { SqlClient } from './sql-client.js';

export interface PgvectorStore extends VectorStore {
  readonly kind: 'pgvector';
  readonly session: PgvectorSession;
  search(vector: Float32Array, k: number): Promise<VectorHit[]>;
  /** Brute-force cosine search in the database (sequential scan): the ANN-recall oracle. */
  exactSearch(vector: Float32Array, k: number): Promise<VectorHit[]>;
  close(): Promise<void>;
}

export interface PgvectorStoreOptions {
  client: SqlClient;
  session: PgvectorSession;
  table: string;
  dimension: number;
  /** chunk id → label; absent: chunk ids are the labels as decimal strings. */
  labels?: ReadonlyMap<string, number>;
  size: number;
  /** Rows per INSERT statement in `add`. */
  batchSize?: number;
}

export function createPgvectorStore(options: PgvectorStoreOptions): PgvectorStore {
  const { client, session, dimension, labels } = options;
  const table = checkIdentifier(options.table);
  let size = options.size;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };
  const labelOf = (chunkId: string): number | undefined =>
    labels ? labels.get(chunkId) : Number.parseInt(chunkId, 10);

  const select = async (vector: Float32Array, k: number): Promise<VectorHit[]> => {
    checkDimension(vector, dimension);
    if (k <= 0 || size === 0) return [];
    const { rows } = await client.query<{ chunk_id: string; distance: number }>(
      `SELECT chunk_id, embedding <=> $1::vector AS distance FROM ${table} ORDER BY embedding <=> $1::vector LIMIT ${Math.floor(k)}`,
      [toVectorLiteral(vector)],
    );
    const hits: VectorHit[] = [];
    for (const row of rows) {
      const label = labelOf(row.chunk_id);
      // A row for a chunk the index does not know (another process mid-sync) is skipped.
      if (label !== undefined && !Number.isNaN(label)) hits.push({ label, score: 1 - Number(row.distance) });
    }
    return hits.sort(compareScored);
  };

  return {
    kind: 'pgvector',
    session,
    get size() {
      return size;
    },
    async add(vectors) {
      await serial(async () => {
        const batch = Math.max(1, options.batchSize ?? 200);
        for (let from = 0; from < vectors.length; from += batch) {
          const rows = vectors.slice(from, from + batch);
          const params: unknown[] = [];
          const values = rows.map((vector, i) => {
            checkDimension(vector, dimension);
            params.push(String(size + from + i), toVectorLiteral(vector));
            return `($${params.length - 1}, '', '', 0, '', $${params.length}::vector)`;
          });
          await client.query(
            `INSERT INTO ${table} (chunk_id, doc_id, doc_hash, chunk_index, text, embedding) VALUES ${values.join(', ')}`,
            params,
          );
        }
        size += vectors.length;
      });
    },
    search: (vector, k) => serial(() => select(vector, k)),
    exactSearch: (vector, k) =>
      serial(async () => {
        await client.exec('BEGIN; SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off');
        try {
          return await select(vector, k);
        } finally {
          await client.exec('COMMIT');
        }
      }),
    // The vectors live in the database; nothing to write next to the index.
    save: async () => {},
    close: () => serial(() => client.close()),
  };
}
