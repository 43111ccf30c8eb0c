// Constant-memory runs (issue 12): a run reads its cases file while it runs, case by case, and
// checks each case against the hash it recorded when the run began before sending it. So a file
// edited after the first model call stops the run before the edited case reaches a model, with
// every paid result written and the way to finish the run named; a touch or a rewrite with the
// same cases is not an edit and the run goes on.
import { readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
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

interface Project {
  root: string;
  casesFile: string;
  /** The prompts the model was sent, in order. */
  prompts: string[];
  run: (extra?: object) => Promise<unknown>;
}

/** The fixture project (6 cases, the last after 300 KB of comment) against a fake model that calls `edit` on its first request. */
async function project(edit: (casesFile: string) => void): Promise<Project> {
  const prompts: string[] = [];
  let casesFile = '';
  server = await startFakeOpenAIServer({
    reply: (request) => {
      const prompt = (request.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      prompts.push(prompt);
      if (prompts.length === 1) edit(casesFile);
      return referenceFor(prompt) ?? 'unknown';
    },
  });
  const root = await createFixtureProject({ openaiUrl: server.url });
  casesFile = path.join(root, 'test_cases/qa.jsonl');
  // A 300 KB comment before the last case puts it beyond the reader's first 256 KB chunk, so the
  // run reads it after the edit (a small file would be read whole before the first call).
  const lines = readFileSync(casesFile, 'utf8').trimEnd().split('\n');
  lines.splice(lines.length - 1, 0, `// ${'padding '.repeat(37_500)}`);
  writeFileSync(casesFile, `${lines.join('\n')}\n`);
  const run = async (extra: object = {}): Promise<unknown> => {
    try {
      const outcome = await evaluate({
        configPath: path.join(root, 'eval/evalgate.yaml'),
        env: { OPENAI_API_KEY: 'test' },
        providers: ['openai/gpt-4o-mini'],
        useCache: false,
        concurrency: 1,
        ...extra,
      });
      return outcome.record.manifest.counts.results;
    } catch (error) {
      return error;
    }
  };
  return { root, casesFile, prompts, run };
}

/** Lines in every results.jsonl under the project's reports. */
function writtenResults(root: string): number {
  const find = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? find(path.join(dir, e.name))
        : e.name === 'results.jsonl'
          ? [path.join(dir, e.name)]
          : [],
    );
  return find(path.join(root, 'reports')).reduce(
    (n, f) => n + readFileSync(f, 'utf8').split('\n').filter(Boolean).length,
    0,
  );
}

describe('a run reads its cases as it goes', () => {
  it('runs every case when the file is left alone', async () => {
    const p = await project(() => {});
    expect(await p.run()).toBe(6);
  });

  it('is not stopped by a touch, a same-bytes rewrite or an atomic save of the same cases', async () => {
    const touched = await project((file) => utimesSync(file, new Date(), new Date(Date.now() + 60_000)));
    expect(await touched.run()).toBe(6);
    await server?.close();
    const rewritten = await project((file) => writeFileSync(file, readFileSync(file)));
    expect(await rewritten.run()).toBe(6);
    await server?.close();
    // An editor's save: a new file renamed over the old one, CRLF line ends this time.
    const saved = await project((file) => {
      writeFileSync(`${file}.tmp`, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
      renameSync(`${file}.tmp`, file);
    });
    expect(await saved.run()).toBe(6);
  });

  it('stops before sending a case edited after the first call, writes what was paid, and resumes once restored', async () => {
    const lines = (text: string) => text.trimEnd().split('\n');
    let original = '';
    let lastQuestion = '';
    const p = await project((file) => {
      original = readFileSync(file, 'utf8');
      const all = lines(original);
      const last = JSON.parse(all[all.length - 1]!) as { question: string };
      lastQuestion = last.question;
      all[all.length - 1] = JSON.stringify({ ...last, question: 'EDITED question' });
      writeFileSync(file, `${all.join('\n')}\n`);
    });
    const error = await p.run();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('CASES_CHANGED');
    const message = (error as InputError).message;
    expect(message).toMatch(/^test_cases\/qa\.jsonl:7: case "[^"]+" is not the case the run started with/);
    const runId = /--resume (\S+)`/.exec(message)?.[1];
    expect(runId).toBeDefined();
    // The edited case reached no model, in either version; every call made was written.
    expect(p.prompts.some((q) => q.includes('EDITED') || q.includes(lastQuestion))).toBe(false);
    expect(p.prompts).toHaveLength(5);
    expect(writtenResults(p.root)).toBe(5);

    // As the message says: --resume refuses while the edit is in place, and finishes once the
    // file is restored, sending only the case not yet written.
    const refused = await p.run({ resume: runId });
    expect((refused as InputError).code).toBe('RESUME_CHANGED');
    writeFileSync(p.casesFile, original);
    expect(await p.run({ resume: runId })).toBe(6);
    expect(p.prompts).toHaveLength(6);
    expect(p.prompts[5]).toContain(lastQuestion);
  });
});
