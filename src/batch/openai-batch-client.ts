// BatchClient for OpenAI's Batch API through the official SDK: upload a JSONL of
// /v1/chat/completions requests (files, purpose `batch`), create the batch, poll it, and read
// the output and error files. Request bodies and answers go through the same functions as a
// direct call (providers/openai-model.ts), so a batch answer means exactly what a direct one does.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, toFile } from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import {
  openAIChatParams,
  openAIMaxTokensParam,
  openAIResult,
  OPENAI_DEFAULT_BASE_URL,
} from '../providers/openai-model.js';
import type { GenerateRequest } from '../providers/language-model.js';
import { systemClock, type Clock } from '../core/clock.js';
import { RuntimeFailure } from '../core/errors.js';
import { toProviderError } from '../providers/to-provider-error.js';
import type { BatchClient, BatchItem, BatchOutcome, BatchStatus } from './batch-port.js';

const CHAT_URL = '/v1/chat/completions';

export interface OpenAIBatchClientOptions {
  /** Provider id as configured, e.g. `openai/gpt-4o-mini` (errors name it). */
  id: string;
  model: string;
  apiKey: string;
  baseURL?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** For `Retry-After` dates in errors. */
  clock?: Clock;
}

interface OutputLine {
  custom_id?: string;
  response?: { status_code?: number; body?: unknown } | null;
  error?: { code?: string; message?: string } | null;
}

export function createOpenAIBatchClient(options: OpenAIBatchClientOptions): BatchClient {
  const baseURL = options.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  // Every option explicit, as in the direct adapter: no OPENAI_* variable is read behind our back.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: 2,
    fetch: options.fetch,
    logLevel: 'off',
  });
  const bodyOptions = { model: options.model, maxTokensParam: openAIMaxTokensParam(options.baseURL) };
  const lineOf = (item: BatchItem): string =>
    JSON.stringify({
      custom_id: item.customId,
      method: 'POST',
      url: CHAT_URL,
      body: openAIChatParams(item.request, bodyOptions),
    });

  // SDK errors become ProviderErrors with the key redacted, like a direct call's.
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toProviderError(error, {
        provider: options.id,
        classes: { APIError, APIConnectionError, APIConnectionTimeoutError },
        secrets: [options.apiKey],
        nowMs: (options.clock ?? systemClock).now(),
      });
    }
  };

  // A server without the batch endpoints (most OpenAI-compatible ones) says 404: say that plainly.
  const unsupported = (error: unknown): never => {
    if ((error as { statusCode?: number }).statusCode === 404)
      throw new RuntimeFailure(
        'BATCH_UNSUPPORTED',
        `${options.id}: the server has no batch API (POST /files answered 404); run without --batch`,
      );
    throw error;
  };

  return {
    maxRequests: 50_000,
    // The API takes 200 MB; headroom for the multipart envelope.
    maxBytes: 190_000_000,
    sizeOf: (item) => Buffer.byteLength(lineOf(item)) + 1,

    async submit(items) {
      const jsonl = `${items.map(lineOf).join('\n')}\n`;
      const upload = await toFile(Buffer.from(jsonl), 'evalgate-batch.jsonl', { type: 'application/jsonl' });
      const file = await guard(() => client.files.create({ file: upload, purpose: 'batch' })).catch(
        unsupported,
      );
      const batch = await guard(() =>
        client.batches.create({
          input_file_id: file.id,
          endpoint: CHAT_URL,
          completion_window: '24h',
          metadata: { created_by: 'evalgate' },
        }),
      );
      return { batchId: batch.id };
    },

    async status(batchId) {
      // No SDK retries here: the poll loop retries on its own clock (run-provider-batches.ts).
      const batch = await guard(() => client.batches.retrieve(batchId, { maxRetries: 0 }));
      const counts = batch.request_counts ?? { total: 0, completed: 0, failed: 0 };
      const ended = ['completed', 'expired', 'cancelled'].includes(batch.status);
      const status: BatchStatus = {
        state: batch.status === 'failed' ? 'failed' : ended ? 'ended' : 'running',
        providerStatus: batch.status,
        total: counts.total,
        done: counts.completed + counts.failed,
        failed: counts.failed,
      };
      if (batch.status === 'failed') {
        const first = batch.errors?.data?.[0];
        status.message = first
          ? `${first.code ?? 'error'}${first.line ? ` on line ${first.line}` : ''}: ${first.message ?? ''}`
          : 'the batch failed validation';
      }
      return status;
    },

    async *results(batchId, requests) {
      const batch = await guard(() => client.batches.retrieve(batchId));
      const seen = new Set<string>();
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const text = await guard(async () => (await client.files.content(fileId)).text());
        for (const raw of text.split('\n')) {
          if (!raw.trim()) continue;
          const line = JSON.parse(raw) as OutputLine;
          const request = line.custom_id ? requests.get(line.custom_id) : undefined;
          if (!request || !line.custom_id) continue;
          seen.add(line.custom_id);
          yield outcomeOf(line as OutputLine & { custom_id: string }, request, options.id);
        }
      }
      // Requests with no line at all never ran: the batch ended (expired or cancelled) first.
      for (const customId of requests.keys()) {
        if (!seen.has(customId)) yield neverRan(customId, batch.status);
      }
    },
  };
}

function outcomeOf(
  line: OutputLine & { custom_id: string },
  request: GenerateRequest,
  id: string,
): BatchOutcome {
  const status = line.response?.status_code ?? 0;
  if (line.response && status >= 200 && status < 300) {
    try {
      return {
        customId: line.custom_id,
        ok: true,
        result: openAIResult(line.response.body as ChatCompletion, request, { id }),
      };
    } catch (error) {
      return failed(line.custom_id, `bad batch output: ${(error as Error).message}`, false);
    }
  }
  if (line.error?.code === 'batch_expired') return neverRan(line.custom_id, 'expired');
  if (line.error?.code === 'batch_cancelled') return neverRan(line.custom_id, 'cancelled');
  const body = line.response?.body as { error?: { message?: string } } | undefined;
  const message = body?.error?.message ?? line.error?.message ?? 'no reason given';
  const retryable = status === 429 || status >= 500;
  return failed(line.custom_id, `${status ? `HTTP ${status}: ` : ''}${message}`, retryable);
}

function failed(customId: string, message: string, retryable: boolean): BatchOutcome {
  return { customId, ok: false, code: 'BATCH_REQUEST_FAILED', message: oneLine(message), retryable };
}

function neverRan(customId: string, status: string): BatchOutcome {
  const cancelled = status === 'cancelled' || status === 'cancelling';
  return {
    customId,
    ok: false,
    code: cancelled ? 'BATCH_CANCELLED' : 'BATCH_EXPIRED',
    message: cancelled
      ? 'the batch was cancelled before this request ran'
      : 'the batch expired (24 h window) before this request ran',
    retryable: false,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
