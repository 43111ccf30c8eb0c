// Content hashing for cache keys, prompt versions, config and corpus fingerprints.
import { createHash } from 'node:crypto';

export function sha256(text: string | Uint8Array): string {
  const hash = createHash('sha256');
  if (typeof text !== 'string' || text.length <= HASH_PIECE_CHARS) return hash.update(text).digest('hex');
  for (const piece of stringPieces(text, HASH_PIECE_CHARS)) hash.update(piece);
  return hash.digest('hex');
}

/**
 * Characters per `update` call. Node copies a string into a UTF-8 buffer of its own (malloc) on
 * every `update`, reserving 3 bytes per UTF-16 unit; hashed whole, a run's case hashes (~2.9 MB
 * of JSON at 100,000 cases) made one 8.5 MB buffer whose free raised glibc's mmap threshold to
 * 8.5 MB for the rest of the run, so every later array below that size stayed in glibc's heap
 * after it was freed (issue 12, docs/constant-memory.md, eighth pass). 8,192 characters are at
 * most 24 KB of UTF-8.
 */
export const HASH_PIECE_CHARS = 8192;

/**
 * `text` cut into pieces of at most `size` UTF-16 units that never split a surrogate pair (each
 * half alone would be encoded as U+FFFD), so the UTF-8 of the pieces, joined, is that of `text`.
 */
export function* stringPieces(text: string, size: number): Generator<string> {
  if (size < 2) throw new RangeError('piece size must be at least 2');
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield start === 0 && end === text.length ? text : text.slice(start, end);
    start = end;
  }
}

/** JSON with object keys sorted, so equal values always hash equally. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export function hashValue(value: unknown): string {
  return sha256(stableStringify(value));
}

/** Short hash for human-facing ids such as prompt versions. */
export function shortHash(text: string, length = 8): string {
  return sha256(text).slice(0, length);
}
