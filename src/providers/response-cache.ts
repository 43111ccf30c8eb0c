// Content-addressed disk cache for model responses: `<dir>/<first 2 hex>/<key>.json`.
// Writes go to a temp file in the same directory and are renamed into place, so our own writes
// are never seen half done. A crash can still leave a damaged entry behind (a file system that
// zero-fills unflushed blocks, a cache restored from an interrupted CI download, a copy cut
// short): each entry carries the SHA-256 of its value, and an entry that does not parse, is not
// this key's, or fails its checksum is torn — a miss, never trusted, counted, reported through
// `onTorn`, and removed so the fresh answer takes its place.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../core/hash.js';
import { RuntimeFailure } from '../core/errors.js';

export interface ResponseCache {
  /** The stored value, or `undefined` for a miss (absent, or torn: see `stats`). */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Torn entries found (and removed) so far. Optional, so other stores can implement the port. */
  stats?(): { torn: number };
}

export interface TornEntry {
  file: string;
  reason: 'unreadable' | 'foreign' | 'checksum';
}

export interface ResponseCacheOptions {
  dir: string;
  /** Called for each torn entry found (it has been removed, or could not be: then it stays a miss). */
  onTorn?: (entry: TornEntry) => void;
}

/** Hex digests only: keys become file names, so nothing else may reach the file system. */
const KEY_PATTERN = /^[0-9a-f]{16,128}$/;

interface Entry {
  key: string;
  value: unknown;
  /** SHA-256 of JSON.stringify(value); absent in entries written before checksums. */
  sum?: string;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const madeDirs = new Set<string>();
  let torn = 0;

  const pathOf = (key: string): { dir: string; file: string } => {
    if (!KEY_PATTERN.test(key))
      throw new RuntimeFailure('CACHE_KEY_INVALID', `cache keys are hex digests, got "${key.slice(0, 40)}"`);
    const dir = join(options.dir, key.slice(0, 2));
    return { dir, file: join(dir, `${key}.json`) };
  };

  const tear = async (file: string, reason: TornEntry['reason']): Promise<undefined> => {
    torn++;
    // Removed, not kept aside: the entry is a copy of an answer the model can give again.
    await unlink(file).catch(() => undefined);
    options.onTorn?.({ file, reason });
    return undefined;
  };

  return {
    async get(key) {
      const { file } = pathOf(key);
      let text: string;
      try {
        // Synchronous on purpose: entries are a few KB, and one blocking read (~20 µs) is far
        // cheaper than the four thread-pool round trips of an async readFile; a fully cached
        // rerun of thousands of cases is dominated by this path.
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      let entry: Entry;
      try {
        entry = JSON.parse(text) as Entry;
      } catch {
        return tear(file, 'unreadable');
      }
      if (entry === null || typeof entry !== 'object' || !('value' in entry)) return tear(file, 'unreadable');
      // The stored key guards against a file that parses but is not this entry.
      if (entry.key !== key) return tear(file, 'foreign');
      if (entry.sum !== undefined && entry.sum !== sha256(JSON.stringify(entry.value)))
        return tear(file, 'checksum');
      return entry.value;
    },

    async set(key, value) {
      const { dir, file } = pathOf(key);
      if (!madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        madeDirs.add(dir);
      }
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const json = JSON.stringify(value);
      const entry = `{"key":${JSON.stringify(key)},"sum":"${sha256(json)}","value":${json}}`;
      try {
        await writeFile(temp, entry);
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },

    stats: () => ({ torn }),
  };
}
