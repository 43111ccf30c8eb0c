// Run folders: reports/runs/<run-id>/{run.json, results.jsonl, junit.xml}. results.jsonl is
// streamed as cases finish; writes of run.json go through a temp file and a rename.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { writeFully } from '../core/write-fully.js';
import type { CaseResult } from './types.js';

export const RESULTS_FILE = 'results.jsonl';
export const RUN_FILE = 'run.json';
const WRITE_BATCH = 64;

export function runsDir(reportsDir: string): string {
  return path.join(reportsDir, 'runs');
}

/**
 * `20261122-031502-123-ab12cd`. Milliseconds are part of the stamp because "the latest run"
 * is found by sorting ids: with whole seconds, two runs started in the same second sorted by
 * their random suffix, and `baseline accept` could promote the older one.
 */
export function createRunId(now: number, salt: string): string {
  const d = new Date(now);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}`;
  return `${date}-${time}-${salt.slice(0, 6)}`;
}

export interface ResultsWriter {
  write(result: CaseResult): void;
  close(): Promise<void>;
}

export async function openResultsWriter(runDir: string): Promise<ResultsWriter> {
  await mkdir(runDir, { recursive: true });
  const stream: WriteStream = createWriteStream(path.join(runDir, RESULTS_FILE), { encoding: 'utf8' });
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  // One write per small batch instead of per result: a syscall per case is measurable at
  // thousands of fast cases, and a crash loses at most one batch of lines.
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    stream.write(pending.join(''));
    pending = [];
  };
  return {
    write: (result) => {
      pending.push(`${JSON.stringify(result)}\n`);
      if (pending.length >= WRITE_BATCH) flush();
    },
    close: () =>
      new Promise((resolve, reject) => {
        flush();
        stream.end(() => (failure ? reject(failure) : resolve()));
      }),
  };
}

/**
 * Writes `content` to `file` through a temporary file and a rename, so a reader never sees half of
 * it. `content` may be pieces of text (run.json at 100,000 cases is never held whole), each
 * encoded on its own: a piece must not end in the middle of a surrogate pair.
 */
export async function writeFileAtomic(file: string, content: string | Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  if (typeof content === 'string') await writeFile(temp, content, 'utf8');
  else {
    const handle = await open(temp, 'w');
    try {
      for (const piece of content) await writeFully(handle, Buffer.from(piece, 'utf8'));
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temp, { force: true });
      throw error;
    }
  }
  await rename(temp, file);
}

/** Resolves a run argument: a folder path, a run id under reports/runs, or the latest run. */
export async function resolveRunDir(reportsDir: string, run?: string): Promise<string> {
  const dir = runsDir(reportsDir);
  if (run) {
    const candidates = [run, path.join(dir, run)];
    for (const candidate of candidates) {
      try {
        await readdir(candidate);
        return candidate;
      } catch {
        /* try the next form */
      }
    }
    throw new InputError({
      code: 'RUN_NOT_FOUND',
      file: run,
      message: `no run folder "${run}" (looked in ${dir})`,
    });
  }
  let entries: string[] = [];
  try {
    entries = (await readdir(dir)).filter((e) => /^\d{8}-\d{6}/.test(e)).sort();
  } catch {
    /* no runs yet */
  }
  if (entries.length === 0)
    throw new InputError({
      code: 'RUN_NOT_FOUND',
      file: dir,
      message: 'no runs yet (run `evalgate eval` first)',
    });
  return path.join(dir, entries[entries.length - 1]);
}
