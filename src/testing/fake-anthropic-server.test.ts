import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer } from './fake-anthropic-server.js';
import type { FakeAnthropicServer, FakeAnthropicServerOptions } from './fake-anthropic-server.js';

let server: FakeAnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: FakeAnthropicServerOptions = {}): Promise<FakeAnthropicServer> {
  server = await startFakeAnthropicServer(options);
  return server;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const request = {
  model: 'claude-3-5-haiku-latest',
  max_tokens: 100,
  system: 'Be brief.',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi there' }] }],
};

describe('startFakeAnthropicServer', () => {
  it('answers in the Messages wire format and records the request', async () => {
    const { url, requests } = await start();
    const res = await post(url, request, { 'x-api-key': 'sk-ant-test' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-3-5-haiku-latest',
      content: [{ type: 'text', text: 'Echo: Hi there' }],
      stop_reason: 'end_turn',
    });
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.usage.output_tokens).toBeGreaterThan(0);
    expect(requests[0].headers['x-api-key']).toBe('sk-ant-test');
    expect(requests[0].body).toEqual(request);
  });

  it('scripts replies and can omit usage', async () => {
    const { url } = await start({ reply: () => ({ content: 'ok', usage: null, stopReason: 'max_tokens' }) });
    const body = await (await post(url, request)).json();
    expect(body.content[0].text).toBe('ok');
    expect(body.stop_reason).toBe('max_tokens');
    expect(body.usage).toBeUndefined();
  });

  it('fails with Anthropic error bodies: 429 rate_limit_error with retry-after, 529 overloaded_error', async () => {
    const { url } = await start({
      failures: [
        { status: 429, retryAfter: '2' },
        { status: 529, message: 'Overloaded' },
      ],
    });
    const limited = await post(url, request);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await limited.json()).error.type).toBe('rate_limit_error');
    const overloaded = await post(url, request);
    expect(overloaded.status).toBe(529);
    expect(await overloaded.json()).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect((await post(url, request)).status).toBe(200);
  });
});
