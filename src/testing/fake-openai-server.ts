// A local stand-in for the OpenAI API (POST /v1/chat/completions and /v1/embeddings) that
// speaks the real wire format, so tests and benchmarks exercise the real `openai` SDK offline.
import { createRng, hashSeed } from '../core/rng.js';
import { createFakeOpenAIBatchApi, type FakeBatchApi, type FakeBatchOptions } from './fake-openai-batch.js';
import { failureResponse } from './fake-failure.js';
import type { FakeFailure } from './fake-failure.js';
import { startFakeHttpServer } from './fake-http-server.js';
import { createFakeRateLimiter, type FakeRateLimiter, type FakeRateLimitOptions } from './fake-rate-limit.js';
import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';

export interface FakeTokenLogprob {
  token: string;
  logprob: number;
  /** Alternatives at this position, most likely first (include the chosen token, as OpenAI does). */
  top_logprobs?: Array<{ token: string; logprob: number }>;
}

export interface FakeChatReply {
  content?: string;
  /** `null` leaves usage out of this one response. */
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  finishReason?: string;
  /** Used when the request asks for logprobs; otherwise one entry per word is made up. */
  logprobs?: FakeTokenLogprob[];
  delayMs?: number;
  status?: number;
  headers?: Record<string, string>;
  /** Replaces the whole response body (for malformed or unusual responses). */
  body?: unknown;
}

export interface FakeOpenAIServerOptions {
  /** Scripted answer per request; default: `Echo: <last user message>`. */
  reply?: (request: RecordedRequest) => string | FakeChatReply;
  /** Embedding for one input text; default: a deterministic pseudo-random vector. */
  embed?: (text: string) => number[];
  embeddingDimension?: number;
  latencyMs?: number;
  omitUsage?: boolean;
  /** Consumed one per request (chat or embeddings), front first, before any normal reply. */
  failures?: FakeFailure[];
  record?: boolean;
  /** The `created` timestamp in every completion (fixed, so fixtures stay deterministic). */
  created?: number;
  /** Enforced rpm/tpm limits on chat completions: 429s with OpenAI's rate-limit headers. */
  rateLimit?: FakeRateLimitOptions;
  /** How batches of the Batch API end (fake-openai-batch.ts). */
  batch?: FakeBatchOptions;
}

export interface FakeOpenAIServer {
  /** Base URL for the SDK: `http://127.0.0.1:PORT/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** The live failure queue; push to script failures after start. */
  failures: FakeFailure[];
  /** Admitted and refused counts, when `rateLimit` is set. */
  rateLimit?: FakeRateLimiter;
  close(): Promise<void>;
  /** The Batch API's counters and options (`batch.stats.created`, …). */
  batch: FakeBatchApi;
}

interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  logprobs?: boolean;
  top_logprobs?: number;
}

interface EmbeddingsBody {
  model?: string;
  input?: string | string[];
  encoding_format?: 'float' | 'base64';
}

export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const failures = [...(options.failures ?? [])];
  const created = options.created ?? 1_767_225_600;
  const dimension = options.embeddingDimension ?? 8;
  const embed = options.embed ?? ((text: string) => pseudoRandomVector(text, dimension));
  let counter = 0;
  const rateLimit = options.rateLimit && createFakeRateLimiter(options.rateLimit, 'openai');

  const handle = (request: RecordedRequest): FakeHttpResponse => {
    let extraDelay = 0;
    const failure = failures.shift();
    if (failure) {
      const scripted = failureResponse(failure, request, openAIErrorBody);
      if (!('status' in scripted)) extraDelay = scripted.delayMs;
      else return scripted;
    }
    const path = request.path.split('?')[0];
    let response: FakeHttpResponse;
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      response = chatCompletion(request, request.body as ChatBody, ++counter);
      const usage = (response.body as { usage?: { total_tokens: number } } | undefined)?.usage;
      const verdict = rateLimit?.admit(usage?.total_tokens ?? 0);
      if (verdict && !verdict.ok)
        return { status: 429, headers: verdict.headers, body: openAIErrorBody(429, verdict.message) };
      if (verdict) response.headers = { ...response.headers, ...verdict.headers };
    } else if (request.method === 'POST' && path === '/v1/embeddings') {
      response = embeddings(request.body as EmbeddingsBody);
    } else {
      response = batch.handle(request) ?? {
        status: 404,
        body: openAIErrorBody(404, `Unknown request URL: ${request.method} ${path}`),
      };
    }
    response.delayMs = (response.delayMs ?? 0) + extraDelay;
    return response;
  };

  const chatCompletion = (request: RecordedRequest, body: ChatBody, n: number): FakeHttpResponse => {
    const scripted = options.reply ? options.reply(request) : defaultReply(body);
    const reply: FakeChatReply = typeof scripted === 'string' ? { content: scripted } : scripted;
    if (reply.body !== undefined || (reply.status !== undefined && reply.status >= 400)) {
      const status = reply.status ?? 200;
      const errorBody =
        status >= 400 ? openAIErrorBody(status, reply.content ?? `fake error ${status}`) : undefined;
      return { status, headers: reply.headers, body: reply.body ?? errorBody, delayMs: reply.delayMs };
    }
    const content = reply.content ?? '';
    const usage =
      reply.usage === null || options.omitUsage ? undefined : (reply.usage ?? estimateUsage(body, content));
    return {
      status: reply.status ?? 200,
      headers: reply.headers,
      delayMs: reply.delayMs,
      body: {
        id: `chatcmpl-fake${n}`,
        object: 'chat.completion',
        created,
        model: body.model ?? 'unknown',
        system_fingerprint: 'fp_fake',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null, annotations: [] },
            logprobs: body.logprobs
              ? { content: reply.logprobs ?? madeUpLogprobs(content, body.top_logprobs ?? 0), refusal: null }
              : null,
            finish_reason: reply.finishReason ?? 'stop',
          },
        ],
        ...(usage && { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }),
      },
    };
  };

  const embeddings = (body: EmbeddingsBody): FakeHttpResponse => {
    const inputs = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
    const base64 = body.encoding_format === 'base64';
    let promptTokens = 0;
    const data = inputs.map((text, index) => {
      promptTokens += roughTokens(text);
      const vector = embed(text);
      const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    return {
      status: 200,
      body: {
        object: 'list',
        data,
        model: body.model ?? 'unknown',
        ...(!options.omitUsage && { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }),
      },
    };
  };

  const batch = createFakeOpenAIBatchApi({
    answer: (request) => chatCompletion(request, request.body as ChatBody, ++counter),
    errorBody: openAIErrorBody,
    options: options.batch,
    created,
  });
  const server = await startFakeHttpServer({ handle, latencyMs: options.latencyMs, record: options.record });
  return {
    url: `${server.origin}/v1`,
    requests: server.requests,
    failures,
    rateLimit,
    close: server.close,
    batch,
  };
}

/** OpenAI's error envelope: `{ error: { message, type, param, code } }`. */
export function openAIErrorBody(status: number, message: string): unknown {
  const [type, code] =
    status === 401
      ? ['invalid_request_error', 'invalid_api_key']
      : status === 403
        ? ['permission_error', null]
        : status === 404
          ? ['invalid_request_error', 'not_found']
          : status === 429
            ? ['requests', 'rate_limit_exceeded']
            : status >= 500
              ? ['server_error', null]
              : ['invalid_request_error', null];
  return { error: { message, type, param: null, code } };
}

function defaultReply(body: ChatBody): string {
  const messages = body.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const { role, content } = messages[i];
    if (role === 'user') return `Echo: ${typeof content === 'string' ? content.slice(0, 200) : '[non-text]'}`;
  }
  return 'Echo: (no user message)';
}

/** About four characters a token: cheap, deterministic, close enough for a fake. */
function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function estimateUsage(
  body: ChatBody,
  content: string,
): { prompt_tokens: number; completion_tokens: number } {
  let prompt = 3;
  for (const message of body.messages ?? []) {
    prompt += 3 + (typeof message.content === 'string' ? roughTokens(message.content) : 0);
  }
  return { prompt_tokens: prompt, completion_tokens: roughTokens(content) };
}

function madeUpLogprobs(content: string, top: number): FakeTokenLogprob[] {
  const tokens = content.match(/\s*\S+/g) ?? [];
  return tokens.map((token) => {
    const logprob = Math.log(0.9);
    const alternatives = [{ token, logprob }];
    for (let i = 1; i < top; i++)
      alternatives.push({ token: `${token.trim()}_alt${i}`, logprob: Math.log(0.1 / 2 ** i) });
    return {
      token,
      logprob,
      bytes: [...Buffer.from(token)],
      top_logprobs: alternatives.map((a) => ({ ...a, bytes: [...Buffer.from(a.token)] })),
    };
  });
}

function pseudoRandomVector(text: string, dimension: number): number[] {
  const rng = createRng(hashSeed(text));
  return Array.from({ length: dimension }, () => rng.next() * 2 - 1);
}
