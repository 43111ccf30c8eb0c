// The planning pass's list of missing requests, kept on disk rather than in memory: a 100k-case
// RAG suite has ~100k prompts of several KB each, which must not all sit in the heap while the
// batches run. Each request is appended as one JSON line; memory holds only key → (offset,
// length), and a request is read back (one positioned read) when its batch is built or its
// answer parsed. The file is a scratch file: deleted on close, never read by a later run.
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { GenerateRequest } from '../providers/language-model.js';

/** Read access to planned requests by custom id (a Map satisfies it, for tests). */
export interface PlannedRequests {
  readonly size: number;
  has(customId: string): boolean;
  get(customId: string): GenerateRequest | undefined;
  keys(): Iterable<string>;
}

export interface RequestSpool extends PlannedRequests {
  /** Notes a request once; a key already noted is ignored (the same call from two cases). */
  add(customId: string, request: GenerateRequest): void;
  /** Deletes the scratch file; the spool is empty afterwards. */
  close(): void;
}

export function createRequestSpool(file: string): RequestSpool {
  const index = new Map<string, { offset: number; length: number }>();
  let fd: number | null = null;
  let end = 0;

  const open = (): number => {
    if (fd === null) {
      mkdirSync(path.dirname(file), { recursive: true });
      fd = openSync(file, 'w+');
      end = 0;
    }
    return fd;
  };

  return {
    get size() {
      return index.size;
    },
    has: (customId) => index.has(customId),
    keys: () => index.keys(),
    add(customId, request) {
      if (index.has(customId)) return;
      const bytes = Buffer.from(`${JSON.stringify(request)}\n`);
      writeSync(open(), bytes, 0, bytes.length, end);
      index.set(customId, { offset: end, length: bytes.length - 1 });
      end += bytes.length;
    },
    get(customId) {
      const at = index.get(customId);
      if (!at || fd === null) return undefined;
      const buffer = Buffer.alloc(at.length);
      readSync(fd, buffer, 0, at.length, at.offset);
      return JSON.parse(buffer.toString('utf8')) as GenerateRequest;
    },
    close() {
      index.clear();
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(file, { force: true });
    },
  };
}
