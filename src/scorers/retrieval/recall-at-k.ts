// recall@k (trec_eval recall_k): relevant documents in the top k / all judged relevant documents.
import { relevantCount, relevantInTop, type RankingInput } from './ranking-input.js';

export function recallAtK(input: RankingInput): number | null {
  const total = relevantCount(input.relevant);
  if (total === 0 || input.k < 1) return null;
  return relevantInTop(input, input.k) / total;
}
