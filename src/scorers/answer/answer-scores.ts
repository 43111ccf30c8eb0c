// The answer family for one case: answer.em, answer.f1, answer.rouge_l, answer.semantic, answer.declined.
// Unanswerable cases are scored as SQuAD 2.0 scores no-answer questions: EM = F1 = ROUGE-L = 1
// exactly when the model declined, else 0. An answerable case that declines scores 0 on them.
// Citation markers are stripped first: they are formatting, not answer tokens.
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { stripCitationMarkers } from '../citation-markers.js';
import type { CaseScoringInput } from '../scoring-input.js';
import { isDecline } from './decline.js';
import { exactMatch } from './exact-match.js';
import { rougeL } from './rouge-l.js';
import { semanticSimilarity } from './semantic-similarity.js';
import { squadNormalize } from './squad-normalize.js';
import { tokenF1 } from './token-f1.js';

const LEXICAL = ['answer.em', 'answer.f1', 'answer.rouge_l'] as const;

export type AnswerScoringInput = Pick<
  CaseScoringInput,
  'output' | 'references' | 'unanswerable' | 'declinePhrases' | 'vectors'
>;

export function answerScores(input: AnswerScoringInput): Score[] {
  if (input.output === null) {
    return [...LEXICAL, 'answer.semantic', 'answer.declined'].map((name) =>
      notApplicable(name, 'no output (provider failed)'),
    );
  }
  const declined = isDecline(input.output, input.declinePhrases);
  const declinedScore: Score = { name: 'answer.declined', value: declined ? 1 : 0 };

  if (input.unanswerable) {
    const reason = declined ? 'unanswerable; declined' : 'unanswerable; answered anyway';
    return [
      ...LEXICAL.map((name) => ({ name, value: declined ? 1 : 0, reason })),
      notApplicable('answer.semantic', 'unanswerable: no reference answer'),
      declinedScore,
    ];
  }

  // SQuAD v2.0 drops references that normalise to nothing.
  const references = input.references.filter((reference) => squadNormalize(reference) !== '');
  if (references.length === 0) {
    return [...LEXICAL, 'answer.semantic']
      .map((name) => notApplicable(name, 'no reference answer'))
      .concat(declinedScore);
  }

  if (declined) {
    const reason = 'declined an answerable question';
    const semantic = semanticSimilarity(input.vectors?.output, input.vectors?.references);
    return [
      ...LEXICAL.map((name) => ({ name, value: 0, reason })),
      semantic === null
        ? notApplicable('answer.semantic', 'no embedding vectors')
        : { name: 'answer.semantic', value: 0, reason },
      declinedScore,
    ];
  }

  const answer = stripCitationMarkers(input.output);
  const semantic = semanticSimilarity(input.vectors?.output, input.vectors?.references);
  return [
    { name: 'answer.em', value: exactMatch(answer, references) },
    { name: 'answer.f1', value: tokenF1(answer, references) },
    { name: 'answer.rouge_l', value: rougeL(answer, references) },
    semantic === null
      ? notApplicable('answer.semantic', 'no embedding vectors')
      : { name: 'answer.semantic', value: semantic },
    declinedScore,
  ];
}
