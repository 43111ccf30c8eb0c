// Rate-limit decorator for a LanguageModel: each call waits for a permit from the provider's
// limiter (rpm/tpm buckets, 429 pause, adaptive concurrency) and settles it with what happened.
// It sits inside the retry decorator, so every attempt, retries included, is paced and counted.
import { ProviderError } from '../core/errors.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from './language-model.js';

/** Output tokens assumed for the first calls, before real answers give an average. */
const FIRST_OUTPUT_GUESS = 256;

export function withRateLimit(model: LanguageModel, limiter: RateLimiter): LanguageModel {
  // Running mean of output tokens: the token bucket is charged input + expected output up
  // front and trued up to the reported usage when the answer arrives.
  let outputSum = 0;
  let outputCount = 0;

  const estimate = (request: GenerateRequest): number => {
    let input = 3;
    // About four characters a token; the real usage corrects the bucket afterwards.
    for (const m of request.messages) input += 4 + Math.ceil(m.content.length / 4);
    const mean = outputCount > 0 ? outputSum / outputCount : FIRST_OUTPUT_GUESS;
    return input + Math.ceil(Math.min(request.maxTokens ?? Number.POSITIVE_INFINITY, mean));
  };

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const permit = await limiter.acquire({ tokens: estimate(request), signal: request.signal });
    let result: GenerateResult;
    try {
      result = await model.generate(request);
    } catch (error) {
      const status = error instanceof ProviderError ? error.statusCode : undefined;
      // 529 is Anthropic's "overloaded": not our quota, but the same advice — send less.
      if (status === 429 || status === 529)
        permit.settle({ kind: 'rate-limited', retryAfterMs: (error as ProviderError).retryAfterMs });
      else permit.settle({ kind: 'error' });
      throw error;
    }
    const usage = result.usage;
    if (usage) {
      outputSum += usage.outputTokens;
      outputCount++;
    }
    permit.settle({ kind: 'success', tokens: usage ? usage.inputTokens + usage.outputTokens : undefined });
    return result;
  };

  return { id: model.id, provider: model.provider, model: model.model, cacheable: model.cacheable, generate };
}
