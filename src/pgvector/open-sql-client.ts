// Opens the SqlClient for rag.database_url: PGlite (+ its pgvector extension) for pglite://,
// the `pg` client for postgres://. Both are optional dependencies, loaded on first use; a
// missing one is a clear error naming the package to install, never a stack trace.
import { mkdirSync } from 'node:fs';
import { RuntimeFailure } from '../core/errors.js';
import { databaseFailure } from './database-url.js';
import type { DatabaseTarget } from './database-url.js';
import type { SqlClient } from './sql-client.js';

interface PGliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}
interface PGliteModule {
  PGlite: { create(options: { dataDir?: string; extensions: Record<string, unknown> }): Promise<PGliteLike> };
}
interface PgvectorExtensionModule {
  vector: unknown;
}
interface PgClientLike {
  connect(): Promise<unknown>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface PgModule {
  Client: new (options: { connectionString: string }) => PgClientLike;
}

/** How the optional modules are loaded; tests replace it to simulate a missing package. */
export type ModuleLoader = (name: string) => Promise<unknown>;
const importModule: ModuleLoader = (name) => import(name);

async function load<T>(loader: ModuleLoader, name: string, purpose: string): Promise<T> {
  try {
    const module = (await loader(name)) as T & { default?: T };
    return module;
  } catch {
    throw new RuntimeFailure(
      'DATABASE_DRIVER_MISSING',
      `${purpose} needs the optional package ${name}; install it with npm install ${name}`,
    );
  }
}

export async function openSqlClient(
  target: DatabaseTarget,
  url: string,
  loader: ModuleLoader = importModule,
): Promise<SqlClient> {
  if (target.kind === 'pglite') {
    const { PGlite } = await load<PGliteModule>(loader, '@electric-sql/pglite', 'pglite:// databases');
    const { vector } = await load<PgvectorExtensionModule>(
      loader,
      '@electric-sql/pglite-pgvector',
      'pgvector in PGlite',
    );
    let db: PGliteLike;
    try {
      if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
      db = await PGlite.create({
        ...(target.dataDir ? { dataDir: target.dataDir } : {}),
        extensions: { vector },
      });
    } catch (error) {
      throw databaseFailure('DATABASE_UNAVAILABLE', 'cannot open the PGlite database', error, url);
    }
    return {
      kind: 'pglite',
      query: (sql, params) => db.query(sql, params),
      exec: async (sql) => {
        await db.exec(sql);
      },
      close: () => db.close(),
    };
  }
  const pg = await load<PgModule & { default?: PgModule }>(loader, 'pg', 'postgres:// databases');
  const Client = pg.Client ?? pg.default?.Client;
  if (!Client) throw new RuntimeFailure('DATABASE_DRIVER_MISSING', 'the pg package has no Client export');
  const client = new Client({ connectionString: target.connectionString });
  // An idle connection dropped by the server emits 'error'; without a listener Node would crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw databaseFailure('DATABASE_UNAVAILABLE', 'cannot connect to the database', error, url);
  }
  // The socket keeps the process alive only while a query is in flight, so a CLI run ends when
  // its work does even though the library user, not the run, owns closing the connection.
  const socket = (client as { connection?: { stream?: { ref?(): void; unref?(): void } } }).connection
    ?.stream;
  let inflight = 0;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inflight++ === 0) socket?.ref?.();
    try {
      return await work();
    } finally {
      if (--inflight === 0) socket?.unref?.();
    }
  };
  socket?.unref?.();
  return {
    kind: 'postgres',
    query: (sql, params) => track(() => client.query(sql, params)),
    exec: (sql) =>
      track(async () => {
        await client.query(sql);
      }),
    close: () => client.end(),
  };
}
