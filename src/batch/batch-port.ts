// The port between evalgate and a provider's batch API: submit a list of requests, poll, and
// read back one outcome per request by its custom id. Adapters: OpenAI Batch API
// (openai-batch-client.ts) and Anthropic Message Batches (anthropic-batch-client.ts).
import type { GenerateRequest, GenerateResult } from '../providers/language-model.js';
import type { PlannedRequests } from './request-spool.js';

export interface BatchItem {
  /** The response-cache key of the request: a 64-hex digest, valid as a custom id on both APIs. */
  customId: string;
  request: GenerateRequest;
}

export interface BatchStatus {
  /** `running` until the provider stops working on it; `ended` once results can be read. */
  state: 'running' | 'ended' | 'failed';
  /** The provider's own status word (`in_progress`, `completed`, `expired`, `ended`, …). */
  providerStatus: string;
  total: number;
  /** Requests that finished, successfully or not. */
  done: number;
  failed: number;
  /** Why a batch failed as a whole (validation), in one line. */
  message?: string;
}

export type BatchOutcome =
  | { customId: string; ok: true; result: GenerateResult }
  | {
      customId: string;
      ok: false;
      /** `BATCH_EXPIRED` / `BATCH_CANCELLED`: never ran; `BATCH_REQUEST_FAILED`: the provider refused it. */
      code: 'BATCH_EXPIRED' | 'BATCH_CANCELLED' | 'BATCH_REQUEST_FAILED';
      message: string;
      /** A server-side failure (5xx, overloaded, rate limit) worth one direct retry. */
      retryable: boolean;
    };

export interface BatchClient {
  /** Most requests one batch may hold (OpenAI 50,000; Anthropic 100,000). */
  readonly maxRequests: number;
  /** Most bytes of request bodies one batch may hold, with headroom under the API's limit. */
  readonly maxBytes: number;
  /** Bytes one item adds to a batch (its serialised body), for splitting. */
  sizeOf(item: BatchItem): number;
  submit(items: BatchItem[]): Promise<{ batchId: string }>;
  status(batchId: string): Promise<BatchStatus>;
  /**
   * Every outcome of an ended batch, one per key of `requests` (which maps custom ids back to
   * requests for parsing; ids it does not know are skipped).
   */
  results(batchId: string, requests: PlannedRequests): AsyncIterable<BatchOutcome>;
}
