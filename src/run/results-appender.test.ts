// The appender's promise: when `write` resolves, the line is in the file (so the runner may
// free the case's slot), and results finishing together share one write.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openResultsAppender } from './results-appender.js';
import type { CaseResult } from './types.js';

const result = (i: number) => ({ suite: 's', caseId: `c${i}` }) as unknown as CaseResult;

describe('openResultsAppender', () => {
  it('resolves each write only once its line is on disk, and appends to what is there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-append-'));
    const file = path.join(dir, 'results.jsonl');
    const first = await openResultsAppender(dir);
    await first.write(result(0));
    await first.close();
    const writer = await openResultsAppender(dir);
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writer.write(result(i + 1)).then(async () => {
          const text = await readFile(file, 'utf8');
          if (text.includes(`"c${i + 1}"`)) seen.push(i + 1);
        }),
      ),
    );
    await writer.close();
    expect(seen).toHaveLength(50);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).caseId)).toEqual(Array.from({ length: 51 }, (_, i) => `c${i}`));
  });
});
