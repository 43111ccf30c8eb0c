// The provider port: the one small interface every model adapter implements.
// Core code imports this file, never an adapter.
import type { TaskKind } from '../core/task.js';
import type { AppContext } from './app/app-reply.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A passage the model may use, with the id it should cite (`doc-id#n`). */
export interface ContextPassage {
  id: string;
  text: string;
}

export interface FewShotExample {
  input: string;
  output: string;
}

/**
 * The same inputs the prompt was rendered from, in structured form. Remote models read the
 * rendered `messages`; the offline baseline reads these (it is extractive, not a language model).
 */
export interface ModelInputs {
  task: TaskKind;
  question?: string;
  context?: ContextPassage[];
  labels?: string[];
  fewShot?: FewShotExample[];
  /** Answer options for multiple-choice (mcq) tasks. */
  options?: string[];
  /** The case's own `vars` object (request templates of http/module providers read it). */
  vars?: Record<string, unknown>;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  /** Overrides the adapter's model for this call (a prompt's front-matter `model:`). */
  model?: string;
  temperature?: number;
  maxTokens?: number;
  /** Ask for token log-probabilities where the provider supports them (confidence for classify). */
  logprobs?: boolean;
  inputs?: ModelInputs;
  /** Gold case id: lets a replay provider look up an answer produced elsewhere. Not part of cache keys. */
  caseId?: string;
  /** Repeat index for `--repeat n`; part of cache keys so repeats are real repeats. */
  repeatIndex?: number;
  signal?: AbortSignal;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when counted locally with tiktoken because the provider reported no usage. */
  estimated: boolean;
  /** Answered through a provider's batch API, so billed at the batch discount (src/batch). */
  batch?: boolean;
}

export interface GenerateResult {
  text: string;
  usage?: TokenUsage;
  /** Model's confidence in [0, 1] where it has one (offline baseline; OpenAI logprobs). */
  confidence?: number;
  /** Per-label probabilities for classification, where the model exposes them. */
  labelProbabilities?: Record<string, number>;
  finishReason?: string;
  /** The model the server says answered (may differ from the requested alias). */
  model?: string;
  /** Passages the user's application retrieved itself (http/module providers); scored like built-in ones. */
  contexts?: AppContext[];
  /** Context ids the application says its answer cites. */
  citations?: string[];
  /** Streaming replies: milliseconds from the request to the first text delta. */
  firstTokenMs?: number;
}

export interface LanguageModel {
  /** Full provider id as configured, e.g. `openai/gpt-4o-mini`. */
  readonly id: string;
  /** `openai`, `anthropic`, `local`, `replay`. */
  readonly provider: string;
  readonly model: string;
  /** False for models whose answers are cheaper to recompute than to read from disk. */
  readonly cacheable: boolean;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
