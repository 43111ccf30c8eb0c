// The classification family for one case: classification.accuracy = 1 when the parsed output is
// the gold label, else 0 (an output that is no label scores 0). details.predicted feeds the
// suite-level classification report.
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import type { CaseScoringInput } from '../scoring-input.js';
import { parseLabel } from './parse-label.js';

const NAME = 'classification.accuracy';

export function classificationAccuracy(
  input: Pick<CaseScoringInput, 'output' | 'label' | 'labels'>,
): Score[] {
  if (input.label === undefined) return [notApplicable(NAME, 'no gold label')];
  if (input.output === null) return [notApplicable(NAME, 'no output (provider failed)')];
  // Without a declared label set, the gold label is the only one the output can be matched to.
  const labels = input.labels && input.labels.length > 0 ? input.labels : [input.label];
  const predicted = parseLabel(input.output, labels);
  return [
    {
      name: NAME,
      value: predicted === input.label ? 1 : 0,
      ...(predicted === null ? { reason: 'output is not one of the labels' } : {}),
      details: { predicted, gold: input.label },
    },
  ];
}
