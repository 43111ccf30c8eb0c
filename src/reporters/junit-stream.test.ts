import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sortResults } from '../pipeline/evaluate.js';
import type { CaseResult } from '../run/types.js';
import { results, runRecord } from './__fixtures__/run-record.js';
import { renderJunit } from './junit.js';
import { writeJunitStream } from './junit-stream.js';

describe('writeJunitStream', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes byte for byte what renderJunit renders, from results streamed in file order', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evalgate-junit-test-'));
    const file = path.join(dir, 'junit.xml');
    const sorted = sortResults(results);
    async function* stream(): AsyncGenerator<CaseResult> {
      for (const r of sorted) yield r;
    }
    await writeJunitStream({ file, record: runRecord, results: stream });
    expect(await readFile(file, 'utf8')).toBe(renderJunit(runRecord, results));
  });

  it('puts a group that is not in the summary after the summary groups, and counts it in the totals', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evalgate-junit-test-'));
    const file = path.join(dir, 'junit.xml');
    const extra = { ...results[0], suite: 'aaa-unsummarized', attribution: 'generation-error' as const };
    const all = sortResults([...results, extra]);
    await writeJunitStream({ file, record: runRecord, results: () => all });
    const xml = await readFile(file, 'utf8');
    expect(xml).toBe(renderJunit(runRecord, all));
    expect(xml.lastIndexOf('<testsuite name="aaa-unsummarized')).toBeGreaterThan(
      xml.lastIndexOf('<testsuite name="'.concat(runRecord.summary.at(-1)!.suite)),
    );
  });
});
