import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from './fake-openai-server.js';
import type { FakeOpenAIServer, FakeOpenAIServerOptions } from './fake-openai-server.js';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  server = await startFakeOpenAIServer(options);
  return server;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'What is the refund window?' }] };

describe('startFakeOpenAIServer', () => {
  it('answers chat completions in the OpenAI wire format and records the request', async () => {
    const { url, requests } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await post(`${url}/chat/completions`, chat, { authorization: 'Bearer sk-test' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Echo: What is the refund window?' },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
    });
    expect(typeof body.id).toBe('string');
    expect(typeof body.created).toBe('number');
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: chat });
    expect(requests[0].headers.authorization).toBe('Bearer sk-test');
  });

  it('uses scripted replies, usage and omits usage on request', async () => {
    const { url } = await start({
      reply: () => ({ content: 'billing', usage: { prompt_tokens: 7, completion_tokens: 1 } }),
    });
    const body = await (await post(`${url}/chat/completions`, chat)).json();
    expect(body.choices[0].message.content).toBe('billing');
    expect(body.usage).toEqual({ prompt_tokens: 7, completion_tokens: 1, total_tokens: 8 });
    await server?.close();
    const bare = await start({ omitUsage: true });
    const noUsage = await (await post(`${bare.url}/chat/completions`, chat)).json();
    expect(noUsage.usage).toBeUndefined();
  });

  it('returns logprobs with top_logprobs when asked', async () => {
    const { url } = await start({ reply: () => 'billing issue' });
    const body = await (
      await post(`${url}/chat/completions`, { ...chat, logprobs: true, top_logprobs: 3 })
    ).json();
    const content = body.choices[0].logprobs.content;
    expect(content.map((t: { token: string }) => t.token)).toEqual(['billing', ' issue']);
    expect(content[0].top_logprobs).toHaveLength(3);
    expect(content[0].top_logprobs[0]).toMatchObject({ token: 'billing', logprob: content[0].logprob });
  });

  it('answers embeddings as floats or base64 float32', async () => {
    const { url } = await start({ embeddingDimension: 4 });
    const floats = await (
      await post(`${url}/embeddings`, { model: 'e', input: ['a', 'b'], encoding_format: 'float' })
    ).json();
    expect(floats.data).toHaveLength(2);
    expect(floats.data[1]).toMatchObject({ object: 'embedding', index: 1 });
    expect(floats.data[0].embedding).toHaveLength(4);
    const b64 = await (
      await post(`${url}/embeddings`, { model: 'e', input: 'a', encoding_format: 'base64' })
    ).json();
    const buf = Buffer.from(b64.data[0].embedding, 'base64');
    const decoded = Array.from(new Float32Array(buf.buffer, buf.byteOffset, 4));
    decoded.forEach((v, i) => expect(v).toBeCloseTo(floats.data[0].embedding[i], 6));
  });

  it('plays the failure queue first: 429 with Retry-After and an OpenAI error body, then normal answers', async () => {
    const { url, failures } = await start({
      failures: [{ status: 429, retryAfter: '1', message: 'slow down' }],
    });
    const limited = await post(`${url}/chat/completions`, chat);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({
      error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
    expect((await post(`${url}/chat/completions`, chat)).status).toBe(200);
    failures.push({ status: 500 });
    expect((await post(`${url}/chat/completions`, chat)).status).toBe(500);
  });

  it('can echo credentials into an error, as a careless server would', async () => {
    const { url } = await start({ failures: [{ status: 401, echoCredentials: true }] });
    const body = await (
      await post(`${url}/chat/completions`, chat, { authorization: 'Bearer sk-canary-123' })
    ).json();
    expect(body.error.message).toContain('sk-canary-123');
  });

  it('hangs a scripted request and frees it when the client gives up', async () => {
    const { url } = await start({ failures: [{ hangMs: 10_000 }] });
    const started = Date.now();
    await expect(
      fetch(`${url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(chat),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers unknown paths with a 404 error body', async () => {
    const { url } = await start();
    const res = await post(`${url}/nope`, {});
    expect(res.status).toBe(404);
    expect((await res.json()).error.type).toBe('invalid_request_error');
  });
});
