// LanguageModel adapter for OpenAI chat completions through the official SDK; also serves any
// OpenAI-compatible server (vLLM, Ollama, llama.cpp) via `baseURL`. SDK retries are off:
// `withRetries` owns retrying, so backoff is seeded and attempts are counted in one place.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { systemClock } from '../core/clock.js';
import type { Clock } from '../core/clock.js';
import { ProviderError } from '../core/errors.js';
import { labelProbabilities } from './label-probabilities.js';
import type { GenerateRequest, GenerateResult, LanguageModel, TokenUsage } from './language-model.js';
import { estimateUsage } from './token-estimate.js';
import type { Tokenizer } from './token-estimate.js';
import { toProviderError } from './to-provider-error.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** How many alternatives to ask for per token when logprobs are requested (label probabilities need them). */
const TOP_LOGPROBS = 5;

export interface OpenAIModelOptions {
  /** Full provider id as configured, e.g. `openai/gpt-4o-mini`. */
  id: string;
  model: string;
  apiKey: string;
  /** Defaults to OpenAI itself; never read from the environment here. */
  baseURL?: string;
  timeoutMs: number;
  /** A fetch for the SDK, e.g. `createLeanFetch()`; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Extra request fields (`seed`, `top_p`, `response_format`, …); they win over the derived ones except `model` and `messages`. */
  extraParams?: Record<string, unknown>;
  /**
   * OpenAI itself wants `max_completion_tokens` (reasoning models reject `max_tokens`); compatible
   * servers mostly know only `max_tokens`. Default: the former for OpenAI's URL, else the latter.
   */
  maxTokensParam?: 'max_tokens' | 'max_completion_tokens';
  organization?: string;
  project?: string;
  /** For turning a `Retry-After` date into a wait. */
  clock?: Clock;
  /** For usage estimates when the server reports none. */
  tokenizer?: Tokenizer;
  cacheable?: boolean;
}

export function createOpenAIModel(options: OpenAIModelOptions): LanguageModel {
  const baseURL = options.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  const clock = options.clock ?? systemClock;
  const maxTokensParam = options.maxTokensParam ?? openAIMaxTokensParam(baseURL);
  // Every option is explicit so the SDK reads no OPENAI_* environment variable behind our back.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL,
    organization: options.organization ?? null,
    project: options.project ?? null,
    timeout: options.timeoutMs,
    maxRetries: 0,
    fetch: options.fetch,
    logLevel: 'off',
  });
  const errorOptions = {
    provider: options.id,
    classes: { APIError, APIConnectionError, APIConnectionTimeoutError },
    secrets: [options.apiKey],
  };

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const params = openAIChatParams(request, { ...options, maxTokensParam });
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create(params, { signal: request.signal });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw toProviderError(error, { ...errorOptions, nowMs: clock.now() });
    }
    return openAIResult(completion, request, options);
  };

  return {
    id: options.id,
    provider: 'openai',
    model: options.model,
    cacheable: options.cacheable ?? true,
    generate,
  };
}

/** `max_completion_tokens` for OpenAI itself, `max_tokens` for compatible servers (see the option). */
export function openAIMaxTokensParam(
  baseURL: string | undefined,
): NonNullable<OpenAIModelOptions['maxTokensParam']> {
  return (baseURL ?? OPENAI_DEFAULT_BASE_URL) === OPENAI_DEFAULT_BASE_URL
    ? 'max_completion_tokens'
    : 'max_tokens';
}

/**
 * The chat-completions body for a request. Exported so the Batch API sends byte-for-byte the
 * body a direct call would (src/batch), and the answers it brings back mean the same.
 */
export function openAIChatParams(
  request: GenerateRequest,
  options: Pick<OpenAIModelOptions, 'model' | 'extraParams' | 'maxTokensParam'>,
): ChatCompletionCreateParamsNonStreaming {
  const maxTokensParam = options.maxTokensParam ?? 'max_completion_tokens';
  return {
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.maxTokens !== undefined && { [maxTokensParam]: request.maxTokens }),
    ...(request.logprobs && { logprobs: true, top_logprobs: TOP_LOGPROBS }),
    ...options.extraParams,
    // A prompt may name its own model (front matter `model:`) within the same provider.
    model: request.model ?? options.model,
    messages: request.messages,
  } as ChatCompletionCreateParamsNonStreaming;
}

/** A completion (from a direct call or a batch output line) as the port's result. */
export function openAIResult(
  completion: ChatCompletion,
  request: GenerateRequest,
  options: Pick<OpenAIModelOptions, 'id' | 'tokenizer'>,
): GenerateResult {
  const choice = completion.choices?.[0];
  if (!choice?.message) {
    throw new ProviderError({
      code: 'PROVIDER_BAD_RESPONSE',
      provider: options.id,
      message: 'the response has no choices',
      isRetryable: false,
    });
  }
  const text = choice.message.content ?? '';
  const result: GenerateResult = { text, usage: usageOf(completion, request, text, options.tokenizer) };
  if (choice.finish_reason) result.finishReason = choice.finish_reason;
  if (completion.model) result.model = completion.model;
  const first = request.logprobs ? choice.logprobs?.content?.[0] : undefined;
  if (first) {
    result.confidence = Math.exp(first.logprob);
    const labels = request.inputs?.labels;
    const probabilities = labels?.length ? labelProbabilities(first.top_logprobs ?? [], labels) : undefined;
    if (probabilities) result.labelProbabilities = probabilities;
  }
  return result;
}

function usageOf(
  completion: ChatCompletion,
  request: GenerateRequest,
  text: string,
  tokenizer?: Tokenizer,
): TokenUsage {
  const usage = completion.usage;
  if (usage && Number.isFinite(usage.prompt_tokens) && Number.isFinite(usage.completion_tokens)) {
    return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, estimated: false };
  }
  return estimateUsage({ messages: request.messages, output: text, tokenizer });
}
