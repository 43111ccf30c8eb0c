// Reciprocal rank (trec_eval recip_rank): 1 / rank of the first relevant document over the whole
// ranked list (no cutoff); 0 when none is retrieved. The suite mean is MRR.
import { isRelevant, relevantCount } from '../../core/relevance.js';
import type { RankingInput } from './ranking-input.js';

export function reciprocalRank(input: Pick<RankingInput, 'ranked' | 'relevant'>): number | null {
  if (relevantCount(input.relevant) === 0) return null;
  for (let i = 0; i < input.ranked.length; i++) {
    if (isRelevant(input.relevant, input.ranked[i])) return 1 / (i + 1);
  }
  return 0;
}
