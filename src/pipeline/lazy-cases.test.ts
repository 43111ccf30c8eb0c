// Constant-memory runs (issue 12): a run reads its cases file while it runs, case by case, instead
// of holding every case from the start. Shown by editing the file after the first model call: a
// run that still reads the file notices; one that had materialised its cases up front would not.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { InputError } from '../core/errors.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../testing/index.js';
import { evaluate } from './evaluate.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function runWhile(edit: (casesFile: string) => void): Promise<unknown> {
  let casesFile = '';
  let calls = 0;
  server = await startFakeOpenAIServer({
    reply: (request) => {
      if (calls++ === 0) edit(casesFile);
      const prompt = (request.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      return referenceFor(prompt) ?? 'unknown';
    },
  });
  const root = await createFixtureProject({ openaiUrl: server.url });
  casesFile = path.join(root, 'test_cases/qa.jsonl');
  try {
    const outcome = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      useCache: false,
      concurrency: 1,
    });
    return outcome.record.manifest.counts.results;
  } catch (error) {
    return error;
  }
}

describe('a run reads its cases as it goes', () => {
  it('notices the cases file changing under it after the first model call', async () => {
    const error = await runWhile((file) => utimesSync(file, new Date(), new Date(Date.now() + 60_000)));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('CASES_CHANGED');
    expect((error as InputError).message).toContain('test_cases/qa.jsonl');
  });

  it('runs every case when the file is left alone', async () => {
    expect(await runWhile(() => {})).toBe(6);
  });
});
