// What an interrupted run left in results.jsonl: whole lines are kept, a torn last line is
// dropped (and measured, so resume can cut it off), a damaged line with more after it is refused.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWrittenResults } from './read-written-results.js';

const line = (caseId: string) =>
  `${JSON.stringify({ suite: 's', caseId, baseId: caseId, provider: 'p', repeat: 0, scores: {}, tags: [] })}\n`;

async function folder(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-written-'));
  await writeFile(path.join(dir, 'results.jsonl'), content);
  return dir;
}

describe('readWrittenResults', () => {
  it('keeps whole lines and drops a torn last line, saying where the intact part ends', async () => {
    const whole = line('a') + line('é'); // multi-byte: offsets are bytes
    const got = await readWrittenResults(await folder(`${whole}{"suite":"s","caseId":"c`));
    expect(got.results.map((r) => r.caseId)).toEqual(['a', 'é']);
    expect(got.torn).toBe(true);
    expect(got.validBytes).toBe(Buffer.byteLength(whole));
  });

  it('treats a complete JSON object without its newline as torn too', async () => {
    const got = await readWrittenResults(await folder(line('a') + line('b').trimEnd()));
    expect(got.results.map((r) => r.caseId)).toEqual(['a']);
    expect(got.torn).toBe(true);
  });

  it('reads an intact file as it is, and a missing one as empty', async () => {
    const got = await readWrittenResults(await folder(line('a') + line('b')));
    expect(got).toMatchObject({ torn: false, validBytes: Buffer.byteLength(line('a') + line('b')) });
    expect(await readWrittenResults(path.join(tmpdir(), 'no-such-run-folder'))).toEqual({
      results: [],
      validBytes: 0,
      torn: false,
    });
  });

  it('refuses a damaged line that is not the last', async () => {
    await expect(readWrittenResults(await folder(`${line('a')}{"broken\n${line('b')}`))).rejects.toThrow(
      /results\.jsonl:2: .*damaged, not torn by a crash/,
    );
  });
});
