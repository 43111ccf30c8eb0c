// Context relevance: the share of retrieved chunks that are relevant to the question. With gold
// relevance judgements, a chunk is relevant when its document is judged relevant (grade > 0).
// Without them, a chunk counts as relevant when it contains at least half of the question's
// distinct content terms (a lexical heuristic, reported as such in details.method).
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { contentTerms } from '../../text/analyze.js';
import { supportIndexFor } from '../hallucination/support-index.js';
import { isRelevant, relevantCount } from '../../core/relevance.js';
import type { CaseScoringInput } from '../scoring-input.js';

const NAME = 'relevance.context';
export const CONTEXT_TERM_SHARE = 0.5;

export function contextRelevance(
  input: Pick<CaseScoringInput, 'question' | 'passages' | 'rankedDocIds' | 'relevantDocs'>,
): Score {
  const passages = input.passages ?? [];
  const retrievedDocs = passages.length > 0 ? passages.map((p) => p.docId) : (input.rankedDocIds ?? []);
  if (retrievedDocs.length === 0) return notApplicable(NAME, 'nothing retrieved');

  const gold = input.relevantDocs;
  if (gold && relevantCount(gold) > 0) {
    const relevant = retrievedDocs.filter((docId) => isRelevant(gold, docId)).length;
    return {
      name: NAME,
      value: relevant / retrievedDocs.length,
      details: { method: 'gold', relevant, retrieved: retrievedDocs.length },
    };
  }

  if (passages.length === 0) return notApplicable(NAME, 'no gold judgements and no chunk text');
  const questionTerms = Array.from(new Set(contentTerms(input.question)));
  if (questionTerms.length === 0) return notApplicable(NAME, 'question has no content terms');
  const index = supportIndexFor(passages);
  let relevant = 0;
  for (const passage of index.passages) {
    let covered = 0;
    for (const term of questionTerms) if (passage.terms.has(term)) covered++;
    if (covered / questionTerms.length >= CONTEXT_TERM_SHARE) relevant++;
  }
  return {
    name: NAME,
    value: relevant / passages.length,
    details: { method: 'heuristic', relevant, retrieved: passages.length },
  };
}
