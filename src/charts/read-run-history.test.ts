import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRecord } from '../reporters/__fixtures__/run-record.js';
import { readRunHistory } from './read-run-history.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRunHistory', () => {
  it('reads earlier records without their case hashes, everything else as written', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'evalgate-history-'));
    const withHashes = {
      ...runRecord,
      manifest: {
        ...runRecord.manifest,
        suites: runRecord.manifest.suites.map((s) => ({
          ...s,
          caseHashes: { 'case-1': 'abc', 'case-2': 'def' },
        })),
      },
    };
    const runDir = path.join(dir, '20260101-000000-000-aaaaaa');
    await mkdir(runDir, { recursive: true });
    await writeFile(path.join(runDir, 'run.json'), JSON.stringify(withHashes));
    const [read] = await readRunHistory(dir);
    expect(read.manifest.suites.every((s) => s.caseHashes === undefined)).toBe(true);
    const expected = JSON.parse(JSON.stringify(runRecord));
    for (const s of expected.manifest.suites) delete s.caseHashes;
    expect(read).toEqual(expected);
  });
});
