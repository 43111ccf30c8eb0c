// Usage estimates with tiktoken when a provider reports none (flagged `estimated`).
import { getTokenizer, type Tokenizer, type TokenizerEncoding } from '../text/tokenizer.js';
import type { ChatMessage, TokenUsage } from './language-model.js';

export { getTokenizer, DEFAULT_ENCODING, type Tokenizer, type TokenizerEncoding } from '../text/tokenizer.js';

export function countTokens(text: string, encoding?: TokenizerEncoding): number {
  return getTokenizer(encoding).count(text);
}

/**
 * Usage for a chat call the provider did not report, flagged `estimated`. The per-message
 * overhead (3 tokens, plus 3 to prime the reply) follows OpenAI's published counting recipe.
 */
export function estimateUsage(options: {
  messages: ChatMessage[];
  output: string;
  tokenizer?: Tokenizer;
}): TokenUsage {
  const tokenizer = options.tokenizer ?? getTokenizer();
  let inputTokens = 3;
  for (const message of options.messages) inputTokens += 3 + tokenizer.count(message.content) + 1;
  return { inputTokens, outputTokens: tokenizer.count(options.output), estimated: true };
}
