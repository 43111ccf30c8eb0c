// Cache decorator for any LanguageModel. The key is a hash of the request alone (provider id,
// model, messages, sampling parameters, structured inputs, repeat index), never of a secret, so
// the cache can be shared and committed. Errors are never cached.
import { hashValue } from '../core/hash.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from './language-model.js';
import type { ResponseCache } from './response-cache.js';

export interface CacheOptions {
  /** Separates caches that must not share entries (e.g. after a provider-side change). */
  namespace?: string;
  /** A failed cache write does not fail the call (the answer is already paid for); it is reported here. */
  onWriteError?: (error: unknown) => void;
}

/** `repeatIndex` tells `--repeat` samples apart, so each repeat is cached (and replayed) on its own. */
export type CachedGenerateRequest = GenerateRequest & { repeatIndex?: number };

/** `cached` is true when the answer came from disk, false when the model was called. */
export type CachedResult = GenerateResult & { cached: boolean };

export interface CachingModel extends LanguageModel {
  generate(request: CachedGenerateRequest): Promise<CachedResult>;
  cacheKey(request: CachedGenerateRequest): string;
}

/** Bump when the key's shape or the stored value's meaning changes, to orphan old entries. */
const KEY_VERSION = 1;

export function withCache(
  model: LanguageModel,
  cache: ResponseCache,
  options: CacheOptions = {},
): CachingModel {
  const cacheKey = (request: CachedGenerateRequest): string =>
    hashValue({
      v: KEY_VERSION,
      namespace: options.namespace,
      provider: model.id,
      model: request.model ?? model.model,
      messages: request.messages,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      logprobs: request.logprobs,
      inputs: request.inputs,
      repeatIndex: request.repeatIndex,
    });

  const generate = async (request: CachedGenerateRequest): Promise<CachedResult> => {
    if (!model.cacheable) return { ...(await model.generate(request)), cached: false };
    const key = cacheKey(request);
    const hit = await cache.get(key);
    if (isGenerateResult(hit)) return { ...hit, cached: true };
    const result = await model.generate(request);
    try {
      await cache.set(key, storable(result));
    } catch (error) {
      options.onWriteError?.(error);
    }
    return { ...result, cached: false };
  };

  return {
    id: model.id,
    provider: model.provider,
    model: model.model,
    cacheable: model.cacheable,
    generate,
    cacheKey,
  };
}

/** Drop per-call markers added by other decorators: they describe this call, not the answer. */
function storable(result: GenerateResult): GenerateResult {
  const {
    attempts: _attempts,
    cached: _cached,
    ...rest
  } = result as GenerateResult & { attempts?: unknown; cached?: unknown };
  return rest;
}

function isGenerateResult(value: unknown): value is GenerateResult {
  return (
    typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
  );
}
