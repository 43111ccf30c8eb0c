// Reads rag.database_url: `postgres://…` / `postgresql://…` means a server, `pglite://memory`
// an in-process database that lives as long as the run, `pglite://<dir>` one kept in a folder.
// The URL can carry a password, so it never appears in a message: errors from the drivers are
// scrubbed of it and of its parts before they are shown.
import { InputError, RuntimeFailure } from '../core/errors.js';

export type DatabaseTarget =
  | { kind: 'postgres'; connectionString: string }
  | { kind: 'pglite'; dataDir: string | null };

export function parseDatabaseUrl(url: string, where: { file: string; field: string }): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', connectionString: url };
  const pglite = /^pglite:\/\/(.*)$/i.exec(url);
  if (pglite) {
    const rest = pglite[1];
    if (rest === '') throw invalid(where, 'pglite:// needs "memory" or a directory, e.g. pglite://memory');
    return { kind: 'pglite', dataDir: rest === 'memory' ? null : rest };
  }
  throw invalid(where, 'expected a postgres://, postgresql://, pglite://memory or pglite://<dir> URL');
}

function invalid(where: { file: string; field: string }, message: string): InputError {
  // The value itself is left out on purpose: it may hold a password.
  return new InputError({ code: 'DATABASE_URL_INVALID', file: where.file, field: where.field, message });
}

/** Every part of the URL that could identify or unlock the database. */
function secretParts(url: string): string[] {
  const parts = [url];
  try {
    const parsed = new URL(url.replace(/^pglite:/i, 'file:'));
    for (const part of [parsed.password, parsed.username, parsed.hostname, parsed.pathname.slice(1)]) {
      if (!part || part.length < 3) continue;
      parts.push(part);
      // A bare `%` (a password like 50%off) cannot be decoded; the raw part is scrubbed anyway.
      try {
        parts.push(decodeURIComponent(part));
      } catch {}
    }
  } catch {
    // Not URL-shaped: the whole string is already scrubbed.
  }
  return parts.sort((a, b) => b.length - a.length);
}

export function scrubDatabaseUrl(text: string, url: string): string {
  let out = text;
  for (const part of secretParts(url)) out = out.split(part).join('[database]');
  return out;
}

/** A driver error as a RuntimeFailure whose message cannot contain the URL or its parts. */
export function databaseFailure(code: string, what: string, error: unknown, url: string): RuntimeFailure {
  const raw = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const errno = (error as { code?: unknown })?.code;
  const detail = scrubDatabaseUrl(raw, url);
  return new RuntimeFailure(
    code,
    `${what} (rag.database_url): ${detail}${typeof errno === 'string' && !detail.includes(errno) ? ` [${errno}]` : ''}`,
  );
}
