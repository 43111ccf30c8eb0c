import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInferenceLog } from './inference-log.js';

async function lines(file: string): Promise<{ i: number }[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe('openInferenceLog', () => {
  it('appends every line, in order, and close() waits for the queue', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-log-'));
    const file = path.join(dir, 'sub', 'inference.jsonl');
    const log = await openInferenceLog({ file, maxBytes: 1e9, maxFiles: 3 });
    for (let i = 0; i < 2000; i++) log.append({ i });
    await log.close();
    const got = await lines(file);
    expect(got.map((l) => l.i)).toEqual([...Array(2000).keys()]);
  });

  it('rotates by size and keeps at most maxFiles old files, losing nothing in the kept span', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-log-'));
    const file = path.join(dir, 'inference.jsonl');
    const log = await openInferenceLog({ file, maxBytes: 200, maxFiles: 2 });
    for (let i = 0; i < 60; i++) {
      log.append({ i });
      await log.flush(); // one line per batch, so rotation points are deterministic
    }
    await log.close();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['inference.jsonl', 'inference.jsonl.1', 'inference.jsonl.2']);
    const kept = [...(await lines(`${file}.2`)), ...(await lines(`${file}.1`)), ...(await lines(file))].map(
      (l) => l.i,
    );
    // Oldest first across the files, contiguous up to the last line written.
    expect(kept.at(-1)).toBe(59);
    expect(kept).toEqual([...Array(kept.length).keys()].map((k) => 60 - kept.length + k));
    for (const f of files) expect((await readFile(path.join(dir, f))).length).toBeLessThanOrEqual(200);
  });

  it('appends to an existing log instead of truncating it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-log-'));
    const file = path.join(dir, 'inference.jsonl');
    for (const i of [1, 2]) {
      const log = await openInferenceLog({ file, maxBytes: 1e9, maxFiles: 1 });
      log.append({ i });
      await log.close();
    }
    expect((await lines(file)).map((l) => l.i)).toEqual([1, 2]);
  });

  it('batches lines: nothing reaches the disk before the interval, everything after it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-log-'));
    const file = path.join(dir, 'inference.jsonl');
    const log = await openInferenceLog({ file, maxBytes: 1e9, maxFiles: 1, flushIntervalMs: 300 });
    for (let i = 0; i < 5; i++) log.append({ i });
    await new Promise((r) => setImmediate(r));
    expect(await lines(file)).toEqual([]);
    // The timer alone writes them (no flush, no close).
    const deadline = Date.now() + 5000;
    while ((await lines(file)).length < 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect((await lines(file)).map((l) => l.i)).toEqual([0, 1, 2, 3, 4]);
    await log.close();
  });

  it('writes at once when maxBufferedRecords lines wait, without waiting for the timer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-log-'));
    const file = path.join(dir, 'inference.jsonl');
    const log = await openInferenceLog({
      file,
      maxBytes: 1e9,
      maxFiles: 1,
      flushIntervalMs: 60_000,
      maxBufferedRecords: 3,
    });
    for (let i = 0; i < 3; i++) log.append({ i });
    await new Promise((r) => setTimeout(r, 50));
    expect((await lines(file)).map((l) => l.i)).toEqual([0, 1, 2]);
    log.append({ i: 3 });
    await log.close(); // close() writes the one line still waiting for its timer
    expect((await lines(file)).map((l) => l.i)).toEqual([0, 1, 2, 3]);
  });
});
