// What `eval --batch` does when a batch does not answer everything: a refused request is that
// case's error, a server-side failure is retried directly, expired / cancelled / refused batches
// give each affected case a clear error, and a re-run submits only what is still missing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from '../pipeline/evaluate.js';
import type { RecordedRequest } from '../testing/fake-http-server.js';
import { startFakeAnthropicServer, startFakeOpenAIServer } from '../testing/index.js';
import { anthropicProject, chatCalls, openAIProject, promptOf } from './__fixtures__/batch-project.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const answer = (request: RecordedRequest): string => referenceFor(promptOf(request)) ?? 'unknown';
const openAIOptions = { env: { OPENAI_API_KEY: 'test' }, providers: ['openai/gpt-4o-mini'] };
const anthropicOptions = {
  env: { ANTHROPIC_API_KEY: 'test' },
  providers: ['anthropic/claude-3-5-haiku-latest'],
};
const errorsOf = (results: { caseId: string; error?: { code: string; message: string } }[]) =>
  Object.fromEntries(results.filter((r) => r.error).map((r) => [r.caseId, r.error!]));

describe('eval --batch with failures', () => {
  it('records a refused request on its case and retries a server-side failure directly', async () => {
    let q3Asked = 0;
    const server = await startFakeOpenAIServer({
      reply: (request) => {
        const prompt = promptOf(request);
        if (prompt.includes('How much does the Pro plan cost?'))
          return { status: 400, content: "Invalid 'messages': too long" };
        // q3 fails inside the batch, then succeeds when sent directly.
        if (prompt.includes('maximum file size') && q3Asked++ === 0) return { status: 500 };
        return answer(request);
      },
    });
    servers.push(server);
    const notes: string[] = [];
    const { results, record } = await evaluate({
      configPath: await openAIProject(server.url),
      ...openAIOptions,
      batch: { pollIntervalMs: 1 },
      onNote: (line) => notes.push(line),
    });
    expect(errorsOf(results)).toEqual({
      q2: {
        code: 'BATCH_REQUEST_FAILED',
        message: "openai/gpt-4o-mini: HTTP 400: Invalid 'messages': too long",
      },
    });
    // Only q3 went direct; the 400 is not retried (it would fail the same way).
    expect(chatCalls(server)).toBe(1);
    const q3 = results.find((r) => r.caseId === 'q3')!;
    expect(q3.output).toBe('The maximum file size for sync is 50 GB.');
    expect(q3.usage?.batch).toBeUndefined();
    expect(record.manifest.batch?.submitted).toMatchObject({ requests: 6, retriedDirectly: 1, failed: 1 });
    expect(record.manifest.batch?.cost?.calls).toBe(4);
    expect(notes.some((n) => n.includes('1 request(s) failed in a batch with a server-side error'))).toBe(
      true,
    );
  });

  it('an expired OpenAI batch: answered requests are kept, the rest fail clearly, a re-run submits only those', async () => {
    const server = await startFakeOpenAIServer({
      reply: answer,
      batch: { outcome: 'expired', processed: 2 },
    });
    servers.push(server);
    const configPath = await openAIProject(server.url);
    const first = await evaluate({ configPath, ...openAIOptions, batch: { pollIntervalMs: 1 } });
    const errors = errorsOf(first.results);
    expect(Object.keys(errors).sort()).toHaveLength(4);
    for (const error of Object.values(errors))
      expect(error).toEqual({
        code: 'BATCH_EXPIRED',
        message: 'openai/gpt-4o-mini: the batch expired (24 h window) before this request ran',
      });
    expect(first.results.filter((r) => !r.error && r.output !== null)).toHaveLength(2);
    expect(chatCalls(server)).toBe(0);
    expect(first.record.manifest.batch?.submitted?.batches[0]).toMatchObject({
      status: 'expired',
      succeeded: 2,
      failed: 4,
    });

    server.batch.options.outcome = 'completed';
    const second = await evaluate({ configPath, ...openAIOptions, batch: { pollIntervalMs: 1 } });
    expect(errorsOf(second.results)).toEqual({});
    expect(server.batch.stats.created).toBe(2);
    expect(second.record.manifest.batch?.submitted?.requests).toBe(4);
    expect(chatCalls(server)).toBe(0);
  });

  it('a cancelled Anthropic batch gives each unanswered case a BATCH_CANCELLED error', async () => {
    const server = await startFakeAnthropicServer({
      reply: answer,
      batch: { outcome: 'cancelled', processed: 5 },
    });
    servers.push(server);
    const { results } = await evaluate({
      configPath: await anthropicProject(server.url),
      ...anthropicOptions,
      batch: { pollIntervalMs: 1 },
    });
    expect(Object.values(errorsOf(results))).toEqual([
      {
        code: 'BATCH_CANCELLED',
        message: 'anthropic/claude-3-5-haiku-latest: the batch was cancelled before this request ran',
      },
    ]);
    expect(server.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(0);
  });

  it('an Anthropic request that errors in the batch is the case error; an overloaded one is retried directly', async () => {
    let overloaded = 0;
    const server = await startFakeAnthropicServer({
      reply: (request) => {
        const prompt = promptOf(request);
        if (prompt.includes('How much does annual billing save?'))
          return { status: 400, content: 'prompt is too long' };
        if (prompt.includes('Can file names end') && overloaded++ === 0) return { status: 529 };
        return answer(request);
      },
    });
    servers.push(server);
    const { results, record } = await evaluate({
      configPath: await anthropicProject(server.url),
      ...anthropicOptions,
      batch: { pollIntervalMs: 1 },
    });
    expect(errorsOf(results)).toEqual({
      q4: {
        code: 'BATCH_REQUEST_FAILED',
        message: 'anthropic/claude-3-5-haiku-latest: invalid_request_error: prompt is too long',
      },
    });
    expect(server.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(1);
    expect(record.manifest.batch?.submitted).toMatchObject({ retriedDirectly: 1, failed: 1 });
  });

  it('a batch refused as a whole (validation) gives every case the reason, in one line', async () => {
    const server = await startFakeOpenAIServer({ reply: answer, batch: { outcome: 'failed' } });
    servers.push(server);
    const { results, record } = await evaluate({
      configPath: await openAIProject(server.url),
      ...openAIOptions,
      batch: { pollIntervalMs: 1 },
    });
    expect(results.every((r) => r.error?.code === 'BATCH_REQUEST_FAILED')).toBe(true);
    expect(results[0].error?.message).toBe(
      'openai/gpt-4o-mini: the batch batch_fake1 failed: invalid_request on line 1: fake validation failure',
    );
    // Every call failed: the run is an error (exit 3), as any run past gate.max_error_rate.
    expect(record.gate.status).toBe('error');
    expect(chatCalls(server)).toBe(0);
  });

  it('a server without a batch API, or a refused key, stops the run with one line naming the provider', async () => {
    const canary = 'sk-canary-77aa11bb22';
    const server = await startFakeOpenAIServer({
      reply: answer,
      failures: [
        { status: 404, message: 'Unknown request URL: POST /v1/files' },
        { status: 401, message: 'Incorrect API key', echoCredentials: true },
      ],
    });
    servers.push(server);
    const configPath = await openAIProject(server.url);
    const run = () =>
      evaluate({
        configPath,
        ...openAIOptions,
        env: { OPENAI_API_KEY: canary },
        batch: { pollIntervalMs: 1 },
      });
    await expect(run()).rejects.toMatchObject({
      code: 'BATCH_UNSUPPORTED',
      exitCode: 3,
      message:
        'openai/gpt-4o-mini: the server has no batch API (POST /files answered 404); run without --batch',
    });
    const refused = await run().catch((error: Error) => error);
    expect(refused).toMatchObject({ code: 'PROVIDER_AUTH', exitCode: 3 });
    expect((refused as Error).message).not.toContain(canary);
    expect((refused as Error).message).not.toContain('\n');
    expect(chatCalls(server)).toBe(0);
  });

  it('a failed poll (503) is noted and polled again, not fatal', async () => {
    const server = await startFakeAnthropicServer({ reply: answer, batch: { pollsUntilDone: 1 } });
    servers.push(server);
    const notes: string[] = [];
    const { results } = await evaluate({
      configPath: await anthropicProject(server.url),
      ...anthropicOptions,
      batch: { pollIntervalMs: 1 },
      onNote: (line) => {
        notes.push(line);
        if (line.startsWith('submitted')) server.failures.push({ status: 503 }, { status: 529 });
      },
    });
    expect(errorsOf(results)).toEqual({});
    expect(notes.filter((n) => n.startsWith('could not poll'))).toHaveLength(2);
    expect(server.batch.stats.created).toBe(1);
  });

  it('refuses --batch with --no-cache in one line', async () => {
    const server = await startFakeOpenAIServer({ reply: answer });
    servers.push(server);
    const configPath = await openAIProject(server.url);
    await expect(
      evaluate({ configPath, ...openAIOptions, useCache: false, batch: { pollIntervalMs: 1 } }),
    ).rejects.toMatchObject({
      code: 'BATCH_NEEDS_CACHE',
      message: `${path.relative(process.cwd(), configPath)}: --batch delivers answers through the response cache; drop --no-cache`,
    });
  });
});
