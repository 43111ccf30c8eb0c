import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createScriptedPipeline, SCRIPTED_SUITES } from './scripted-pipeline.js';
import type { ServeRequest, ServingPipeline } from './serving-pipeline.js';
import type { RunningServer } from './start-serve.js';
import { startTestServer } from './__fixtures__/start-test-server.js';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function startWith(
  pipeline: ServingPipeline,
  options: { serve?: string; port?: number; env?: Record<string, string> } = {},
): Promise<{ server: RunningServer; pino: () => string; warmUpPino: () => string }> {
  const started = await startTestServer(pipeline, options);
  running.push(started.server);
  return { server: started.server, pino: started.pino, warmUpPino: started.warmUpPino };
}

/** The scripted pipeline with its `run` replaced (warm-up calls included). */
function withRun(run: (request: ServeRequest) => Promise<unknown>, suites = SCRIPTED_SUITES) {
  const base = createScriptedPipeline();
  const calls: ServeRequest[] = [];
  const pipeline: ServingPipeline = {
    ...base,
    suites,
    run: async (request) => {
      calls.push(request);
      await run(request);
      return base.run(request);
    },
  };
  return { pipeline, calls };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('evalgate serve: warm-up', () => {
  it('finishes on a slow model with one slot: a timed-out warm-up call is waited for, not overloaded', async () => {
    const { pipeline, calls } = withRun(() => new Promise((r) => setTimeout(r, 120)));
    const { server } = await startWith(pipeline, {
      serve: 'serve: { timeout_ms: 40, max_concurrency: 1 }\n',
    });
    expect(server.url).toMatch(/^http:/);
    // Every sample of every suite, twice, each reached the model.
    expect(calls.length).toBe(2 * SCRIPTED_SUITES.reduce((n, s) => n + s.samples.length, 0));
  });

  it('sends each suite its own number of rounds (an in-process pipeline more, a remote model the default)', async () => {
    const suites = SCRIPTED_SUITES.map((s, i) => (i === 0 ? { ...s, warmUpRounds: 5 } : s));
    const { pipeline, calls } = withRun(async () => {}, suites);
    await startWith(pipeline);
    const sentTo = (name: string) => calls.filter((c) => c.suite === name).length;
    expect(sentTo(suites[0].name)).toBe(5 * suites[0].samples.length);
    for (const s of suites.slice(1)) expect(sentTo(s.name)).toBe(2 * s.samples.length);
  });

  it("logs warm-up at the real level, to the destination's twin and not the log (the logging path is warm)", async () => {
    const { pipeline, calls } = withRun(async () => {});
    const { pino, warmUpPino } = await startWith(pipeline);
    const lines = warmUpPino()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: number; warmUp?: boolean; msg: string });
    // Fastify's two routine lines per request, at info, marked as warm-up.
    expect(lines.filter((l) => l.msg === 'incoming request').length).toBe(calls.length);
    expect(lines.filter((l) => l.msg === 'request completed').length).toBe(calls.length);
    expect(lines.every((l) => l.level === 30 && l.warmUp === true)).toBe(true);
    expect(pino()).not.toContain('"warmUp":true');
  });

  it("cuts a gold text longer than the input limit to it instead of being refused by the server's own check", async () => {
    const { pipeline, calls } = withRun(async () => {});
    await startWith(pipeline, { serve: 'serve: { max_input_chars: 10 }\n' });
    expect(calls.map((c) => c.text)).toContain('I was char');
    expect(Math.max(...calls.map((c) => c.text.length))).toBeLessThanOrEqual(10);
  });

  it('a pipeline that throws on warm-up stops start-up with the status and code, and its cause is logged', async () => {
    const base = createScriptedPipeline();
    const pipeline: ServingPipeline = {
      ...base,
      run: () => {
        throw new Error('model weights missing');
      },
    };
    const failure = await startWith(pipeline).catch((error: Error & { pino?: string }) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /serve warm-up: \/v1\/answer \(suite qa\) answered 500 INTERNAL/,
    );
    expect((failure as { pino?: string }).pino).toContain('model weights missing');
  });

  it('a model error on warm-up (the fallback response) is logged as a warning; the server still starts', async () => {
    const { pipeline } = withRun(async () => {
      throw new Error('upstream 502');
    });
    const { server, pino } = await startWith(pipeline);
    expect(server.url).toMatch(/^http:/);
    expect(pino()).toContain('a warm-up request got the fallback response');
    expect(pino()).toContain('upstream 502');
  });

  it('keeps real requests out (503 NOT_READY, Retry-After) until warm-up is done', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let reached!: () => void;
    const warmUpStarted = new Promise<void>((r) => {
      reached = r;
    });
    const { pipeline } = withRun(async () => {
      reached();
      await held;
    });
    const port = await freePort();
    const starting = startWith(pipeline, { port });
    await warmUpStarted;
    const early = await fetch(`http://127.0.0.1:${port}/v1/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"input":"too soon"}',
    });
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
    release();
    const { server } = await starting;
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('zero-initialises metric series for the served routes only', async () => {
    const { pipeline } = withRun(
      async () => {},
      SCRIPTED_SUITES.filter((s) => s.route === 'classify'),
    );
    const { server } = await startWith(pipeline);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('evalgate_requests_total{route="classify",status="ok"} 0');
    // Error series too, so an alert on their rate works before the first failure.
    expect(text).toContain('evalgate_requests_total{route="classify",status="timeout"} 0');
    for (const kind of [
      'timeout',
      'error',
      'invalid',
      'too_large',
      'unauthorized',
      'overloaded',
      'not_ready',
      'internal',
    ])
      expect(text).toContain(`evalgate_errors_total{route="classify",kind="${kind}"} 0`);
    expect(text).not.toContain('route="answer"');
  });

  it('refuses a token no client could send, naming the variable and never the value', async () => {
    const { pipeline } = withRun(async () => {});
    const failure = await startWith(pipeline, {
      env: { EVALGATE_SERVE_TOKEN: 'tok-9c1e\nsecond-line' },
    }).catch((error: Error) => error);
    expect((failure as Error).message).toContain('EVALGATE_SERVE_TOKEN');
    expect((failure as Error).message).not.toContain('tok-9c1e');
  });
});
