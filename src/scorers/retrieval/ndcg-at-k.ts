// nDCG@k (trec_eval ndcg_cut.k): gain = the relevance grade (linear), discount = log2(rank + 1);
// the ideal DCG ranks ALL judged relevant documents by grade (not just the retrieved ones), and
// both DCGs are cut at k.
import { gradeOf, isRelevantGrade } from '../../core/relevance.js';
import type { RankingInput } from './ranking-input.js';

function discountedGain(grades: readonly number[], k: number): number {
  let dcg = 0;
  const end = Math.min(k, grades.length);
  for (let i = 0; i < end; i++) dcg += grades[i] / Math.log2(i + 2);
  return dcg;
}

export function ndcgAtK(input: RankingInput): number | null {
  const idealGrades = Object.values(input.relevant)
    .filter(isRelevantGrade)
    .sort((a, b) => b - a);
  if (idealGrades.length === 0 || input.k < 1) return null;
  const ideal = discountedGain(idealGrades, input.k);
  const actual = discountedGain(
    input.ranked.slice(0, input.k).map((docId) => gradeOf(input.relevant, docId)),
    input.k,
  );
  return actual / ideal;
}
