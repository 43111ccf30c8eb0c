// The retrieval family for one case. K is the configured k; nDCG@10 is always reported as well,
// because it is the conventional gate metric. The ranked ids are already documents (deduplicated
// defensively, keeping the best rank, so a repeated id can never count twice).
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import type { CaseScoringInput } from '../scoring-input.js';
import { averagePrecision } from './average-precision.js';
import { hitRate } from './hit-rate.js';
import { ndcgAtK } from './ndcg-at-k.js';
import { precisionAtK } from './precision-at-k.js';
import { relevantCount, type RankingInput } from './ranking-input.js';
import { recallAtK } from './recall-at-k.js';
import { reciprocalRank } from './reciprocal-rank.js';

export function retrievalMetricNames(k: number): string[] {
  const names = [
    `retrieval.recall@${k}`,
    `retrieval.precision@${k}`,
    `retrieval.ndcg@${k}`,
    'retrieval.mrr',
    'retrieval.map',
    `retrieval.hit_rate@${k}`,
  ];
  if (k !== 10) names.push('retrieval.ndcg@10');
  return names;
}

export function retrievalScores(
  input: Pick<CaseScoringInput, 'rankedDocIds' | 'relevantDocs' | 'k'>,
): Score[] {
  const { k } = input;
  if (!input.rankedDocIds)
    return retrievalMetricNames(k).map((name) => notApplicable(name, 'no retrieval for this case'));
  if (!input.relevantDocs || relevantCount(input.relevantDocs) === 0) {
    return retrievalMetricNames(k).map((name) => notApplicable(name, 'no judged relevant documents'));
  }
  const ranking: RankingInput = {
    ranked: Array.from(new Set(input.rankedDocIds)),
    relevant: input.relevantDocs,
    k,
  };
  const scores: Score[] = [
    { name: `retrieval.recall@${k}`, value: recallAtK(ranking) },
    { name: `retrieval.precision@${k}`, value: precisionAtK(ranking) },
    { name: `retrieval.ndcg@${k}`, value: ndcgAtK(ranking) },
    { name: 'retrieval.mrr', value: reciprocalRank(ranking) },
    { name: 'retrieval.map', value: averagePrecision(ranking) },
    { name: `retrieval.hit_rate@${k}`, value: hitRate(ranking) },
  ];
  if (k !== 10) scores.push({ name: 'retrieval.ndcg@10', value: ndcgAtK({ ...ranking, k: 10 }) });
  return scores;
}
