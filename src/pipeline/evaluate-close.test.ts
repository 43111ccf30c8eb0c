// evaluate() and what it closes: a close that fails after a successful run is the error; after a
// failed run the run's own error is, and the close failure is a note (src/pipeline/close-in-order.ts).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixtureProject } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from './evaluate.js';

const SECRET = 'pgS3cretValue99';
let failClose = false;

// The model clients' close is the last closer evaluate() runs: make it throw on demand.
vi.mock('../providers/create-models.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../providers/create-models.js')>();
  return {
    ...real,
    createModels: async (options: Parameters<typeof real.createModels>[0]) => {
      const created = await real.createModels(options);
      return {
        ...created,
        close: () => {
          created.close();
          if (failClose) throw new Error(`models close failed for password ${SECRET}\n    at stack`);
        },
      };
    },
  };
});

afterEach(() => {
  failClose = false;
});

describe('evaluate() closing what it opened', () => {
  it('throws the close error after a run that succeeded', async () => {
    const root = await createFixtureProject();
    failClose = true;
    await expect(
      evaluate({
        configPath: path.join(root, 'eval/evalgate.yaml'),
        env: {},
        providers: ['local/extractive'],
      }),
    ).rejects.toThrow(/models close failed/);
  });

  it("keeps a failed run's own error, and notes the close failure with the secret scrubbed", async () => {
    const root = await createFixtureProject();
    const cases = path.join(root, 'test_cases/qa.jsonl');
    await writeFile(cases, `${await readFile(cases, 'utf8')}{"id": "broken", "question": 7}\n`);
    failClose = true;
    const notes: string[] = [];
    const error = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { PGPASSWORD: SECRET },
      providers: ['local/extractive'],
      onNote: (line) => notes.push(line),
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/qa\.jsonl/);
    expect((error as Error).message).not.toMatch(/close/);
    expect(notes).toContain(
      'closing after the failed run also failed: models close failed for password [redacted]',
    );
  });

  it('the same project evaluates cleanly when nothing fails (the fixture is sound)', async () => {
    const root = await createFixtureProject();
    const { record } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: {},
      providers: ['local/extractive'],
    });
    expect(record.manifest.counts.results).toBeGreaterThan(0);
  });
});
