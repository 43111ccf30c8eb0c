// The HTTP contract of `evalgate serve`, on a real Fastify server on 127.0.0.1 with a scripted
// pipeline: response fields, every error code, the timeout fallback, overload, auth, the
// inference log, /metrics and graceful shutdown.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WARM_UP_ROUNDS } from './create-serve-app.js';
import {
  createScriptedPipeline,
  SCRIPTED_SUITES,
  type ScriptedPipelineOptions,
} from './scripted-pipeline.js';
import type { ServeRequest } from './serving-pipeline.js';
import type { RunningServer } from './start-serve.js';
import { startTestServer } from './__fixtures__/start-test-server.js';

const TOKEN = 'canary-token-7f3e9a1c55d2';
const running: RunningServer[] = [];

async function start(
  options: ScriptedPipelineOptions & { serve?: string; env?: Record<string, string> } = {},
): Promise<{
  server: RunningServer;
  logFile: string;
  pinoOutput: () => string;
  pipeline: ReturnType<typeof createScriptedPipeline>;
  warmUpCalls: ServeRequest[];
}> {
  const pipeline = createScriptedPipeline(options);
  const started = await startTestServer(pipeline, options);
  running.push(started.server);
  // Warm-up sent each suite's samples twice through HTTP; the tests count from here.
  const warmUpCalls = pipeline.calls.splice(0);
  pipeline.armed = true;
  started.resetIds();
  return {
    server: started.server,
    logFile: started.logFile,
    pinoOutput: started.pino,
    pipeline,
    warmUpCalls,
  };
}

function post(server: RunningServer, route: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function logLines(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

describe('evalgate serve: contract', () => {
  it('answers with the documented fields, versions and manifest hash', async () => {
    const { server } = await start();
    const res = await post(server, '/v1/answer', { question: 'How do I share?' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        'answer',
        'citations',
        'confidence',
        'contexts',
        'evaluated',
        'latency_ms',
        'manifest_hash',
        'model',
        'needs_review',
        'prompt_hash',
        'prompt_version',
        'request_id',
        'suite',
      ].sort(),
    );
    expect(body).toMatchObject({
      answer: 'echo: How do I share? [doc-a.md#0]',
      citations: ['doc-a.md#0'],
      needs_review: false,
      model: 'local/scripted',
      prompt_version: 'answer@v1',
      prompt_hash: 'aaaa1111',
      manifest_hash: 'm4n1f3st',
      evaluated: true,
      request_id: 'req-1',
      suite: 'qa',
    });
    expect(body.latency_ms).toBeGreaterThanOrEqual(0);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('classifies, and `suite` picks another suite of the route', async () => {
    const { server, pipeline } = await start();
    const res = await post(server, '/v1/classify', { input: 'charged twice' });
    expect(await res.json()).toMatchObject({
      label: 'billing',
      probabilities: { billing: 0.8 },
      confidence: 0.8,
      suite: 'intent',
    });
    const other = await post(server, '/v1/answer', { question: 'q', suite: 'qa-2' });
    expect(await other.json()).toMatchObject({ suite: 'qa-2', prompt_version: 'answer@v2' });
    expect(pipeline.calls.map((c) => c.suite)).toEqual(['intent', 'qa-2']);
    const wrong = await post(server, '/v1/answer', { question: 'q', suite: 'intent' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toContain('not served here');
  });

  it('says in every response when it serves an unevaluated pipeline', async () => {
    const { server } = await start({
      unevaluated: ['prompt answer: baseline answer@v1#0000, now answer@v1#aaaa'],
    });
    const body = await (await post(server, '/v1/answer', { question: 'q' })).json();
    expect(body.evaluated).toBe(false);
    expect(body.warning).toContain('--allow-unevaluated');
    expect(body.warning).toContain('prompt answer');
    expect((await (await fetch(`${server.url}/readyz`)).json()).evaluated).toBe(false);
  });
});

describe('evalgate serve: request validation', () => {
  it('400 for unknown fields, a missing field, an over-long input and malformed JSON; 413 over 1 MiB', async () => {
    const { server, pipeline } = await start();
    const unknown = await post(server, '/v1/answer', { question: 'q', temperature: 2 });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toBe('unknown field "temperature"');

    const missing = await post(server, '/v1/classify', { question: 'q' });
    expect(missing.status).toBe(400);

    const long = await post(server, '/v1/answer', { question: 'x'.repeat(8001) });
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toBe('question is 8001 characters; the limit is 8000');
    const atLimit = await post(server, '/v1/answer', { question: 'x'.repeat(8000) });
    expect(atLimit.status).toBe(200);

    const malformed = await post(server, '/v1/answer', '{"question": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatchObject({ code: 'INVALID_JSON' });

    const huge = await post(server, '/v1/answer', { question: 'x'.repeat(1_048_577) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('BODY_TOO_LARGE');
    const text = await fetch(`${server.url}/v1/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<q/>',
    });
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Only the one valid request reached the pipeline.
    expect(pipeline.calls).toHaveLength(1);
  });
});

describe('evalgate serve: auth, overload, timeout', () => {
  it('401 without the bearer token, 200 with it, and the token never reaches a log', async () => {
    const { server, logFile, pinoOutput, warmUpCalls } = await start({
      env: { EVALGATE_SERVE_TOKEN: TOKEN },
    });
    // Warm-up passes the same guard (it carries the token), so it reached the pipeline.
    expect(warmUpCalls.length).toBeGreaterThan(0);
    expect((await post(server, '/v1/answer', { question: 'q' })).status).toBe(401);
    // A percent-encoded path reaches the same route, so it must meet the same guard.
    expect((await post(server, '/v1/%61nswer', { question: 'q' })).status).toBe(401);
    const wrong = await post(server, '/v1/answer', { question: 'q' }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    const ok = await post(server, '/v1/answer', { question: 'q' }, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.stop();
    expect(pinoOutput()).toContain('request completed');
    expect(pinoOutput()).not.toContain(TOKEN);
    expect(await readFile(logFile, 'utf8')).not.toContain(TOKEN);
  });

  it('503 with Retry-After when max_concurrency requests are in flight; admits again once they finish', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const { server } = await start({ gate, serve: 'serve: { max_concurrency: 2 }\n' });
    const first = [
      post(server, '/v1/answer', { question: 'a' }),
      post(server, '/v1/answer', { question: 'b' }),
    ];
    await new Promise((r) => setTimeout(r, 50));
    const full = await post(server, '/v1/answer', { question: 'c' });
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('1');
    open();
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    expect((await post(server, '/v1/answer', { question: 'd' })).status).toBe(200);
  });

  it('answers a slow request with the fallback (needs_review, no answer) when the timeout fires', async () => {
    const { server, logFile } = await start({ delayMs: 400, serve: 'serve: { timeout_ms: 40 }\n' });
    const t0 = performance.now();
    const res = await post(server, '/v1/answer', { question: 'slow' });
    const elapsed = performance.now() - t0;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      answer: null,
      needs_review: true,
      fallback: 'timeout',
      error: 'TIMEOUT',
      citations: [],
    });
    expect(elapsed).toBeLessThan(350);
    await server.stop();
    expect((await logLines(logFile))[0]).toMatchObject({
      status: 'timeout',
      needs_review: true,
      error: 'TIMEOUT',
    });
  });

  it('a model error becomes the fallback too, not a 500', async () => {
    const { server } = await start({ fail: () => ({ code: 'PROVIDER_HTTP', message: 'boom' }) });
    const body = await (await post(server, '/v1/classify', { input: 'x' })).json();
    expect(body).toMatchObject({
      label: null,
      needs_review: true,
      fallback: 'error',
      error: 'PROVIDER_HTTP',
    });
  });
});

describe('evalgate serve: inference log, metrics, shutdown', () => {
  it('warms up with every sample of every suite before ready, and logs or counts none of them', async () => {
    const { server, logFile, pinoOutput, warmUpCalls } = await start();
    const expected = SCRIPTED_SUITES.flatMap((s) => s.samples.map((text) => `${s.name}:${text}`));
    expect(warmUpCalls.map((c) => `${c.suite}:${c.text}`)).toEqual(
      Array.from({ length: WARM_UP_ROUNDS }, () => expected).flat(),
    );
    await post(server, '/v1/classify', { input: 'real' });
    await server.stop();
    expect((await logLines(logFile)).map((l) => l.request_id)).toEqual(['req-1']);
    // Fastify's request log has the real request only (incoming + completed).
    expect(pinoOutput().match(/request completed/g)).toHaveLength(1);
    expect(pinoOutput().match(/incoming request/g)).toHaveLength(1);
  });

  it('logs the input hash and length, never the raw input (canary)', async () => {
    const canary = 'CANARY-4b1d9 my email is jane@example.com';
    const { server, logFile } = await start();
    await post(server, '/v1/classify', { input: canary });
    await server.stop();
    const text = await readFile(logFile, 'utf8');
    expect(text).not.toContain('CANARY-4b1d9');
    expect(text).not.toContain('jane@example.com');
    const [line] = await logLines(logFile);
    expect(line).toMatchObject({
      request_id: 'req-1',
      route: 'classify',
      suite: 'intent',
      status: 'ok',
      input_length: canary.length,
      label: 'billing',
      confidence: 0.8,
      needs_review: false,
      model: 'local/scripted',
      prompt_version: 'intent@v1#cccc3333',
      manifest_hash: 'm4n1f3st',
    });
    expect(line.input_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(line).not.toHaveProperty('input');
  });

  it('with log_inputs: true writes the input with PII redacted', async () => {
    const { server, logFile } = await start({ serve: 'serve: { log_inputs: true }\n' });
    await post(server, '/v1/answer', {
      question: 'I am jane@example.com, card 4111 1111 1111 1111, call +1 415-555-0132',
    });
    await server.stop();
    const [line] = await logLines(logFile);
    expect(line.input).toBe('I am [email], card [card], call [phone]');
    expect(line.retrieved_docs).toEqual(['doc-a.md']);
  });

  it('on stop (SIGTERM) finishes in-flight requests and loses no log line', async () => {
    const { server, logFile, pipeline } = await start({ delayMs: 300 });
    const inFlight = Array.from({ length: 20 }, (_, i) => post(server, '/v1/answer', { question: `q${i}` }));
    // Stop once every request is inside the pipeline (accepted and in flight).
    while (pipeline.calls.length < 20) await new Promise((r) => setTimeout(r, 5));
    await server.stop();
    const statuses = (await Promise.all(inFlight)).map((r) => r.status);
    expect(statuses).toEqual(Array(20).fill(200));
    const lines = await logLines(logFile);
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((l) => l.request_id)).size).toBe(20);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('answers before the log line is built: the input features never hold up a response', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { server, logFile } = await start({
      features: async () => {
        await gate;
        return { oovRate: 0.25, centroidDistance: 0.5 };
      },
    });
    const res = await post(server, '/v1/classify', { input: 'refund please' });
    expect(res.status).toBe(200);
    expect((await res.json()).label).toBe('billing');
    // The features are still pending, so stop() must wait for the line rather than drop it.
    const stopped = server.stop();
    setTimeout(release, 50);
    await stopped;
    const [line] = await logLines(logFile);
    expect(line).toMatchObject({ request_id: 'req-1', oov_rate: 0.25, centroid_distance: 0.5 });
  });

  it('a failure computing the features still writes the line, with null features', async () => {
    const { server, logFile, pinoOutput } = await start({
      features: async (r) => {
        if (r.text === 'boom') throw new Error('embedder down');
        return { oovRate: 0.1, centroidDistance: 0.2 };
      },
    });
    expect((await post(server, '/v1/classify', { input: 'boom' })).status).toBe(200);
    // Past the 5 ms quiet pause, so 'boom' is featurised alone (a failing batch nulls all of it).
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(server, '/v1/classify', { input: 'fine' })).status).toBe(200);
    await server.stop();
    const lines = await logLines(logFile);
    expect(lines.map((l) => [l.request_id, l.status, l.oov_rate, l.centroid_distance])).toEqual([
      ['req-1', 'ok', null, null],
      ['req-2', 'ok', 0.1, 0.2],
    ]);
    expect(pinoOutput()).toContain('input features failed');
  });

  it('a timed-out request is logged without computing features', async () => {
    const asked: string[] = [];
    const { server, logFile } = await start({
      delayMs: 500,
      serve: 'serve: { timeout_ms: 50 }\n',
      features: async (r) => {
        asked.push(r.text);
        return { oovRate: 0, centroidDistance: 0 };
      },
    });
    const res = await post(server, '/v1/classify', { input: 'slow' });
    expect((await res.json()).fallback).toBe('timeout');
    await server.stop();
    const [line] = await logLines(logFile);
    expect(line).toMatchObject({ status: 'timeout', oov_rate: null, centroid_distance: null });
    expect(asked).toEqual([]);
  });

  it('/metrics exposes request counts, latency histogram, errors and review counts', async () => {
    const { server } = await start({ fail: (r) => (r.text === 'bad' ? { code: 'X', message: 'x' } : null) });
    await post(server, '/v1/answer', { question: 'ok' });
    await post(server, '/v1/answer', { question: 'bad' });
    await post(server, '/v1/answer', { nope: 1 });
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('evalgate_requests_total{route="answer",status="ok"} 1');
    expect(text).toContain('evalgate_requests_total{route="answer",status="error"} 1');
    expect(text).toContain('evalgate_errors_total{route="answer",kind="invalid"} 1');
    expect(text).toContain('evalgate_needs_review_total{route="answer"} 1');
    expect(text).toContain('evalgate_request_duration_seconds_count{route="answer"} 2');
    expect(text).toContain('evalgate_serving_info{manifest_hash="m4n1f3st",evaluated="true"} 1');
    // No line had to go without its input features.
    expect(text).toContain('evalgate_log_features_skipped_total 0');
    // Served routes' series start at zero, and warm-up requests are not counted.
    expect(text).toContain('evalgate_requests_total{route="classify",status="ok"} 0');
    expect(text).toContain('evalgate_request_duration_seconds_count{route="classify"} 0');
    expect(text).toContain('evalgate_needs_review_total{route="classify"} 0');
  });
});
