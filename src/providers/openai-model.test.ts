import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { startFakeOpenAIServer } from '../testing/fake-openai-server.js';
import type { FakeOpenAIServer, FakeOpenAIServerOptions } from '../testing/fake-openai-server.js';
import type { GenerateRequest } from './language-model.js';
import { caught, fetchVariants } from './__fixtures__/provider-test-kit.js';
import { createOpenAIModel } from './openai-model.js';
import { countTokens } from './token-estimate.js';
import type { OpenAIModelOptions } from './openai-model.js';
import { withRetries } from './with-retries.js';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: GenerateRequest = {
  messages: [
    { role: 'system', content: 'Answer from the context.' },
    { role: 'user', content: 'How long is the refund window?' },
  ],
  temperature: 0,
  maxTokens: 64,
};

describe.each(fetchVariants())('createOpenAIModel over %s', (_name, fetchImpl) => {
  async function setup(
    serverOptions: FakeOpenAIServerOptions = {},
    modelOptions: Partial<OpenAIModelOptions> = {},
  ) {
    server = await startFakeOpenAIServer(serverOptions);
    const clock = createFakeClock();
    const model = createOpenAIModel({
      id: 'openai/gpt-4o-mini',
      model: 'gpt-4o-mini',
      apiKey: 'sk-test-key-0001',
      baseURL: server.url,
      timeoutMs: 2_000,
      fetch: fetchImpl,
      clock,
      ...modelOptions,
    });
    const retrying = withRetries(model, {
      maxRetries: 3,
      baseDelayMs: 100,
      maxDelayMs: 2_000,
      rng: createRng(1),
      clock,
    });
    return { server, model, retrying, clock };
  }

  it('generates text with reported usage, sending the key and the request fields', async () => {
    const { server, model } = await setup(
      { reply: () => ({ content: '14 days.', usage: { prompt_tokens: 21, completion_tokens: 3 } }) },
      { extraParams: { seed: 7 } },
    );
    expect(model).toMatchObject({
      id: 'openai/gpt-4o-mini',
      provider: 'openai',
      model: 'gpt-4o-mini',
      cacheable: true,
    });
    const result = await model.generate(request);
    expect(result).toEqual({
      text: '14 days.',
      usage: { inputTokens: 21, outputTokens: 3, estimated: false },
      finishReason: 'stop',
      model: 'gpt-4o-mini',
    });
    const [sent] = server.requests;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-test-key-0001');
    expect(sent.body).toEqual({
      model: 'gpt-4o-mini',
      messages: request.messages,
      temperature: 0,
      max_tokens: 64,
      seed: 7,
    });
  });

  it('estimates usage with tiktoken when the server reports none', async () => {
    const { model } = await setup({ omitUsage: true, reply: () => 'Fourteen days from delivery.' });
    const result = await model.generate(request);
    expect(result.usage?.estimated).toBe(true);
    expect(result.usage?.outputTokens).toBe(countTokens('Fourteen days from delivery.'));
    expect(result.usage?.inputTokens).toBeGreaterThan(10);
  });

  it('retries a 429 and waits at least its Retry-After (on the fake clock)', async () => {
    const { server, retrying, clock } = await setup({ failures: [{ status: 429, retryAfter: '1' }] });
    const result = await retrying.generate(request);
    expect(result.attempts).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1_000);
    expect(server.requests).toHaveLength(2);
  });

  it('reads retry-after-ms and HTTP-date Retry-After into retryAfterMs', async () => {
    // The fake clock starts at 2026-01-01T00:00:00Z; HTTP dates have whole seconds.
    const { model } = await setup({
      failures: [
        { status: 429, retryAfterMs: 250 },
        { status: 503, retryAfter: 'Thu, 01 Jan 2026 00:00:03 GMT' },
        { status: 503, retryAfter: 'Wed, 31 Dec 2025 23:59:00 GMT' },
      ],
    });
    expect((await caught(model.generate(request))).retryAfterMs).toBe(250);
    expect(await caught(model.generate(request))).toMatchObject({
      statusCode: 503,
      isRetryable: true,
      retryAfterMs: 3_000,
    });
    expect((await caught(model.generate(request))).retryAfterMs).toBe(0);
  });

  it('retries a 500 and then succeeds', async () => {
    const { retrying } = await setup({ failures: [{ status: 500 }] });
    const result = await retrying.generate(request);
    expect(result.attempts).toBe(2);
    expect(result.text).toContain('Echo:');
  });

  it('turns a response slower than the timeout into a retryable PROVIDER_TIMEOUT', async () => {
    const { model } = await setup({ failures: [{ hangMs: 5_000 }] }, { timeoutMs: 200 });
    const started = performance.now();
    const error = await caught(model.generate(request));
    expect(error).toMatchObject({
      code: 'PROVIDER_TIMEOUT',
      isRetryable: true,
      provider: 'openai/gpt-4o-mini',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('does not retry a 401: PROVIDER_AUTH', async () => {
    const { server, retrying } = await setup({
      failures: [{ status: 401, message: 'Incorrect API key provided' }],
    });
    const error = await caught(retrying.generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_AUTH', statusCode: 401, isRetryable: false });
    expect(error.message).toContain('Incorrect API key provided');
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a 400', async () => {
    const { server, retrying } = await setup({ failures: [{ status: 400, message: 'bad field' }] });
    const error = await caught(retrying.generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_HTTP', statusCode: 400, isRetryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('never puts the API key into an error, even when the server echoes it', async () => {
    const canary = 'sk-canary-7f3a9c1e5b2d4a6f8e0c';
    const { model } = await setup(
      {
        failures: [
          { status: 401, echoCredentials: true },
          { status: 429, echoCredentials: true, retryAfter: '1' },
          { status: 500, echoCredentials: true },
        ],
        reply: (req) => ({ status: 400, content: `bad request from ${String(req.headers.authorization)}` }),
      },
      { apiKey: canary },
    );
    for (let i = 0; i < 4; i++) {
      const error = await caught(model.generate(request));
      for (const text of [
        error.message,
        JSON.stringify(error),
        inspect(error, { depth: 10 }),
        String(error.stack),
      ]) {
        expect(text).not.toContain(canary);
        expect(text).not.toContain('canary-7f3a');
      }
      expect(error.message).toContain('[redacted]');
    }
  });

  it('reports an unreachable server as a retryable PROVIDER_NETWORK error', async () => {
    const { server: s, model } = await setup();
    await s.close();
    server = undefined;
    const error = await caught(model.generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_NETWORK', isRetryable: true });
  });

  it('derives confidence and label probabilities from logprobs', async () => {
    const { server, model } = await setup({
      reply: () => ({
        content: 'billing',
        logprobs: [
          {
            token: 'billing',
            logprob: Math.log(0.6),
            top_logprobs: [
              { token: 'billing', logprob: Math.log(0.6) },
              { token: 'tech', logprob: Math.log(0.2) },
              { token: 'General', logprob: Math.log(0.1) },
              { token: 'xyz', logprob: Math.log(0.1) },
            ],
          },
        ],
      }),
    });
    const result = await model.generate({
      ...request,
      logprobs: true,
      inputs: { task: 'classify', labels: ['billing', 'technical', 'general', 'escalate'] },
    });
    expect(server.requests[0].body).toMatchObject({ logprobs: true, top_logprobs: 5 });
    expect(result.confidence).toBeCloseTo(0.6, 10);
    expect(result.labelProbabilities?.billing).toBeCloseTo(0.6 / 0.9, 10);
    expect(result.labelProbabilities?.technical).toBeCloseTo(0.2 / 0.9, 10);
    expect(result.labelProbabilities?.general).toBeCloseTo(0.1 / 0.9, 10);
    expect(result.labelProbabilities?.escalate).toBe(0);
  });

  it('rejects with the abort reason, not a provider error, when the caller aborts', async () => {
    const { model } = await setup({ latencyMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await model.generate({ ...request, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ProviderError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('createOpenAIModel request shape', () => {
  it('uses max_completion_tokens when talking to OpenAI itself', async () => {
    server = await startFakeOpenAIServer();
    const model = createOpenAIModel({
      id: 'openai/o4-mini',
      model: 'o4-mini',
      apiKey: 'sk-x',
      baseURL: server.url,
      maxTokensParam: 'max_completion_tokens',
      timeoutMs: 2_000,
    });
    await model.generate({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 });
    expect(server.requests[0].body).toEqual({
      model: 'o4-mini',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 10,
    });
  });
});
