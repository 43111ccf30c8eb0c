// A local stand-in for the Anthropic Messages API (POST /v1/messages) that speaks the real wire
// format, so tests exercise the real `@anthropic-ai/sdk` client offline.
import { createFakeAnthropicBatchApi } from './fake-anthropic-batch.js';
import { failureResponse } from './fake-failure.js';
import type { FakeBatchApi, FakeBatchOptions } from './fake-openai-batch.js';
import type { FakeFailure } from './fake-failure.js';
import { startFakeHttpServer } from './fake-http-server.js';
import { createFakeRateLimiter, type FakeRateLimiter, type FakeRateLimitOptions } from './fake-rate-limit.js';
import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';

export interface FakeMessageReply {
  content?: string;
  /** `null` leaves usage out of this one response. */
  usage?: { input_tokens: number; output_tokens: number } | null;
  stopReason?: string;
  delayMs?: number;
  status?: number;
  headers?: Record<string, string>;
  /** Replaces the whole response body (for malformed or unusual responses). */
  body?: unknown;
}

export interface FakeAnthropicServerOptions {
  /** Scripted answer per request; default: `Echo: <last user message>`. */
  reply?: (request: RecordedRequest) => string | FakeMessageReply;
  latencyMs?: number;
  omitUsage?: boolean;
  /** Consumed one per request, front first, before any normal reply. */
  failures?: FakeFailure[];
  record?: boolean;
  /** Enforced rpm/tpm limits: 429s with Anthropic's rate-limit headers. */
  rateLimit?: FakeRateLimitOptions;
  /** How Message Batches end (fake-anthropic-batch.ts). */
  batch?: FakeBatchOptions;
}

export interface FakeAnthropicServer {
  /** Base URL for the SDK, which appends `/v1/messages` itself: `http://127.0.0.1:PORT`. */
  url: string;
  requests: RecordedRequest[];
  /** The live failure queue; push to script failures after start. */
  failures: FakeFailure[];
  /** Admitted and refused counts, when `rateLimit` is set. */
  rateLimit?: FakeRateLimiter;
  close(): Promise<void>;
  /** Message Batches' counters and options (`batch.stats.created`, …). */
  batch: FakeBatchApi;
}

interface MessagesBody {
  model?: string;
  system?: unknown;
  messages?: Array<{ role: string; content: unknown }>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export async function startFakeAnthropicServer(
  options: FakeAnthropicServerOptions = {},
): Promise<FakeAnthropicServer> {
  const failures = [...(options.failures ?? [])];
  let counter = 0;
  const rateLimit = options.rateLimit && createFakeRateLimiter(options.rateLimit, 'anthropic');

  const handle = (request: RecordedRequest): FakeHttpResponse => {
    let extraDelay = 0;
    const failure = failures.shift();
    if (failure) {
      const scripted = failureResponse(failure, request, anthropicErrorBody);
      if (!('status' in scripted)) extraDelay = scripted.delayMs;
      else return scripted;
    }
    const path = request.path.split('?')[0];
    if (request.method !== 'POST' || path !== '/v1/messages') {
      return (
        batch.handle(request) ?? {
          status: 404,
          body: anthropicErrorBody(404, `Not found: ${request.method} ${path}`),
        }
      );
    }
    const response = message(request, request.body as MessagesBody, ++counter);
    const body = response.body as { usage?: { input_tokens: number; output_tokens: number } } | undefined;
    const usage = body?.usage;
    const verdict = rateLimit?.admit(usage ? usage.input_tokens + usage.output_tokens : 0);
    if (verdict && !verdict.ok)
      return { status: 429, headers: verdict.headers, body: anthropicErrorBody(429, verdict.message) };
    if (verdict) response.headers = { ...response.headers, ...verdict.headers };
    response.delayMs = (response.delayMs ?? 0) + extraDelay;
    return response;
  };

  const message = (request: RecordedRequest, body: MessagesBody, n: number): FakeHttpResponse => {
    const scripted = options.reply ? options.reply(request) : defaultReply(body);
    const reply: FakeMessageReply = typeof scripted === 'string' ? { content: scripted } : scripted;
    if (reply.body !== undefined || (reply.status !== undefined && reply.status >= 400)) {
      const status = reply.status ?? 200;
      const errorBody =
        status >= 400 ? anthropicErrorBody(status, reply.content ?? `fake error ${status}`) : undefined;
      return { status, headers: reply.headers, body: reply.body ?? errorBody, delayMs: reply.delayMs };
    }
    const content = reply.content ?? '';
    const usage =
      reply.usage === null || options.omitUsage ? undefined : (reply.usage ?? estimateUsage(body, content));
    return {
      status: reply.status ?? 200,
      headers: { 'request-id': `req_fake${n}`, ...reply.headers },
      delayMs: reply.delayMs,
      body: {
        id: `msg_fake${n}`,
        type: 'message',
        role: 'assistant',
        model: body.model ?? 'unknown',
        content: [{ type: 'text', text: content }],
        stop_reason: reply.stopReason ?? 'end_turn',
        stop_sequence: null,
        ...(usage && { usage }),
      },
    };
  };

  const batch = createFakeAnthropicBatchApi({
    answer: (request) => message(request, request.body as MessagesBody, ++counter),
    errorBody: anthropicErrorBody,
    options: options.batch,
  });
  const server = await startFakeHttpServer({ handle, latencyMs: options.latencyMs, record: options.record });
  return { url: server.origin, requests: server.requests, failures, rateLimit, close: server.close, batch };
}

/** Anthropic's error envelope: `{ type: 'error', error: { type, message } }`. */
export function anthropicErrorBody(status: number, message: string): unknown {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message } };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: { text?: unknown }) => (typeof block?.text === 'string' ? block.text : ''))
    .join('');
}

function defaultReply(body: MessagesBody): string {
  const messages = body.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'user') return `Echo: ${textOf(messages[i].content).slice(0, 200)}`;
  }
  return 'Echo: (no user message)';
}

/** About four characters a token: cheap, deterministic, close enough for a fake. */
function estimateUsage(body: MessagesBody, content: string): { input_tokens: number; output_tokens: number } {
  let input = Math.ceil(textOf(body.system).length / 4);
  for (const m of body.messages ?? []) input += 3 + Math.ceil(textOf(m.content).length / 4);
  return { input_tokens: input, output_tokens: Math.ceil(content.length / 4) };
}
