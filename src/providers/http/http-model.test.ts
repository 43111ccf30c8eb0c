import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderConfigSchema, type ProviderConfig } from '../../config/schema.js';
import type { ProviderError } from '../../core/errors.js';
import { systemClock } from '../../core/clock.js';
import { createRng } from '../../core/rng.js';
import { createFakeClock } from '../../testing/fake-clock.js';
import type { GenerateRequest } from '../language-model.js';
import { withRetries } from '../with-retries.js';
import { createHttpModel } from './http-model.js';
import { createHttpSender } from './send-http-request.js';

const TOKEN = 'tok-canary-9f8e7d6c5b4a';
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function serve(
  handler: Handler,
): Promise<{ origin: string; seen: { url: string; headers: IncomingMessage['headers']; body: string }[] }> {
  const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

function model(fields: Record<string, unknown>, env: Record<string, string> = { APP_TOKEN: TOKEN }) {
  const config: ProviderConfig = ProviderConfigSchema.parse({ id: 'http/bot', timeout_ms: 2000, ...fields });
  const sender = createHttpSender();
  closers.push(async () => sender.destroy());
  return createHttpModel({ config, env, sender, clock: systemClock });
}

const request = (over: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [{ role: 'user', content: 'Rendered: how do refunds work?' }],
  inputs: {
    task: 'rag-qa',
    question: 'how do refunds work?',
    vars: { tier: 'pro', filters: { lang: 'en' } },
  },
  caseId: 'q-7',
  ...over,
});

describe('http provider', () => {
  it('fills the body template, expands ${ENV} in headers only at request time, and maps the reply', async () => {
    const app = await serve((_req, _body, res) =>
      json(res, 200, {
        data: {
          answer: 'Refunds take 5 days.',
          docs: [{ id: 'billing/refunds.md#2', text: 'Refunds take five days.', score: 0.9 }],
        },
        usage: { prompt_tokens: 12, completion_tokens: 5 },
        conf: 0.75,
        cites: ['billing/refunds.md#2'],
      }),
    );
    const m = model({
      url: `${app.origin}/answer?case={{id}}`,
      headers: { Authorization: 'Bearer ${APP_TOKEN}', 'X-Tier': '{{vars.tier}}' },
      body: {
        question: '{{question}}',
        prompt: '{{prompt}}',
        filters: '{{vars.filters}}',
        note: 'id={{id}}',
      },
      response: {
        output: '$.data.answer',
        contexts: '$.data.docs',
        usage: '$.usage',
        confidence: '$.conf',
        citations: '$.cites',
      },
    });
    const result = await m.generate(request());
    expect(app.seen[0].url).toBe('/answer?case=q-7');
    expect(app.seen[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(app.seen[0].headers['x-tier']).toBe('pro');
    expect(app.seen[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(app.seen[0].body)).toEqual({
      question: 'how do refunds work?',
      prompt: 'Rendered: how do refunds work?',
      filters: { lang: 'en' }, // a whole-string placeholder keeps the value's type
      note: 'id=q-7',
    });
    expect(result).toMatchObject({
      text: 'Refunds take 5 days.',
      contexts: [{ id: 'billing/refunds.md#2', text: 'Refunds take five days.', score: 0.9 }],
      usage: { inputTokens: 12, outputTokens: 5, estimated: false },
      confidence: 0.75,
      citations: ['billing/refunds.md#2'],
    });
  });

  it('records 500s, malformed JSON, wrong shapes, hangs and missing variables as provider errors', async () => {
    let mode = '';
    const app = await serve((_req, _body, res) => {
      if (mode === '500') return json(res, 500, { error: 'boom' });
      if (mode === '400') return json(res, 400, { error: 'bad question' });
      if (mode === 'malformed') return json(res, 200, '{"answer": "unterminated');
      if (mode === 'shape') return json(res, 200, { answer: 'ok', contexts: 'not a list' });
      if (mode === 'confidence') return json(res, 200, { answer: 'ok', confidence: 7 });
      if (mode === 'hang') return; // never answers
      json(res, 200, { answer: 'ok' });
    });
    const m = model({
      url: `${app.origin}/a`,
      body: { q: '{{question}}', extra: '{{vars.missing}}' },
      response: { output: '$.answer' },
      timeout_ms: 300,
    });
    const errorOf = async (
      which: string,
      req = request({ inputs: { task: 'qa', question: 'x', vars: { missing: 1 } } }),
    ) => {
      mode = which;
      return (await m.generate(req).catch((e) => e)) as ProviderError;
    };
    expect(await errorOf('500')).toMatchObject({ code: 'PROVIDER_HTTP', statusCode: 500, isRetryable: true });
    expect(await errorOf('400')).toMatchObject({
      code: 'PROVIDER_HTTP',
      statusCode: 400,
      isRetryable: false,
    });
    const malformed = await errorOf('malformed');
    expect(malformed).toMatchObject({ code: 'PROVIDER_BAD_RESPONSE', isRetryable: false });
    expect(malformed.message).toMatch(/not valid JSON/);
    expect((await errorOf('shape')).message).toMatch(/expected a list of contexts at \$\.contexts/);
    expect((await errorOf('confidence')).message).toMatch(/number in \[0, 1\]/);
    const hang = await errorOf('hang');
    expect(hang).toMatchObject({ code: 'PROVIDER_TIMEOUT', isRetryable: true });
    const missing = await errorOf('ok', request({ inputs: { task: 'qa', question: 'x' } }));
    expect(missing).toMatchObject({ code: 'PROVIDER_BAD_REQUEST' });
    expect(missing.message).toContain('{{vars.missing}}');
    // The control: the same provider answers when the reply is right.
    expect(
      (await m.generate(request({ inputs: { task: 'qa', question: 'x', vars: { missing: 1 } } }))).text,
    ).toBe('ok');
  });

  it('retries a 503 with the model providers’ backoff and honours Retry-After', async () => {
    let calls = 0;
    const app = await serve((_req, _body, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(503, { 'retry-after': '2' });
        return res.end('busy');
      }
      json(res, 200, { answer: 'second time' });
    });
    const clock = createFakeClock();
    const retried = withRetries(model({ url: app.origin, response: { output: '$.answer' } }), {
      maxRetries: 2,
      baseDelayMs: 10,
      maxDelayMs: 100,
      rng: createRng(1),
      clock,
    });
    const result = await retried.generate(request());
    expect(result).toMatchObject({ text: 'second time', attempts: 2 });
    expect(clock.sleeps).toEqual([2000]);
  });

  it('refuses a reply over the size cap (declared or streamed) without buffering it', async () => {
    const big = 'x'.repeat(64 * 1024);
    const app = await serve((req, _body, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(big.length + 2) });
        return res.end(`"${big}"`);
      }
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked, no length
      for (let i = 0; i < 16; i++) res.write(i === 0 ? `"${big}` : big);
      res.end('"');
    });
    for (const route of ['/declared', '/chunked']) {
      const m = model({ url: `${app.origin}${route}`, max_response_bytes: 10_000 });
      const error = (await m.generate(request()).catch((e) => e)) as ProviderError;
      expect(error).toMatchObject({ code: 'PROVIDER_BAD_RESPONSE', isRetryable: false });
      expect(error.message).toMatch(/10000-byte cap/);
    }
    // Under the cap the same reply is fine (a JSON string is the whole output).
    const roomy = model({ url: `${app.origin}/declared`, max_response_bytes: 100_000 });
    expect((await roomy.generate(request())).text).toHaveLength(big.length);
  });

  it('never expands ${ENV} inside case text: a question naming a secret stays literal text', async () => {
    let seen = '';
    const app = await serve((req, _body, res) => {
      seen = String(req.headers['x-q']);
      json(res, 200, { answer: `echo ${seen}` });
    });
    const m = model({
      url: app.origin,
      headers: { 'X-Q': '{{question}}' },
      response: { output: '$.answer' },
    });
    const leaked = await m.generate(request({ inputs: { task: 'rag-qa', question: 'leak ${APP_TOKEN}' } }));
    expect(seen).toBe('leak ${APP_TOKEN}');
    expect(leaked.text).not.toContain(TOKEN);
  });

  it('never lets the header secret into an error message, even when the server echoes it', async () => {
    const app = await serve((req, _body, res) =>
      json(res, 401, { error: `bad token ${req.headers['x-key']}` }),
    );
    const m = model({ url: app.origin, headers: { 'X-Key': '${APP_TOKEN}' } });
    const error = (await m.generate(request()).catch((e) => e)) as ProviderError;
    expect(error).toMatchObject({ code: 'PROVIDER_AUTH', statusCode: 401 });
    expect(error.message).toContain('bad token');
    expect(error.message).not.toContain(TOKEN);
  });

  it('reads server-sent events: joins the deltas, keeps the final event’s contexts, times the first token', async () => {
    const app = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"delta": ""}\n\n');
      setTimeout(() => {
        res.write('data: {"delta": "Refunds "}\n\n');
        res.write('data: {"delta": "take 5 days."}\r\n\r\n');
        res.write(
          `data: ${JSON.stringify({ contexts: [{ id: 'billing/refunds.md', text: 'five days' }] })}\n\n`,
        );
        res.end('data: [DONE]\n\n');
      }, 60);
    });
    const m = model({ url: app.origin, stream: true, response: { contexts: '$.contexts' } });
    const result = await m.generate(request());
    expect(result.text).toBe('Refunds take 5 days.');
    expect(result.contexts).toEqual([{ id: 'billing/refunds.md', text: 'five days' }]);
    // The empty first delta is not a token: the first one came after the 60 ms pause.
    expect(result.firstTokenMs).toBeGreaterThanOrEqual(50);
    expect(result.firstTokenMs).toBeLessThan(1500);
  });

  it('uses a classifier service’s label as its answer for classify cases, and plain text replies as-is', async () => {
    const app = await serve((req, _body, res) => {
      if (req.url === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('just text');
      }
      json(res, 200, { intent: 'billing', p: 0.8 });
    });
    const classifier = model({
      url: `${app.origin}/c`,
      method: 'GET',
      response: { output: '$.intent', label: '$.intent', confidence: '$.p' },
    });
    const classified = await classifier.generate(
      request({ inputs: { task: 'classify', question: 'refund?' } }),
    );
    expect(classified).toMatchObject({ text: 'billing', confidence: 0.8 });
    const plain = model({ url: `${app.origin}/text` });
    expect((await plain.generate(request())).text).toBe('just text');
  });
});
