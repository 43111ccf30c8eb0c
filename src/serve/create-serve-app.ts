// The HTTP layer of `evalgate serve` (Fastify): validation, bearer auth, the concurrency limit,
// the enforced per-request timeout with its fallback response, readiness, Prometheus metrics and
// one inference-log line per pipeline request. What is answered comes from the ServingPipeline
// port; this file decides only how requests are admitted and how results are written back.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServeConfig } from '../config/serve-schema.js';
import { RuntimeFailure } from '../core/errors.js';
import type { Clock } from '../core/clock.js';
import type { InferenceLog } from './inference-log.js';
import { createDeferredRecords } from './deferred-records.js';
import { inferenceRecord, type InferenceStatus } from './inference-record.js';
import { describeRequestIssue, requestSchema } from './request-schemas.js';
import { createInputHasher, type InputHasher } from './input-hash.js';
import { createServeMetrics } from './serve-metrics.js';
import { dropWarmUpRoutineLines, WARM_UP_BINDING } from './warm-up-log-filter.js';
import { warmUpBody, warmUpSamples } from './warm-up-requests.js';
import { pickSuite, type ServeRoute, type ServedResult, type ServingPipeline } from './serving-pipeline.js';

export interface ServeAppOptions {
  pipeline: ServingPipeline;
  settings: ServeConfig;
  /** Bearer token required on /v1 routes; undefined = no auth. */
  token: string | undefined;
  /** How the log identifies inputs (keyed when the deployment sets a hash key). */
  hashInput?: InputHasher;
  log: InferenceLog;
  clock: Clock;
  newId: () => string;
  /** Where pino writes (stderr in the CLI, asynchronously); the token is redacted from anything logged. */
  logStream: { write(line: string): unknown };
  /**
   * Where warm-up's routine log lines go instead of `logStream`: a destination of the same kind
   * writing to the null device, so the writer's own code is warm too. Without it they are dropped.
   */
  warmUpLogStream?: { write(line: string): unknown };
  logLevel?: string;
}

export interface ServeApp {
  app: FastifyInstance;
  /**
   * Sends each served suite's samples through the HTTP layer (routing, validation, the pipeline,
   * the inference record, metrics, serialisation), so neither the model nor the server code is
   * cold on the first real request. Warm-up requests are neither logged (inference log and
   * request log) nor counted in /metrics: their records and observations go to throwaway sinks.
   */
  warmUp(url: string): Promise<void>;
  /** Marks warm-up done: /readyz turns 200 and /v1 routes admit requests. */
  setReady(): void;
  /**
   * Settles when every admitted pipeline call has finished (timed-out ones included) and every
   * inference-log line has been handed to the log.
   */
  drain(): Promise<void>;
}

const RETRY_AFTER_SECONDS = '1';
export const WARM_UP_ROUNDS = 2;

export function createServeApp(options: ServeAppOptions): ServeApp {
  const { pipeline, settings, clock } = options;
  const hashInput = options.hashInput ?? createInputHasher(undefined);
  const metricsOptions = {
    manifestHash: pipeline.manifestHash,
    evaluated: pipeline.unevaluated.length === 0,
    routes: [...new Set(pipeline.suites.map((suite) => suite.route))],
  };
  const metrics = createServeMetrics(metricsOptions);
  // Same code, separate registry: warm-up compiles the metrics path without counting.
  const warmUpMetrics = createServeMetrics({ ...metricsOptions, processMetrics: false });
  // Only this process knows it, so no client can pass as a warm-up request.
  const warmUpKey = randomUUID();
  const isWarmUp = (request: { headers: Record<string, unknown> }) =>
    request.headers['x-evalgate-warm-up'] === warmUpKey;
  const app = Fastify({
    bodyLimit: settings.body_limit_bytes,
    genReqId: () => options.newId(),
    requestIdHeader: false,
    return503OnClosing: true,
    // A body that trickles in (slow upload) must not hold a slot for ever.
    requestTimeout: 60_000,
    logger: {
      level: options.logLevel ?? 'info',
      stream: dropWarmUpRoutineLines(options.logStream, options.warmUpLogStream),
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
    },
    // Warm-up requests take the same logging path as real ones, at the same level (so the first
    // real request finds it compiled); their routine lines are marked and dropped before the
    // destination (warm-up-log-filter.ts), their warnings and errors still show.
    childLoggerFactory: (logger, bindings, childOptions, rawRequest) =>
      logger.child(isWarmUp(rawRequest) ? { ...bindings, ...WARM_UP_BINDING } : bindings, childOptions),
  });
  let ready = false;
  const pending = new Set<Promise<unknown>>();
  const records = createDeferredRecords({
    pipeline,
    log: options.log,
    clock,
    logger: app.log,
    maxInFlight: settings.max_concurrency,
    onSkipped: () => metrics.featuresSkipped.inc(),
  });
  const unevaluated =
    pipeline.unevaluated.length > 0
      ? {
          evaluated: false,
          warning: `served with --allow-unevaluated: ${pipeline.unevaluated.join('; ')}`,
        }
      : { evaluated: true };

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const route = routeOf(request);
    if (route) metrics.rejected(route, status === 413 ? 'too_large' : status < 500 ? 'invalid' : 'internal');
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'the body is not valid JSON'
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the body is larger than ${settings.body_limit_bytes} bytes`
          : status >= 500
            ? 'internal error'
            : error.message;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const code =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'INVALID_JSON'
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'BODY_TOO_LARGE'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : status >= 500
              ? 'INTERNAL'
              : (error.code ?? 'INVALID_REQUEST');
    return reply.code(status).send(errorBody(status, code, message, request.id));
  });

  // Keep-alive connections would hold close() open for Fastify's 72 s keep-alive timeout: once
  // shutting down, each response in flight tells its client to close the connection.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  const admitted = new Set<string>();
  // Callback-style hooks: an async hook costs a promise and a microtask on every request.
  app.addHook('onRequest', (request, reply, done) => {
    const refusal = admit(request, reply);
    if (refusal) reply.code(refusal.status).send(refusal.body);
    else done();
  });
  /** Null when the request may proceed; otherwise the error response (headers already set). */
  const admit = (request: FastifyRequest, reply: FastifyReply): { status: number; body: object } | null => {
    const route = routeOf(request);
    if (!route) return null;
    // Warm-up requests carry the token (when one is set) and take a concurrency slot like any
    // request: only the readiness check, which they exist to satisfy, lets them by.
    if (options.token !== undefined && !authorized(request.headers.authorization, options.token)) {
      metrics.rejected(route, 'unauthorized');
      reply.header('www-authenticate', 'Bearer');
      return {
        status: 401,
        body: errorBody(401, 'UNAUTHORIZED', 'a valid bearer token is required', request.id),
      };
    }
    if (!ready && !isWarmUp(request)) {
      metrics.rejected(route, 'not_ready');
      reply.header('retry-after', RETRY_AFTER_SECONDS);
      return { status: 503, body: errorBody(503, 'NOT_READY', 'warming up', request.id) };
    }
    // Admitted requests whose body is still arriving count too, or a burst of slow uploads
    // would all pass this check before any of them reaches the pipeline.
    if (pending.size + admitted.size >= settings.max_concurrency) {
      metrics.rejected(route, 'overloaded');
      reply.header('retry-after', RETRY_AFTER_SECONDS);
      return {
        status: 503,
        body: errorBody(
          503,
          'OVERLOADED',
          `${settings.max_concurrency} requests are in progress; retry shortly`,
          request.id,
        ),
      };
    }
    admitted.add(request.id);
    return null;
  };
  const release = (request: FastifyRequest, _reply: FastifyReply, done: () => void): void => {
    admitted.delete(request.id);
    done();
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', (request, done) => {
    admitted.delete(request.id);
    done();
  });

  const handle = (route: ServeRoute) => {
    const schema = requestSchema(route, settings.max_input_chars);
    return async (request: FastifyRequest, reply: FastifyReply) => {
      // From here the request is counted in `pending` (once it has work) instead.
      admitted.delete(request.id);
      const started = clock.monotonic();
      const parsed = schema.safeParse(request.body);
      if (!parsed.success) {
        metrics.rejected(route, 'invalid');
        return reply
          .code(400)
          .send(
            errorBody(
              400,
              'INVALID_REQUEST',
              describeRequestIssue(parsed.error, settings.max_input_chars, request.body),
              request.id,
            ),
          );
      }
      const body = parsed.data as { question?: string; input?: string; suite?: string };
      const text = (route === 'answer' ? body.question : body.input) as string;
      const suite = pickSuite(pipeline.suites, route, body.suite);
      if ('error' in suite) {
        metrics.rejected(route, 'invalid');
        return reply.code(400).send(errorBody(400, 'UNKNOWN_SUITE', suite.error, request.id));
      }
      const work = pipeline.run({ route, text, suite: suite.name, requestId: request.id });
      // The slot is held until the pipeline call settles, even after a timeout answered the
      // client: the work still uses the model, and admitting more would overload it.
      const tracked = work
        .catch(() => undefined)
        .finally(() => {
          pending.delete(tracked);
          metrics.inFlight.dec();
        });
      pending.add(tracked);
      metrics.inFlight.inc();
      const outcome = await withTimeout(work, settings.timeout_ms);
      const served = outcome.kind === 'done' ? outcome.value : null;
      const status: InferenceStatus =
        outcome.kind === 'timeout' ? 'timeout' : outcome.kind === 'failed' || served?.error ? 'error' : 'ok';
      if (outcome.kind === 'failed') request.log.error({ err: outcome.error }, 'pipeline failed');
      const latencyMs = Math.round((clock.monotonic() - started) * 1000) / 1000;
      const needsReview = served ? served.needsReview : true;
      const warmUp = isWarmUp(request);
      (warmUp ? warmUpMetrics : metrics).observe({ route, status, seconds: latencyMs / 1000, needsReview });
      const common = {
        suite: suite.name,
        model: suite.model,
        prompt_version: suite.promptVersion,
        prompt_hash: suite.promptHash,
        manifest_hash: pipeline.manifestHash,
        ...unevaluated,
        request_id: request.id,
        latency_ms: latencyMs,
      };
      const fallback =
        status === 'ok'
          ? {}
          : {
              fallback: status,
              error: status === 'timeout' ? 'TIMEOUT' : (served?.error?.code ?? 'PIPELINE_FAILED'),
            };
      const sent = reply.send(
        route === 'answer' ? answerBody(served, common, fallback) : classifyBody(served, common, fallback),
      );
      // The log line now; the input features it needs once the server is quiet. Features describe
      // inputs the pipeline answered: a timeout or a crash records none.
      const featureRequest = { route, text, suite: suite.name, requestId: request.id };
      records.write({
        record: inferenceRecord({
          time: clock.now(),
          requestId: request.id,
          route,
          text,
          hashInput,
          logInputs: settings.log_inputs,
          status,
          served,
          features: null,
          suite,
          latencyMs,
          manifestHash: pipeline.manifestHash,
        }),
        featuresOf: served ? featureRequest : null,
        warmUp,
      });
      return sent;
    };
  };

  app.post('/v1/answer', handle('answer'));
  app.post('/v1/classify', handle('classify'));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    ready
      ? { status: 'ready', manifest_hash: pipeline.manifestHash, ...unevaluated }
      : reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send({ status: 'warming-up' }),
  );
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  return {
    app,
    warmUp: async (url) => {
      const warmUpHeaders: Record<string, string> = {
        'content-type': 'application/json',
        'x-evalgate-warm-up': warmUpKey,
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      };
      // Over a real socket (the HTTP parser and keep-alive path warm too), every sample of every
      // suite, each suite its own number of rounds (default WARM_UP_ROUNDS): varied inputs reach
      // the optimising compiler before the first real request.
      const rounds = Math.max(...pipeline.suites.map((s) => s.warmUpRounds ?? WARM_UP_ROUNDS));
      for (let round = 0; round < rounds; round++)
        for (const suite of pipeline.suites) {
          if (round >= (suite.warmUpRounds ?? WARM_UP_ROUNDS)) continue;
          for (const sample of warmUpSamples(suite.samples, settings.max_input_chars)) {
            // One at a time: a timed-out warm-up call holds its slot until the model settles,
            // and the next one must not find a small server full.
            while (pending.size > 0) await Promise.all([...pending]);
            const res = await fetch(`${url}/v1/${suite.route}`, {
              method: 'POST',
              headers: warmUpHeaders,
              body: warmUpBody(suite, sample, round, pipeline.suites),
            });
            const body = (await res.json().catch(() => null)) as WarmUpReply | null;
            // A refused warm-up (auth, readiness, a crash) would leave the path cold without a word.
            if (res.status !== 200)
              throw new RuntimeFailure(
                'WARM_UP_FAILED',
                `serve warm-up: /v1/${suite.route} (suite ${suite.name}) answered ${res.status}${refusalOf(body)}`,
              );
            if (body?.fallback)
              app.log.warn(
                { suite: suite.name, route: suite.route, fallback: body.fallback, error: body.error },
                'a warm-up request got the fallback response: that path may still be cold',
              );
          }
        }
      // Their log lines wait for a quiet moment: build them now, not on the first real request.
      await records.drain();
    },
    setReady: () => {
      ready = true;
    },
    drain: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
      await records.drain();
    },
  };
}

function answerBody(served: ServedResult | null, common: object, fallback: object): object {
  return {
    answer: served?.error ? null : (served?.answer ?? null),
    citations: served?.citations ?? [],
    contexts: served?.contexts ?? [],
    confidence: served?.confidence ?? null,
    needs_review: served ? served.needsReview : true,
    ...common,
    ...fallback,
  };
}

function classifyBody(served: ServedResult | null, common: object, fallback: object): object {
  return {
    label: served?.error ? null : (served?.label ?? null),
    probabilities: served?.probabilities ?? null,
    confidence: served?.confidence ?? null,
    needs_review: served ? served.needsReview : true,
    ...common,
    ...fallback,
  };
}

type Outcome<T> = { kind: 'done'; value: T } | { kind: 'timeout' } | { kind: 'failed'; error: unknown };

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
  });
  try {
    return await Promise.race([
      work.then(
        (value): Outcome<T> => ({ kind: 'done', value }),
        (error): Outcome<T> => ({ kind: 'failed', error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The matched route, not the raw URL: `/v1/%61nswer` is routed to /v1/answer and must be guarded like it. */
function routeOf(request: FastifyRequest): ServeRoute | null {
  const url = request.routeOptions.url;
  return url === '/v1/answer' ? 'answer' : url === '/v1/classify' ? 'classify' : null;
}

function authorized(header: string | undefined, token: string): boolean {
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What warm-up reads of a response: the refusal, or the fallback a timeout or model error gave. */
interface WarmUpReply {
  error?: { code?: string; message?: string } | string;
  fallback?: string;
}

function refusalOf(body: WarmUpReply | null): string {
  const error = body?.error;
  return typeof error === 'object' && error.code ? ` ${error.code}: ${error.message ?? ''}` : '';
}

function errorBody(status: number, code: string, message: string, requestId: string): object {
  return { error: { status, code, message }, request_id: requestId };
}
