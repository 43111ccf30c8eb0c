// Run folders a crash can leave behind are refused with one line each; a whole one passes.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRunFolder } from './check-run-folder.js';

const RESULT = '{"suite":"s","caseId":"a"}\n';
const record = (results: number) => JSON.stringify({ manifest: { runId: 'r', counts: { results } } });

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-check-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('checkRunFolder', () => {
  it('passes a whole run', async () => {
    await expect(
      checkRunFolder(await folder({ 'run.json': record(2), 'results.jsonl': RESULT + RESULT })),
    ).resolves.toBe(undefined);
  });

  it.each([
    [
      'an unfinished run',
      { 'results.jsonl': RESULT },
      /run\.json: missing: run \S+ did not finish .*--resume/,
    ],
    [
      'a torn run.json',
      { 'run.json': record(1).slice(0, 20), 'results.jsonl': RESULT },
      /run\.json: cut short or not valid JSON/,
    ],
    [
      'a torn last result',
      { 'run.json': record(2), 'results.jsonl': `${RESULT}{"suite":"s"` },
      /results\.jsonl:2: the last line is cut short/,
    ],
    [
      'missing results',
      { 'run.json': record(1), 'results.jsonl': '' },
      /holds 0 results but run\.json counted 1/,
    ],
    [
      'extra results',
      { 'run.json': record(1), 'results.jsonl': RESULT + RESULT },
      /holds 2 results but run\.json counted 1/,
    ],
    ['no run at all', {}, /run\.json: missing: not a run folder/],
  ])('refuses %s', async (_name, files, message) => {
    await expect(checkRunFolder(await folder(files))).rejects.toThrow(message);
  });
});
