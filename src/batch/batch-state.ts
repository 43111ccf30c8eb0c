// What survives an interrupted `eval --batch`: one small JSON file per submitted batch under
// `.evalgate/batches/`, written (atomically) right after the provider accepted it and removed once
// its results are in the response cache. A re-run reads them and polls those batches instead of
// submitting (and paying for) the same requests again. No key or URL is stored: the server is
// named by a hash of its base URL.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../core/hash.js';

export interface BatchRecord {
  version: 1;
  /** Provider id as configured, e.g. `openai/gpt-4o-mini`. */
  provider: string;
  /** Hash of the provider's base URL (or `default`), so a batch is never polled on another server. */
  server: string;
  batchId: string;
  /** Response-cache keys of the requests in the batch (their custom ids). */
  customIds: string[];
  submittedAt: string;
}

export interface BatchStateStore {
  readonly dir: string;
  /** Every readable record; an unreadable file is reported through `onBadFile` and skipped. */
  list(onBadFile?: (file: string) => void): Promise<BatchRecord[]>;
  save(record: BatchRecord): Promise<void>;
  remove(record: BatchRecord): Promise<void>;
}

export function serverHash(baseUrl: string | undefined): string {
  return baseUrl ? sha256(baseUrl).slice(0, 16) : 'default';
}

export function createBatchStateStore(dir: string): BatchStateStore {
  const fileOf = (record: Pick<BatchRecord, 'provider' | 'server' | 'batchId'>): string =>
    path.join(dir, `${sha256(`${record.provider}\n${record.server}\n${record.batchId}`).slice(0, 24)}.json`);

  return {
    dir,
    async list(onBadFile) {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
      } catch {
        return [];
      }
      const records: BatchRecord[] = [];
      for (const name of names) {
        const file = path.join(dir, name);
        try {
          const record = JSON.parse(await readFile(file, 'utf8')) as BatchRecord;
          if (!isRecord(record)) throw new Error('not a batch record');
          records.push(record);
        } catch {
          onBadFile?.(file);
        }
      }
      return records;
    },
    async save(record) {
      await mkdir(dir, { recursive: true });
      const file = fileOf(record);
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, `${JSON.stringify(record)}\n`);
      await rename(temp, file);
    },
    async remove(record) {
      await unlink(fileOf(record)).catch(() => undefined);
    },
  };
}

function isRecord(value: unknown): value is BatchRecord {
  const r = value as BatchRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.version === 1 &&
    typeof r.provider === 'string' &&
    typeof r.server === 'string' &&
    typeof r.batchId === 'string' &&
    Array.isArray(r.customIds) &&
    r.customIds.every((id) => typeof id === 'string')
  );
}
