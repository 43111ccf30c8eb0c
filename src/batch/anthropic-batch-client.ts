// BatchClient for Anthropic Message Batches through the official SDK: create a batch of
// Messages requests, poll it, and stream its results (JSONL at `results_url`). Request bodies
// and answers go through the same functions as a direct call (providers/anthropic-model.ts).
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import {
  ANTHROPIC_DEFAULT_BASE_URL,
  anthropicMessageParams,
  anthropicResult,
} from '../providers/anthropic-model.js';
import { systemClock, type Clock } from '../core/clock.js';
import { RuntimeFailure } from '../core/errors.js';
import { toProviderError } from '../providers/to-provider-error.js';
import type { BatchClient, BatchItem, BatchOutcome } from './batch-port.js';

export interface AnthropicBatchClientOptions {
  /** Provider id as configured (errors name it). */
  id: string;
  model: string;
  apiKey: string;
  /** Without `/v1`, as for the direct adapter. */
  baseURL?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** For `Retry-After` dates in errors. */
  clock?: Clock;
}

/** Error types Anthropic reports for a server-side failure, worth one direct retry. */
const RETRYABLE = new Set(['api_error', 'overloaded_error', 'rate_limit_error', 'timeout_error']);

export function createAnthropicBatchClient(options: AnthropicBatchClientOptions): BatchClient {
  // Explicit options throughout, so the SDK reads no ANTHROPIC_* variable behind our back.
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL,
    timeout: options.timeoutMs,
    maxRetries: 2,
    fetch: options.fetch,
    logLevel: 'off',
    openTelemetry: false,
  });
  const entryOf = (item: BatchItem) => ({
    custom_id: item.customId,
    params: anthropicMessageParams(item.request, { model: options.model }),
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
        `${options.id}: the server has no batch API (POST /v1/messages/batches answered 404); run without --batch`,
      );
    throw error;
  };

  return {
    maxRequests: 100_000,
    // The API takes 256 MB per batch; headroom for the JSON envelope.
    maxBytes: 240_000_000,
    sizeOf: (item) => Buffer.byteLength(JSON.stringify(entryOf(item))) + 1,

    async submit(items) {
      const batch = await guard(() => client.messages.batches.create({ requests: items.map(entryOf) })).catch(
        unsupported,
      );
      return { batchId: batch.id };
    },

    async status(batchId) {
      // No SDK retries here: the poll loop retries on its own clock (run-provider-batches.ts).
      const batch = await guard(() => client.messages.batches.retrieve(batchId, {}, { maxRetries: 0 }));
      const c = batch.request_counts;
      const total = c.processing + c.succeeded + c.errored + c.canceled + c.expired;
      return {
        state: batch.processing_status === 'ended' ? 'ended' : 'running',
        providerStatus: batch.processing_status,
        total,
        done: total - c.processing,
        failed: c.errored + c.canceled + c.expired,
      };
    },

    async *results(batchId, requests) {
      const seen = new Set<string>();
      for await (const line of await guard(() => client.messages.batches.results(batchId))) {
        const request = requests.get(line.custom_id);
        if (!request) continue;
        seen.add(line.custom_id);
        yield outcomeOf(line.custom_id, line.result, request);
      }
      for (const customId of requests.keys()) {
        if (!seen.has(customId))
          yield {
            customId,
            ok: false,
            code: 'BATCH_REQUEST_FAILED',
            message: 'the batch results have no line for this request',
            retryable: true,
          };
      }
    },
  };
}

function outcomeOf(
  customId: string,
  result: { type: string; message?: Message; error?: unknown },
  request: BatchItem['request'],
): BatchOutcome {
  switch (result.type) {
    case 'succeeded':
      return { customId, ok: true, result: anthropicResult(result.message!, request, {}) };
    case 'expired':
      return {
        customId,
        ok: false,
        code: 'BATCH_EXPIRED',
        message: 'the batch expired (24 h window) before this request ran',
        retryable: false,
      };
    case 'canceled':
      return {
        customId,
        ok: false,
        code: 'BATCH_CANCELLED',
        message: 'the batch was cancelled before this request ran',
        retryable: false,
      };
    default: {
      // `errored`: { error: { type: 'error', error: { type, message } } }
      const inner = (result.error as { error?: { type?: string; message?: string } } | undefined)?.error;
      return {
        customId,
        ok: false,
        code: 'BATCH_REQUEST_FAILED',
        message: `${inner?.type ?? 'error'}: ${(inner?.message ?? 'no reason given').replace(/\s+/g, ' ').slice(0, 300)}`,
        retryable: RETRYABLE.has(inner?.type ?? ''),
      };
    }
  }
}
