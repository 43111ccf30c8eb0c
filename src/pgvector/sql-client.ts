// The SQL port the pgvector store talks to: one session (settings such as hnsw.ef_search hold
// for its lifetime), parameterised queries, and close. Adapters: PGlite (in-process Postgres
// compiled to WASM) and the `pg` client for a server; both are optional dependencies.
export interface SqlClient {
  /** What is behind it, for messages: never the URL. */
  readonly kind: 'pglite' | 'postgres';
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Several statements without parameters (DDL, SET). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
