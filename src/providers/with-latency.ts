// Records how long a model call took (including retries and backoff, as a user would wait) on
// the result. Sits inside the cache decorator, so a cached answer keeps its original latency
// instead of reporting a misleading 0 ms.
import type { Clock } from '../core/clock.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from './language-model.js';

export type TimedResult = GenerateResult & { latencyMs: number };

export function withLatency(model: LanguageModel, clock: Clock): LanguageModel {
  const generate = async (request: GenerateRequest): Promise<TimedResult> => {
    const started = clock.monotonic();
    const result = (await model.generate(request)) as GenerateResult & { latencyMs?: number };
    // A replayed answer brings the latency it had when it was produced.
    return { ...result, latencyMs: result.latencyMs ?? clock.monotonic() - started };
  };
  return { id: model.id, provider: model.provider, model: model.model, cacheable: model.cacheable, generate };
}
