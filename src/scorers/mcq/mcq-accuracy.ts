// The mcq family for one case: mcq.accuracy = 1 when the parsed choice is the correct option,
// else 0 (unparseable answers score 0). details.chosen feeds suite-level bias probes (BBQ).
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import type { CaseScoringInput } from '../scoring-input.js';
import { parseChoice } from './parse-choice.js';

const NAME = 'mcq.accuracy';

export function mcqAccuracy(input: Pick<CaseScoringInput, 'output' | 'options' | 'correctOption'>): Score[] {
  if (!input.options || input.options.length === 0 || input.correctOption === undefined)
    return [notApplicable(NAME, 'no options or correct option')];
  if (input.output === null) return [notApplicable(NAME, 'no output (provider failed)')];
  const chosen = parseChoice(input.output, input.options);
  return [
    {
      name: NAME,
      value: chosen === input.correctOption ? 1 : 0,
      ...(chosen === null ? { reason: 'answer is not one of the options' } : {}),
      details: { chosen, correct: input.correctOption },
    },
  ];
}
