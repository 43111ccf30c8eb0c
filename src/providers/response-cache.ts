// Content-addressed disk cache for model responses: `<dir>/<first 2 hex>/<key>.json`.
// Writes go to a temp file in the same directory and are renamed into place, so a reader (or a
// crash) never sees half an entry; anything unreadable is a miss, never an error.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RuntimeFailure } from '../core/errors.js';

export interface ResponseCache {
  /** The stored value, or `undefined` for a miss (absent, partial or corrupted entry). */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface ResponseCacheOptions {
  dir: string;
}

/** Hex digests only: keys become file names, so nothing else may reach the file system. */
const KEY_PATTERN = /^[0-9a-f]{16,128}$/;

interface Entry {
  key: string;
  value: unknown;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const madeDirs = new Set<string>();

  const pathOf = (key: string): { dir: string; file: string } => {
    if (!KEY_PATTERN.test(key))
      throw new RuntimeFailure('CACHE_KEY_INVALID', `cache keys are hex digests, got "${key.slice(0, 40)}"`);
    const dir = join(options.dir, key.slice(0, 2));
    return { dir, file: join(dir, `${key}.json`) };
  };

  return {
    async get(key) {
      const { file } = pathOf(key);
      let entry: Entry;
      try {
        // Synchronous on purpose: entries are a few KB, and one blocking read (~20 µs) is far
        // cheaper than the four thread-pool round trips of an async readFile; a fully cached
        // rerun of thousands of cases is dominated by this path.
        entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
      } catch {
        return undefined;
      }
      // The stored key guards against a file that parses but is not this entry.
      return entry !== null && typeof entry === 'object' && entry.key === key ? entry.value : undefined;
    },

    async set(key, value) {
      const { dir, file } = pathOf(key);
      if (!madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        madeDirs.add(dir);
      }
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const entry: Entry = { key, value };
      try {
        await writeFile(temp, JSON.stringify(entry));
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
  };
}
