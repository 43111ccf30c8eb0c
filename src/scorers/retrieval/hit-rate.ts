// Hit rate@k: 1 when any relevant document is in the top k, else 0 (the suite mean is the hit rate).
import { relevantCount, relevantInTop, type RankingInput } from './ranking-input.js';

export function hitRate(input: RankingInput): number | null {
  if (relevantCount(input.relevant) === 0 || input.k < 1) return null;
  return relevantInTop(input, input.k) > 0 ? 1 : 0;
}
