import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asyncLogDestination } from './log-destination.js';

describe('asyncLogDestination', () => {
  it('writes every line, in order, by the time close() resolves', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-pino-'));
    const file = path.join(dir, 'sub', 'server.log');
    const destination = asyncLogDestination(file);
    for (let i = 0; i < 1000; i++) destination.stream.write(`${JSON.stringify({ i })}\n`);
    await destination.close();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).i)).toEqual([...Array(1000).keys()]);
  });
});
