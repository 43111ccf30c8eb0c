// Packs retrieved chunks into the prompt's context budget, best-ranked first, and stops at the
// first chunk that no longer fits: everything from there on is recorded as dropped (so a failed
// case can be attributed to context overflow), never cut mid-chunk. The budget is checked
// against the token count of the whole rendered text, markers and separators included.
import { getTokenizer } from './tokenizer.js';
import type { AssembledContext, RetrievedChunk } from './types.js';

export interface AssembleContextOptions {
  retrieved: readonly RetrievedChunk[];
  budgetTokens: number;
  /** Defaults to cl100k_base token counts. */
  countTokens?: (text: string) => number;
  /** Renders one chunk; default `[doc-id#n]\n<text>`. */
  format?: (item: RetrievedChunk) => string;
  /** Between blocks; default a blank line. */
  separator?: string;
}

export function formatChunkBlock(item: RetrievedChunk): string {
  return `[${item.chunk.id}]\n${item.chunk.text}`;
}

export function assembleContext(options: AssembleContextOptions): AssembledContext {
  const { retrieved, budgetTokens, format = formatChunkBlock, separator = '\n\n' } = options;
  const countTokens = options.countTokens ?? ((text: string) => getTokenizer().count(text));
  const included: RetrievedChunk[] = [];
  const dropped: RetrievedChunk[] = [];
  let text = '';
  let usedTokens = 0;
  for (const item of retrieved) {
    if (dropped.length > 0) {
      dropped.push(item);
      continue;
    }
    const candidate = included.length === 0 ? format(item) : text + separator + format(item);
    const tokens = countTokens(candidate);
    if (tokens <= budgetTokens) {
      included.push(item);
      text = candidate;
      usedTokens = tokens;
    } else {
      dropped.push(item);
    }
  }
  return { text, included, dropped, usedTokens, budgetTokens, overflow: dropped.length > 0 };
}
