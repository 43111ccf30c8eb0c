// `http/<name>`: evaluates the user's running service. Each case fills the body template, the
// URL and headers get their `${ENV}` values only now, the reply is read under a size cap (JSON,
// or server-sent events with the time to first token), and the configured JSON paths map it to
// the answer, contexts, citations, usage, confidence and label. Every failure is a ProviderError
// with a retry verdict, so withRetries, the case record and the error rate treat it like any model's.
import type { Clock } from '../../core/clock.js';
import { ProviderError, type ProviderErrorFields } from '../../core/errors.js';
import type { ProviderConfig } from '../../config/schema.js';
import { ReplyShapeError } from '../app/app-reply.js';
import { createDeadlineTimer } from '../app/call-deadline.js';
import { readJsonPath } from '../app/json-path.js';
import { mapReply } from '../app/map-reply.js';
import { MissingVariableError, renderTemplate } from '../app/render-template.js';
import { templateVariables } from '../app/template-variables.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from '../language-model.js';
import { redactSecrets } from '../redact-secrets.js';
import { parseRetryAfter } from '../retry-after.js';
import { classifyStatus } from '../to-provider-error.js';
import { expandEnvAtRequest } from './expand-env-at-request.js';
import { ReplyTooLargeError, type HttpSender } from './send-http-request.js';

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const STREAM_TEXT = '__evalgate_stream_text';

export interface HttpModelOptions {
  config: ProviderConfig;
  env: Readonly<Record<string, string | undefined>>;
  sender: HttpSender;
  clock: Clock;
}

export function createHttpModel(options: HttpModelOptions): LanguageModel {
  const { config, env, sender, clock } = options;
  const id = config.id;
  const method = config.method ?? 'POST';
  const maxBytes = config.max_response_bytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const mapping = config.response;
  const fail = (fields: Omit<ProviderErrorFields, 'provider'>, secrets: Set<string>): ProviderError =>
    new ProviderError({
      ...fields,
      provider: id,
      message: clip(redactSecrets(fields.message, [...secrets])),
    });

  // A URL without placeholders or `${ENV}` is parsed once; one that names a secret is expanded
  // per request and never kept.
  const deadlines = createDeadlineTimer(config.timeout_ms);
  const fixedUrl = /\{\{|\$\{/.test(config.url ?? '') ? undefined : new URL(config.url!);

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const secrets = new Set<string>();
    const variables = templateVariables(request);
    let url: URL;
    let body: string | undefined;
    const headers: Record<string, string> = {};
    try {
      url =
        fixedUrl ??
        // `${ENV}` is expanded in the config's own text first, then case values are spliced in:
        // a case whose text says `${OPENAI_API_KEY}` must stay that literal text.
        new URL(
          renderTemplate(
            expandEnvAtRequest(config.url!, env, secrets),
            variables,
            encodeURIComponent,
          ) as string,
        );
      for (const [name, value] of Object.entries(config.headers ?? {}))
        headers[name.toLowerCase()] = String(
          renderTemplate(expandEnvAtRequest(value, env, secrets), variables),
        );
      if (config.body !== undefined && method !== 'GET') {
        const rendered = renderTemplate(config.body, variables);
        body = typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
        headers['content-type'] ??=
          typeof rendered === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
      }
    } catch (error) {
      const message =
        error instanceof MissingVariableError ? error.message : `bad request: ${(error as Error).message}`;
      throw fail({ code: 'PROVIDER_BAD_REQUEST', message, isRetryable: false }, secrets);
    }

    const deadline = deadlines.start(request.signal);
    const signal = deadline.signal;
    const started = clock.monotonic();
    let firstTokenMs: number | undefined;
    let streamed = '';
    const events: Record<string, unknown>[] = [];
    const onEvent = config.stream
      ? (data: string): void => {
          if (data.trim() === '[DONE]') return;
          let delta: unknown = data;
          try {
            const parsed = JSON.parse(data) as unknown;
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
              events.push(parsed as Record<string, unknown>);
            delta = readJsonPath(parsed, mapping?.delta ?? '$.delta');
          } catch {
            // A data line that is not JSON is plain text.
          }
          if (typeof delta === 'string' && delta.length > 0) {
            firstTokenMs ??= clock.monotonic() - started;
            streamed += delta;
          }
        }
      : undefined;

    let reply: Awaited<ReturnType<HttpSender['send']>>;
    try {
      reply = await sender.send({ url, method, headers, body, maxBytes, signal, onEvent });
    } catch (error) {
      if (deadline.timedOut && !request.signal?.aborted)
        throw fail(
          { code: 'PROVIDER_TIMEOUT', message: `no reply within ${config.timeout_ms} ms`, isRetryable: true },
          secrets,
        );
      if (request.signal?.aborted) throw error;
      if (error instanceof ReplyTooLargeError)
        throw fail({ code: 'PROVIDER_BAD_RESPONSE', message: error.message, isRetryable: false }, secrets);
      const cause = error as Error & { code?: string };
      const detail = [cause.message, cause.code].filter(Boolean).join(' / ');
      throw fail(
        { code: 'PROVIDER_NETWORK', message: `connection failed: ${detail}`, isRetryable: true },
        secrets,
      );
    } finally {
      deadline.clear();
    }

    if (reply.status >= 400 || reply.status < 200) {
      const verdict = classifyStatus(reply.status, reply.headers.get('x-should-retry'));
      throw fail(
        {
          ...verdict,
          statusCode: reply.status,
          retryAfterMs: parseRetryAfter({ headers: reply.headers, nowMs: clock.now() }),
          message: `HTTP ${reply.status}: ${reply.text.trim().slice(0, 300) || 'no body'}`,
        },
        secrets,
      );
    }

    try {
      let raw: unknown;
      if (reply.eventStream) {
        // A loop, not a spread: a stream of 200k events would overflow the call stack.
        const merged: Record<string, unknown> = {};
        for (const event of events) Object.assign(merged, event);
        raw = { ...merged, [STREAM_TEXT]: streamed };
      } else {
        raw = parseBody(reply.text, reply.headers.get('content-type'), mapping !== undefined);
      }
      const outputPath =
        reply.eventStream && (streamed || !mapping?.output) ? `$['${STREAM_TEXT}']` : mapping?.output;
      const mapped = mapReply(raw, {
        mapping: { ...mapping, output: outputPath },
        docIdField: config.doc_id_field,
      });
      return {
        // A classifier service's own label is its answer for a classify suite.
        text:
          request.inputs?.task === 'classify' && mapped.label !== undefined ? mapped.label : mapped.output,
        ...(mapped.usage ? { usage: mapped.usage } : {}),
        ...(mapped.confidence !== undefined ? { confidence: mapped.confidence } : {}),
        ...(mapped.contexts ? { contexts: mapped.contexts } : {}),
        ...(mapped.citations ? { citations: mapped.citations } : {}),
        ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
        model: id,
      };
    } catch (error) {
      if (!(error instanceof ReplyShapeError)) throw error;
      throw fail(
        { code: 'PROVIDER_BAD_RESPONSE', message: `unexpected reply: ${error.message}`, isRetryable: false },
        secrets,
      );
    }
  };

  return { id, provider: 'http', model: id.slice('http/'.length), cacheable: false, generate };
}

/** JSON when it parses; plain text is only acceptable when no field has to be read out of it. */
function parseBody(text: string, contentType: string | null, mapped: boolean): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!mapped && !/json/i.test(contentType ?? '')) return text;
    throw new ReplyShapeError(`reply is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 400 ? `${one.slice(0, 400)}…` : one;
}
