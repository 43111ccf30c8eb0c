// `--resume --batch`: a case already written to the interrupted run is never sent again, in a
// batch or directly, whether it was answered or recorded an error; a case not yet written whose
// request failed in the first run's batch (expired) goes into the resumed run's batch exactly
// once. The interruption is made by hand (run.json removed, results cut to three lines), the
// state a kill during the final pass leaves; batch-cli.test.ts kills a real process mid-poll.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from '../pipeline/evaluate.js';
import type { RecordedRequest } from '../testing/fake-http-server.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { chatCalls, openAIProject, promptOf } from './__fixtures__/batch-project.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('eval --resume --batch', () => {
  it('re-sends only the unwritten cases, each once; written ones (answered or errored) never', async () => {
    const asked = new Map<string, number>();
    server = await startFakeOpenAIServer({
      reply: (request: RecordedRequest) => {
        const prompt = promptOf(request);
        const reference = referenceFor(prompt) ?? 'unknown';
        asked.set(reference, (asked.get(reference) ?? 0) + 1);
        return reference;
      },
      // Two requests run, the other four expire: four cases record BATCH_EXPIRED.
      batch: { outcome: 'expired', processed: 2 },
    });
    const options = {
      configPath: await openAIProject(server.url),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
    };
    const first = await evaluate(options);
    const errored = first.results.filter((r) => r.error?.code === 'BATCH_EXPIRED').map((r) => r.caseId);
    expect(errored).toHaveLength(4);
    // Killed in the final pass after writing three results, at least one of them an error.
    await rm(path.join(first.runDir, 'run.json'));
    const file = path.join(first.runDir, 'results.jsonl');
    const written = (await readFile(file, 'utf8')).trim().split('\n').slice(0, 3);
    await writeFile(file, `${written.join('\n')}\n`);
    const writtenIds = written.map((l) => JSON.parse(l).caseId as string);
    const writtenErrors = writtenIds.filter((id) => errored.includes(id));
    expect(writtenErrors.length).toBeGreaterThan(0);
    const unwritten = first.results.filter((r) => !writtenIds.includes(r.caseId));
    expect(unwritten.every((r) => r.error?.code === 'BATCH_EXPIRED')).toBe(true);
    const askedBefore = new Map(asked);

    server.batch.options.outcome = 'completed';
    const resumed = await evaluate({ ...options, resume: true });
    expect(resumed.runDir).toBe(first.runDir);
    // One new batch with exactly the three unwritten cases' requests, no direct call.
    expect(server.batch.stats.created).toBe(2);
    expect(resumed.record.manifest.batch?.submitted?.requests).toBe(3);
    expect(chatCalls(server)).toBe(0);
    for (const r of first.results) {
      const reference = referenceFor(r.input)!;
      const more = (asked.get(reference) ?? 0) - (askedBefore.get(reference) ?? 0);
      expect([r.caseId, more]).toEqual([r.caseId, writtenIds.includes(r.caseId) ? 0 : 1]);
    }
    // Every case once; the written error stays what it was, the re-sent ones are answered.
    expect(resumed.results.map((r) => r.caseId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    for (const id of writtenErrors)
      expect(resumed.results.find((r) => r.caseId === id)?.error?.code).toBe('BATCH_EXPIRED');
    for (const r of unwritten)
      expect(resumed.results.find((x) => x.caseId === r.caseId)?.error).toBeUndefined();
  });

  it('refuses a resume whose prompt changed before any batch is made or paid; unchanged, it resumes', async () => {
    server = await startFakeOpenAIServer({ reply: (r) => referenceFor(promptOf(r)) ?? 'unknown' });
    const configPath = await openAIProject(server.url);
    const options = {
      configPath,
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
      spend: { maxCostUsd: 1, batch: true },
    };
    const first = await evaluate(options);
    await rm(path.join(first.runDir, 'run.json'));
    const file = path.join(first.runDir, 'results.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n').slice(0, 3);
    await writeFile(file, `${lines.join('\n')}\n`);
    // The prompt's answers are cached; a changed prompt needs new ones, which a batch would buy.
    const prompt = path.join(path.dirname(configPath), '../prompts/answer/v1.md');
    const original = await readFile(prompt, 'utf8');
    await writeFile(prompt, `${original}\nBe brief.\n`);
    const created = server.batch.stats.created;
    const answered = server.batch.stats.answered;
    await expect(evaluate({ ...options, resume: true })).rejects.toThrow(
      /cannot resume run .* since it began/,
    );
    expect(server.batch.stats.created).toBe(created);
    expect(server.batch.stats.answered).toBe(answered);
    expect(chatCalls(server)).toBe(0);
    // Must not flip: the same run, prompt restored, resumes (its answers come from the cache).
    await writeFile(prompt, original);
    const resumed = await evaluate({ ...options, resume: true });
    expect(resumed.runDir).toBe(first.runDir);
    expect(resumed.results).toHaveLength(6);
  });
});
