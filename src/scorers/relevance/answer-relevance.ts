// Answer relevance: cosine between the question's and the answer's embeddings. Does not apply to
// failed calls, to declines (a refusal is not an answer to rate) or without precomputed vectors.
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { isDecline } from '../answer/decline.js';
import { cosineSimilarity } from '../cosine-similarity.js';
import type { CaseScoringInput } from '../scoring-input.js';

const NAME = 'relevance.answer';

export function answerRelevance(
  input: Pick<CaseScoringInput, 'output' | 'vectors' | 'declinePhrases'>,
): Score {
  if (input.output === null) return notApplicable(NAME, 'no output (provider failed)');
  if (isDecline(input.output, input.declinePhrases)) return notApplicable(NAME, 'the model declined');
  const question = input.vectors?.question;
  const output = input.vectors?.output;
  if (!question || !output) return notApplicable(NAME, 'no embedding vectors');
  const similarity = cosineSimilarity(question, output);
  return similarity === null
    ? notApplicable(NAME, 'embedding vectors are not comparable')
    : { name: NAME, value: similarity };
}
