// The input every ranking metric reads. Conventions follow trec_eval: a document is relevant when
// its grade is > 0; documents missing from `relevant` are non-relevant; every metric is null when
// the case has no judged relevant document (trec_eval skips such topics).

export interface RankingInput {
  /** Document ids in rank order, deduplicated (see collapseToDocuments). */
  ranked: readonly string[];
  /** Document id → relevance grade; grade > 0 means relevant. */
  relevant: Readonly<Record<string, number>>;
  k: number;
}

import { isRelevant } from '../../core/relevance.js';

export { gradeOf, relevantCount } from '../../core/relevance.js';

/** Relevant documents among the first `k` ranked. */
export function relevantInTop(input: RankingInput, k: number): number {
  let hits = 0;
  const end = Math.min(k, input.ranked.length);
  for (let i = 0; i < end; i++) if (isRelevant(input.relevant, input.ranked[i])) hits++;
  return hits;
}
