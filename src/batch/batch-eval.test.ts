// `eval --batch` end to end against the fake OpenAI and Anthropic servers' batch endpoints, with
// the real SDKs: answers, scores and tokens equal a direct run's, one batch is created, no
// per-call chat request is made, and the cost is half the direct run's.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate, type EvaluateOutcome } from '../pipeline/evaluate.js';
import type { RecordedRequest } from '../testing/fake-http-server.js';
import {
  startFakeAnthropicServer,
  startFakeOpenAIServer,
  type FakeAnthropicServer,
  type FakeOpenAIServer,
} from '../testing/index.js';
import { openAIProject, anthropicProject, promptOf, chatCalls } from './__fixtures__/batch-project.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const answer = (request: RecordedRequest): string => referenceFor(promptOf(request)) ?? 'unknown';

async function openai(options: Parameters<typeof startFakeOpenAIServer>[0] = {}): Promise<FakeOpenAIServer> {
  const server = await startFakeOpenAIServer({ reply: answer, ...options });
  servers.push(server);
  return server;
}
async function anthropic(
  options: Parameters<typeof startFakeAnthropicServer>[0] = {},
): Promise<FakeAnthropicServer> {
  const server = await startFakeAnthropicServer({ reply: answer, ...options });
  servers.push(server);
  return server;
}

/** The parts of a result a batch must not change (timings and the cache flag aside). */
function comparable(outcome: EvaluateOutcome) {
  return outcome.results.map((r) => ({
    caseId: r.caseId,
    output: r.output,
    scores: r.scores,
    inputTokens: r.usage?.inputTokens,
    outputTokens: r.usage?.outputTokens,
    error: r.error,
  }));
}

function quality(outcome: EvaluateOutcome) {
  const metrics = outcome.record.summary[0].metrics;
  return Object.fromEntries(
    Object.entries(metrics).filter(([name]) => !name.startsWith('latency.') && !name.startsWith('cost.')),
  );
}

const totalCost = (outcome: EvaluateOutcome): number =>
  outcome.results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);

describe('eval --batch', () => {
  it('OpenAI: same answers and scores as a direct run, one batch, no chat call, half the cost', async () => {
    const directServer = await openai();
    const direct = await evaluate({
      configPath: await openAIProject(directServer.url),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
    });
    const server = await openai({ batch: { pollsUntilDone: 2 } });
    const notes: string[] = [];
    const batched = await evaluate({
      configPath: await openAIProject(server.url),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
      onNote: (line) => notes.push(line),
    });
    expect(comparable(batched)).toEqual(comparable(direct));
    expect(quality(batched)).toEqual(quality(direct));
    expect(server.batch.stats.created).toBe(1);
    expect(server.batch.stats.answered).toBe(6);
    expect(chatCalls(server)).toBe(0);
    expect(batched.results.every((r) => r.usage?.batch === true && r.latencyMs === null)).toBe(true);
    // Every token priced at half the list price: the batch run costs exactly half the direct one.
    expect(totalCost(batched)).toBeCloseTo(totalCost(direct) / 2, 12);
    const { batch } = batched.record.manifest;
    expect(batch?.cost?.calls).toBe(6);
    expect(batch?.cost?.listCostUsd).toBeCloseTo(totalCost(direct), 12);
    expect(batch?.cost?.savingUsd).toBeCloseTo(totalCost(direct) / 2, 12);
    expect(batch?.submitted).toMatchObject({ requests: 6, failed: 0, retriedDirectly: 0 });
    expect(batch?.submitted?.batches).toEqual([
      expect.objectContaining({ status: 'completed', requests: 6, succeeded: 6, resumed: false }),
    ]);
    expect(notes.some((n) => /batch batch_fake1: in_progress, 0\/6 done/.test(n))).toBe(true);
    expect(notes.some((n) => /batch batch_fake1: completed, 6\/6 done/.test(n))).toBe(true);
    expect(batched.record.manifest.timings.batch).toBeGreaterThan(0);
    expect(direct.record.manifest.timings.batch).toBeUndefined();
    // Latency was not measured, so it is reported as such rather than as ~0 ms.
    expect(batched.record.summary[0].metrics['latency.p50_ms'].value).toBeNull();
  });

  it('Anthropic: same answers and scores as a direct run through Message Batches', async () => {
    const directServer = await anthropic();
    const direct = await evaluate({
      configPath: await anthropicProject(directServer.url),
      env: { ANTHROPIC_API_KEY: 'test' },
      providers: ['anthropic/claude-3-5-haiku-latest'],
    });
    const server = await anthropic({ batch: { pollsUntilDone: 1 } });
    const batched = await evaluate({
      configPath: await anthropicProject(server.url),
      env: { ANTHROPIC_API_KEY: 'test' },
      providers: ['anthropic/claude-3-5-haiku-latest'],
      batch: { pollIntervalMs: 1 },
    });
    expect(comparable(batched)).toEqual(comparable(direct));
    expect(quality(batched)).toEqual(quality(direct));
    expect(server.batch.stats.created).toBe(1);
    expect(server.requests.filter((r) => r.path === '/v1/messages').length).toBe(0);
    expect(totalCost(batched)).toBeCloseTo(totalCost(direct) / 2, 12);
    expect(batched.record.manifest.batch?.submitted?.batches[0]).toMatchObject({
      status: 'ended',
      succeeded: 6,
    });
  });

  it('a second --batch run finds everything cached and submits nothing', async () => {
    const server = await openai();
    const configPath = await openAIProject(server.url);
    const options = {
      configPath,
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
    };
    await evaluate(options);
    const again = await evaluate(options);
    expect(server.batch.stats.created).toBe(1);
    expect(again.record.manifest.batch?.submitted).toMatchObject({ requests: 0, batches: [] });
    // Cached batch answers keep their batch price, so the saving is still shown.
    expect(again.record.manifest.batch?.cost?.calls).toBe(6);
    // So does a run without --batch that reads them from the cache.
    const { batch, ...plain } = options;
    const direct = await evaluate(plain);
    expect(direct.record.manifest.batch?.submitted).toBeUndefined();
    expect(direct.record.manifest.batch?.cost).toEqual(again.record.manifest.batch?.cost);
    expect(chatCalls(server)).toBe(0);
  });

  it('resumes interrupted polling: the re-run polls the same batch instead of creating another', async () => {
    const server = await openai({ batch: { pollsUntilDone: 3 } });
    const configPath = await openAIProject(server.url);
    const stateDir = path.join(path.dirname(configPath), '..', '.evalgate', 'batches');
    const abort = new AbortController();
    await expect(
      evaluate({
        configPath,
        env: { OPENAI_API_KEY: 'test' },
        providers: ['openai/gpt-4o-mini'],
        batch: { pollIntervalMs: 5, signal: abort.signal },
        onNote: (line) => {
          if (line.includes('in_progress')) abort.abort(new Error('interrupted by the test'));
        },
      }),
    ).rejects.toThrow('interrupted by the test');
    expect((await readdir(stateDir)).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    const pollsBefore = server.batch.stats.polls;
    expect(server.batch.stats.answered).toBe(0);

    const resumed = await evaluate({
      configPath,
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
    });
    expect(server.batch.stats.created).toBe(1);
    expect(server.batch.stats.polls).toBeGreaterThan(pollsBefore);
    expect(chatCalls(server)).toBe(0);
    expect(resumed.results.filter((r) => r.error)).toEqual([]);
    expect(resumed.record.manifest.batch?.submitted?.batches).toEqual([
      expect.objectContaining({ batchId: 'batch_fake1', resumed: true, succeeded: 6 }),
    ]);
    expect((await readdir(stateDir)).filter((n) => n.endsWith('.json'))).toEqual([]);
  });

  it('never writes the API key into batch state or the run folder', async () => {
    const canary = 'sk-canary-5d1f0c2e9a';
    const server = await openai({ batch: { pollsUntilDone: 3 } });
    const configPath = await openAIProject(server.url);
    const abort = new AbortController();
    await evaluate({
      configPath,
      env: { OPENAI_API_KEY: canary },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 5, signal: abort.signal },
      onNote: (line) => {
        if (line.includes('in_progress')) abort.abort(new Error('stop'));
      },
    }).catch(() => undefined);
    const stateDir = path.join(path.dirname(configPath), '..', '.evalgate', 'batches');
    const [file] = (await readdir(stateDir)).filter((n) => n.endsWith('.json'));
    expect(await readFile(path.join(stateDir, file), 'utf8')).not.toContain(canary);
    // The key did reach the server, so the canary would have been there to leak.
    expect(server.requests.some((r) => String(r.headers.authorization).includes(canary))).toBe(true);
    const done = await evaluate({
      configPath,
      env: { OPENAI_API_KEY: canary },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
    });
    for (const name of await readdir(done.runDir))
      if (name.endsWith('.json') || name.endsWith('.jsonl'))
        expect(await readFile(path.join(done.runDir, name), 'utf8')).not.toContain(canary);
  });
});
