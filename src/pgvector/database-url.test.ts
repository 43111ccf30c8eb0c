import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { databaseFailure, parseDatabaseUrl, scrubDatabaseUrl } from './database-url.js';
import { openSqlClient } from './open-sql-client.js';

const where = { file: 'eval/evalgate.yaml', field: 'rag.database_url' };
const CANARY = 'CanaryPw-7f3a9';
const url = `postgres://evaluser:${CANARY}@db.internal.example:5432/knowledge_base`;

describe('parseDatabaseUrl', () => {
  it('tells servers from in-process PGlite', () => {
    expect(parseDatabaseUrl(url, where)).toEqual({ kind: 'postgres', connectionString: url });
    expect(parseDatabaseUrl('postgresql://h/db', where).kind).toBe('postgres');
    expect(parseDatabaseUrl('pglite://memory', where)).toEqual({ kind: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('pglite://.evalgate/pg', where)).toEqual({
      kind: 'pglite',
      dataDir: '.evalgate/pg',
    });
  });

  it('rejects anything else with the field named and the value left out', () => {
    const bad = `mysql://u:${CANARY}@h/db`;
    expect(() => parseDatabaseUrl(bad, where)).toThrow(InputError);
    try {
      parseDatabaseUrl(bad, where);
    } catch (error) {
      expect((error as InputError).message).toContain('rag.database_url');
      expect((error as InputError).message).not.toContain(CANARY);
    }
    expect(() => parseDatabaseUrl('pglite://', where)).toThrow(/memory/);
  });
});

describe('scrubbing the URL out of driver errors', () => {
  it('removes the URL, password, user, host and database name', () => {
    const text = `password authentication failed for user "evaluser" at db.internal.example (${url}) db knowledge_base ${CANARY}`;
    const scrubbed = scrubDatabaseUrl(text, url);
    for (const secret of [CANARY, 'evaluser', 'db.internal.example', 'knowledge_base', url])
      expect(scrubbed).not.toContain(secret);
    const failure = databaseFailure(
      'DATABASE_UNAVAILABLE',
      'cannot connect',
      Object.assign(new Error(text), { code: '28P01' }),
      url,
    );
    expect(failure.message).not.toContain(CANARY);
    expect(failure.message).toContain('28P01');
  });

  it('a refused connection (nothing listening) is one line without the URL', async () => {
    const closed = `postgres://evaluser:${CANARY}@127.0.0.1:1/knowledge_base`;
    const error = await openSqlClient(parseDatabaseUrl(closed, where), closed).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/cannot connect to the database \(rag.database_url\)/);
    expect((error as Error).message).not.toContain(CANARY);
    expect((error as Error).message).not.toContain(closed);
  });

  it('names the optional package to install when a driver is missing', async () => {
    const missing = async (name: string) => {
      throw new Error(`Cannot find package '${name}'`);
    };
    await expect(
      openSqlClient({ kind: 'pglite', dataDir: null }, 'pglite://memory', missing),
    ).rejects.toThrow(/npm install @electric-sql\/pglite/);
    await expect(openSqlClient(parseDatabaseUrl(url, where), url, missing)).rejects.toThrow(/npm install pg/);
  });

  it('scrubs every part of a URL whose password holds a bare %, which cannot be decoded', () => {
    const url = 'postgres://alice:50%off@db.internal:5432/prod';
    const out = scrubDatabaseUrl(
      'getaddrinfo ENOTFOUND db.internal; password authentication failed for user "alice" (50%off)',
      url,
    );
    expect(out).not.toContain('db.internal');
    expect(out).not.toContain('alice');
    expect(out).not.toContain('50%off');
  });
});
