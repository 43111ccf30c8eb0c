import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { startFakeAnthropicServer } from '../testing/fake-anthropic-server.js';
import type { FakeAnthropicServer, FakeAnthropicServerOptions } from '../testing/fake-anthropic-server.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { createAnthropicModel } from './anthropic-model.js';
import type { AnthropicModelOptions } from './anthropic-model.js';
import type { GenerateRequest } from './language-model.js';
import { caught, fetchVariants } from './__fixtures__/provider-test-kit.js';
import { countTokens } from './token-estimate.js';
import { withRetries } from './with-retries.js';

let server: FakeAnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: GenerateRequest = {
  messages: [
    { role: 'system', content: 'Answer from the context.' },
    { role: 'user', content: 'How long is the refund window?' },
  ],
  temperature: 0.2,
};

describe.each(fetchVariants())('createAnthropicModel over %s', (_name, fetchImpl) => {
  async function setup(
    serverOptions: FakeAnthropicServerOptions = {},
    modelOptions: Partial<AnthropicModelOptions> = {},
  ) {
    server = await startFakeAnthropicServer(serverOptions);
    const clock = createFakeClock();
    const model = createAnthropicModel({
      id: 'anthropic/claude-3-5-haiku-latest',
      model: 'claude-3-5-haiku-latest',
      apiKey: 'sk-ant-test-0001',
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

  it('sends system separately and maps text, stop reason and usage', async () => {
    const { server, model } = await setup({
      reply: () => ({ content: '14 days.', usage: { input_tokens: 30, output_tokens: 4 } }),
    });
    const result = await model.generate(request);
    expect(result).toEqual({
      text: '14 days.',
      usage: { inputTokens: 30, outputTokens: 4, estimated: false },
      finishReason: 'end_turn',
      model: 'claude-3-5-haiku-latest',
    });
    const [sent] = server.requests;
    expect(sent.path).toBe('/v1/messages');
    expect(JSON.stringify(sent.headers)).toContain('sk-ant-test-0001');
    expect(sent.body).toEqual({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 1024,
      temperature: 0.2,
      system: 'Answer from the context.',
      messages: [{ role: 'user', content: 'How long is the refund window?' }],
    });
  });

  it('estimates usage when none is reported', async () => {
    const { model } = await setup({ omitUsage: true, reply: () => 'Fourteen days.' });
    const result = await model.generate(request);
    expect(result.usage).toMatchObject({ estimated: true, outputTokens: countTokens('Fourteen days.') });
  });

  it('retries 429 (honouring retry-after) and 529 overloaded', async () => {
    const { server, retrying, clock } = await setup({
      failures: [
        { status: 429, retryAfter: '2' },
        { status: 529, message: 'Overloaded' },
      ],
    });
    const result = await retrying.generate(request);
    expect(result.attempts).toBe(3);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(2_000);
    expect(server.requests).toHaveLength(3);
  });

  it('classifies 529 as retryable and 401 as PROVIDER_AUTH', async () => {
    const { model } = await setup({ failures: [{ status: 529 }, { status: 401 }] });
    expect(await caught(model.generate(request))).toMatchObject({
      code: 'PROVIDER_HTTP',
      statusCode: 529,
      isRetryable: true,
    });
    const auth = await caught(model.generate(request));
    expect(auth).toMatchObject({ code: 'PROVIDER_AUTH', statusCode: 401, isRetryable: false });
    expect(auth.message).toContain('authentication_error');
  });

  it('times out as a retryable PROVIDER_TIMEOUT', async () => {
    const { model } = await setup({ failures: [{ hangMs: 5_000 }] }, { timeoutMs: 200 });
    expect(await caught(model.generate(request))).toMatchObject({
      code: 'PROVIDER_TIMEOUT',
      isRetryable: true,
    });
  });

  it('never puts the API key into an error', async () => {
    const canary = 'sk-ant-canary-91b2c3d4e5f6a7b8';
    const { model } = await setup(
      {
        failures: [
          { status: 401, echoCredentials: true },
          { status: 429, echoCredentials: true },
        ],
      },
      { apiKey: canary },
    );
    for (let i = 0; i < 2; i++) {
      const error = await caught(model.generate(request));
      for (const text of [
        error.message,
        JSON.stringify(error),
        inspect(error, { depth: 10 }),
        String(error.stack),
      ]) {
        expect(text).not.toContain(canary);
      }
    }
  });
});
