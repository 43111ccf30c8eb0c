// Reranking through a language model (listwise): the model sees the query and the numbered
// candidate passages and returns their order as strict JSON. Candidates it leaves out keep
// their first-stage order after the ones it ranked; an unusable reply keeps the original
// order and is reported through `onInvalid`, so a flaky reranker degrades to no reranking
// instead of failing the case.
import { z } from 'zod';
import type { LanguageModel } from '../providers/language-model.js';
import type { RetrievedChunk } from './types.js';

export interface LlmRerankerOptions {
  model: LanguageModel;
  /** How many first-stage candidates the model sees (the rest follow unchanged). */
  maxCandidates?: number;
  /** Characters of each passage shown to the model. */
  maxPassageChars?: number;
  onInvalid?: (reason: string) => void;
}

const ReplySchema = z.object({ ranking: z.array(z.number().int().min(1)) });

export function createLlmReranker(
  options: LlmRerankerOptions,
): (query: string, chunks: RetrievedChunk[]) => Promise<RetrievedChunk[]> {
  const maxCandidates = options.maxCandidates ?? 20;
  const maxChars = options.maxPassageChars ?? 600;
  return async (query, chunks) => {
    const head = chunks.slice(0, maxCandidates);
    const tail = chunks.slice(maxCandidates);
    if (head.length < 2) return chunks;
    const passages = head
      .map((c, i) => `[${i + 1}] ${c.chunk.text.slice(0, maxChars).replace(/\s+/g, ' ')}`)
      .join('\n');
    const prompt = `Rank the passages by how well they answer the query, most useful first.\n\nQuery: ${query}\n\nPassages:\n${passages}\n\nReply with only a JSON object: {"ranking": [passage numbers, best first]}`;
    let text: string;
    try {
      text = (
        await options.model.generate({
          messages: [{ role: 'user', content: prompt }],
          temperature: 0,
          maxTokens: 8 * head.length + 20,
        })
      ).text;
    } catch (error) {
      options.onInvalid?.(
        `reranker call failed, first-stage order kept: ${(error as Error).message.split('\n')[0]}`,
      );
      return chunks;
    }
    const reply = { text };
    const order = parseRanking(reply.text, head.length);
    if (!order) {
      options.onInvalid?.(`reranker reply was not a ranking: ${reply.text.slice(0, 80)}`);
      return chunks;
    }
    const picked = new Set(order);
    const reordered = [
      ...order.map((n) => head[n - 1]),
      ...head.filter((_, i) => !picked.has(i + 1)),
      ...tail,
    ];
    // Scores restate the new order (higher is better), since first-stage scores no longer apply.
    return reordered.map((c, i) => ({ ...c, score: 1 / (i + 1), rank: i + 1 }));
  };
}

function parseRanking(text: string, count: number): number[] | null {
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = ReplySchema.safeParse(raw);
  if (!parsed.success) return null;
  const seen = new Set<number>();
  const order = parsed.data.ranking.filter((n) => n <= count && !seen.has(n) && seen.add(n));
  return order.length > 0 ? order : null;
}
