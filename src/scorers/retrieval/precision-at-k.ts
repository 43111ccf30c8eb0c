// precision@k (trec_eval P_k): relevant documents in the top k / k. Divides by k even when fewer
// than k documents were retrieved, so a short list is not rewarded for retrieving less.
import { relevantCount, relevantInTop, type RankingInput } from './ranking-input.js';

export function precisionAtK(input: RankingInput): number | null {
  if (relevantCount(input.relevant) === 0 || input.k < 1) return null;
  return relevantInTop(input, input.k) / input.k;
}
