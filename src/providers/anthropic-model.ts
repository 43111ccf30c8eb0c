// LanguageModel adapter for Anthropic's Messages API through the official SDK. SDK retries are
// off: `withRetries` owns retrying (including 529 overloaded), seeded and counted in one place.
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
} from '@anthropic-ai/sdk/resources/messages';
import { systemClock } from '../core/clock.js';
import type { Clock } from '../core/clock.js';
import type { GenerateRequest, GenerateResult, LanguageModel, TokenUsage } from './language-model.js';
import { estimateUsage } from './token-estimate.js';
import type { Tokenizer } from './token-estimate.js';
import { toProviderError } from './to-provider-error.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicModelOptions {
  /** Full provider id as configured, e.g. `anthropic/claude-3-5-haiku-latest`. */
  id: string;
  model: string;
  apiKey: string;
  /** Without `/v1`: the SDK appends `/v1/messages`. Defaults to Anthropic itself. */
  baseURL?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** The API requires `max_tokens`; used when the request sets none. Default 1024. */
  defaultMaxTokens?: number;
  /** Extra request fields (`top_k`, `stop_sequences`, …); they win over the derived ones except `model`, `messages`, `system`. */
  extraParams?: Record<string, unknown>;
  /** For turning a `Retry-After` date into a wait. */
  clock?: Clock;
  tokenizer?: Tokenizer;
  cacheable?: boolean;
}

export function createAnthropicModel(options: AnthropicModelOptions): LanguageModel {
  const clock = options.clock ?? systemClock;
  // Explicit options throughout, so the SDK reads no ANTHROPIC_* variable or profile behind our back.
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL,
    timeout: options.timeoutMs,
    maxRetries: 0,
    fetch: options.fetch,
    logLevel: 'off',
    openTelemetry: false,
  });
  const errorOptions = {
    provider: options.id,
    classes: { APIError, APIConnectionError, APIConnectionTimeoutError },
    secrets: [options.apiKey],
  };

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const params = anthropicMessageParams(request, options);
    let message: Message;
    try {
      message = await client.messages.create(params, { signal: request.signal });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw toProviderError(error, { ...errorOptions, nowMs: clock.now() });
    }
    return anthropicResult(message, request, options);
  };

  return {
    id: options.id,
    provider: 'anthropic',
    model: options.model,
    cacheable: options.cacheable ?? true,
    generate,
  };
}

/**
 * The Messages API body for a request. Exported so Message Batches send exactly the body a direct
 * call would (src/batch), and the answers they bring back mean the same.
 */
export function anthropicMessageParams(
  request: GenerateRequest,
  options: Pick<AnthropicModelOptions, 'model' | 'defaultMaxTokens' | 'extraParams'>,
): MessageCreateParamsNonStreaming {
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const messages: MessageParam[] = [];
  for (const m of request.messages) {
    if (m.role !== 'system') messages.push({ role: m.role, content: m.content });
  }
  return {
    max_tokens: request.maxTokens ?? options.defaultMaxTokens ?? 1024,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...options.extraParams,
    // A prompt may name its own model (front matter `model:`) within the same provider.
    model: request.model ?? options.model,
    messages,
    ...(system.length > 0 && { system: system.join('\n\n') }),
  } as MessageCreateParamsNonStreaming;
}

/** A message (from a direct call or a batch result line) as the port's result. */
export function anthropicResult(
  message: Message,
  request: GenerateRequest,
  options: Pick<AnthropicModelOptions, 'tokenizer'>,
): GenerateResult {
  const text = (message.content ?? []).map((block) => (block.type === 'text' ? block.text : '')).join('');
  const result: GenerateResult = { text, usage: usageOf(message, request, text, options.tokenizer) };
  if (message.stop_reason) result.finishReason = message.stop_reason;
  if (message.model) result.model = message.model;
  return result;
}

/** Input includes prompt-cache reads and writes: Anthropic reports them apart from `input_tokens`. */
function usageOf(
  message: Message,
  request: GenerateRequest,
  text: string,
  tokenizer?: Tokenizer,
): TokenUsage {
  const usage = message.usage;
  if (usage && Number.isFinite(usage.input_tokens) && Number.isFinite(usage.output_tokens)) {
    const cached = (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
    return { inputTokens: usage.input_tokens + cached, outputTokens: usage.output_tokens, estimated: false };
  }
  return estimateUsage({ messages: request.messages, output: text, tokenizer });
}
