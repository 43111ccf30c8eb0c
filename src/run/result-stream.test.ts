import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { streamResultsFile } from './result-stream.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function collect(file: string) {
  const out = [];
  for await (const r of streamResultsFile(file)()) out.push(r);
  return out;
}

describe('streamResultsFile', () => {
  it('reads every line across buffer edges: long and multi-byte lines, CRLF, blanks, no final newline', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evalgate-stream-'));
    const results = Array.from({ length: 300 }, (_, i) =>
      caseResult({
        caseId: `c${i}`,
        // Multi-byte characters land on the 64 KB read boundaries; some lines are longer than it.
        output: i % 50 === 7 ? 'é答'.repeat(30_000) : `réponse ${'ü'.repeat(i)} 答え`,
      }),
    );
    const lines = results.map((r) => JSON.stringify(r));
    const text = `${lines.slice(0, 100).join('\n')}\n\n  \n${lines.slice(100, 200).join('\r\n')}\r\n${lines.slice(200).join('\n')}`;
    const file = path.join(dir, 'results.jsonl');
    await writeFile(file, text);
    expect(await collect(file)).toEqual(results);
    // Every call is a fresh pass.
    expect((await collect(file)).length).toBe(300);
    await writeFile(file, '');
    expect(await collect(file)).toEqual([]);
  });
});
