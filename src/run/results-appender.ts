// Appends results to results.jsonl with group commit: results that finish in the same tick go
// out in one write, and each `write` resolves only once its line has reached the operating
// system. The runner awaits it before freeing the case's concurrency slot, so a `kill -9` loses
// at most `concurrency` cases (finished or in flight), and `--resume` repeats no request for a
// case whose line was written. A crash mid-write can leave a torn last line: readers drop it.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { RESULTS_FILE } from './run-folder.js';
import type { CaseResult } from './types.js';

export interface ResultsAppender {
  write(result: CaseResult): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export async function openResultsAppender(runDir: string): Promise<ResultsAppender> {
  await mkdir(runDir, { recursive: true });
  const handle = await open(path.join(runDir, RESULTS_FILE), 'a');
  let pending: Pending[] = [];
  let draining: Promise<void> | null = null;

  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await handle.appendFile(batch.map((p) => p.line).join(''), 'utf8');
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    draining = null;
  };

  return {
    write: (result) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ line: `${JSON.stringify(result)}\n`, resolve, reject });
        // Wait one turn of the event loop so results finishing together share a write.
        draining ??= new Promise<void>((done) => setImmediate(done)).then(drain);
      }),
    close: async () => {
      await draining;
      await handle.close();
    },
  };
}
