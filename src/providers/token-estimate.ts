// Token counting with tiktoken: usage estimates when a provider reports none, and the unit
// of the RAG chunker and context budget. Encoders are created on first use because loading
// one costs ~100 ms, which a run that never counts tokens should not pay.
import { get_encoding } from 'tiktoken';
import type { Tiktoken } from 'tiktoken';
import type { ChatMessage, TokenUsage } from './language-model.js';

export type TokenizerEncoding = 'cl100k_base' | 'o200k_base';

export interface Tokenizer {
  readonly encoding: TokenizerEncoding;
  encode(text: string): Uint32Array;
  count(text: string): number;
  decode(tokens: Uint32Array | number[]): string;
}

/**
 * cl100k_base by default: it loads faster than o200k_base and an estimate (or a chunk size)
 * does not need the exact tokenizer of the model being evaluated.
 */
export const DEFAULT_ENCODING: TokenizerEncoding = 'cl100k_base';

// A process-wide memo rather than ambient state: an encoder is immutable once built, and
// building it twice would only cost time and WASM memory.
const tokenizers = new Map<TokenizerEncoding, Tokenizer>();

export function getTokenizer(encoding: TokenizerEncoding = DEFAULT_ENCODING): Tokenizer {
  let tokenizer = tokenizers.get(encoding);
  if (!tokenizer) {
    tokenizer = wrap(encoding, get_encoding(encoding));
    tokenizers.set(encoding, tokenizer);
  }
  return tokenizer;
}

export function countTokens(text: string, encoding: TokenizerEncoding = DEFAULT_ENCODING): number {
  return getTokenizer(encoding).count(text);
}

/**
 * Usage for a chat call the provider did not report, flagged `estimated`. The per-message
 * overhead (3 tokens, plus 3 to prime the reply) follows OpenAI's published counting recipe.
 */
export function estimateUsage(options: { messages: ChatMessage[]; output: string; tokenizer?: Tokenizer }): TokenUsage {
  const tokenizer = options.tokenizer ?? getTokenizer();
  let inputTokens = 3;
  for (const message of options.messages) inputTokens += 3 + tokenizer.count(message.content) + 1;
  return { inputTokens, outputTokens: tokenizer.count(options.output), estimated: true };
}

function wrap(encoding: TokenizerEncoding, encoder: Tiktoken): Tokenizer {
  const decoder = new TextDecoder();
  return {
    encoding,
    // encode_ordinary: user text that happens to contain `<|endoftext|>` is text, not an error.
    encode: (text) => encoder.encode_ordinary(text),
    count: (text) => (text.length === 0 ? 0 : encoder.encode_ordinary(text).length),
    decode: (tokens) => decoder.decode(encoder.decode(tokens instanceof Uint32Array ? tokens : Uint32Array.from(tokens))),
  };
}
