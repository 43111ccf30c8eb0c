// Average precision (trec_eval map, per topic): the sum of precision at the rank of each relevant
// retrieved document, divided by the number of judged relevant documents (relevant documents never
// retrieved contribute 0). Over the whole ranked list; the suite mean is MAP.
import { isRelevant, relevantCount } from '../../core/relevance.js';
import type { RankingInput } from './ranking-input.js';

export function averagePrecision(input: Pick<RankingInput, 'ranked' | 'relevant'>): number | null {
  const total = relevantCount(input.relevant);
  if (total === 0) return null;
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < input.ranked.length; i++) {
    if (isRelevant(input.relevant, input.ranked[i])) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / total;
}
