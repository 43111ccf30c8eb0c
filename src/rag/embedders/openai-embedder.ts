// Embedder over OpenAI's embeddings endpoint (or any compatible server) through the official SDK:
// texts are sent in batches, answers put back in input order and L2-normalised.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { systemClock } from '../../core/clock.js';
import type { Clock } from '../../core/clock.js';
import { InputError, ProviderError } from '../../core/errors.js';
import { toProviderError } from '../../providers/to-provider-error.js';
import type { Embedder } from '../embedder.js';

/** Native output sizes of OpenAI's embedding models; others need `dimensions`. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export interface OpenAIEmbedderOptions {
  model: string;
  apiKey: string;
  baseURL?: string;
  /** Texts per request (OpenAI accepts up to 2048). */
  batchSize: number;
  /**
   * Output size. For text-embedding-3 models a smaller value is sent to the API (it shortens the
   * vectors); for models we do not know it is required.
   */
  dimensions?: number;
  timeoutMs?: number;
  /** SDK-level retries (honouring Retry-After): embedding calls do not go through `withRetries`. Default 2. */
  maxRetries?: number;
  fetch?: typeof fetch;
  /** Embedder id for index and cache keys; default `openai/<model>`, plus `@<dimensions>` when shortened. */
  id?: string;
  clock?: Clock;
}

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const known = KNOWN_DIMENSIONS[options.model];
  const dimension = options.dimensions ?? known;
  if (!dimension) {
    throw new InputError({
      code: 'EMBEDDER_DIMENSION_UNKNOWN',
      field: 'rag.embedder',
      message: `the output size of embedding model "${options.model}" is unknown; set its dimensions`,
    });
  }
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
    throw new InputError({
      code: 'EMBEDDER_BATCH_INVALID',
      field: 'rag.embedder',
      message: 'batchSize must be a positive integer',
    });
  }
  // Only OpenAI's own models accept `dimensions`; for others it just declares the output size.
  const shortened = known !== undefined && options.dimensions !== undefined && options.dimensions !== known;
  const sized = options.dimensions !== undefined && options.dimensions !== known;
  const id = options.id ?? `openai/${options.model}${sized ? `@${dimension}` : ''}`;
  const clock = options.clock ?? systemClock;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 2,
    fetch: options.fetch,
    logLevel: 'off',
  });

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      response = await client.embeddings.create({
        model: options.model,
        input: texts,
        ...(shortened && { dimensions: dimension }),
      });
    } catch (error) {
      throw toProviderError(error, {
        provider: id,
        classes: { APIError, APIConnectionError, APIConnectionTimeoutError },
        secrets: [options.apiKey],
        nowMs: clock.now(),
      });
    }
    const out = new Array<Float32Array>(texts.length);
    for (const item of response.data ?? []) {
      const vector = item.embedding as ArrayLike<number>;
      if (item.index >= 0 && item.index < texts.length && vector.length === dimension)
        out[item.index] = normalised(vector);
    }
    for (let i = 0; i < out.length; i++) {
      if (!out[i]) {
        throw new ProviderError({
          code: 'PROVIDER_BAD_RESPONSE',
          provider: id,
          message: `embedding ${i} of ${texts.length} is missing or not ${dimension}-dimensional`,
          isRetryable: false,
        });
      }
    }
    return out;
  };

  return {
    id,
    dimension,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += options.batchSize) {
        out.push(...(await embedBatch(texts.slice(start, start + options.batchSize))));
      }
      return out;
    },
  };
}

/** Unit length, so dot product = cosine; a zero vector stays zero rather than becoming NaN. */
function normalised(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i] * out[i];
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}
