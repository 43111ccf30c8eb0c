// Citation quality for one answer. citations.precision = share of `[doc-id#n]` markers that name a
// passage given to the model AND whose passage supports the sentence (the same support test as
// the hallucination check, with coverage required from the cited passage itself).
// citations.coverage = share of checked answer sentences carrying at least one marker.
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { checkSupport } from './sentence-support.js';
import { prepareSupportCheck, type SupportScoringInput } from './support-setup.js';

export interface InvalidCitation {
  sentence: string;
  id: string;
  reason: 'not-given' | 'low-coverage' | 'unknown-number' | 'unknown-name';
}

const NAMES = ['citations.precision', 'citations.coverage'] as const;

export function citations(input: SupportScoringInput): Score[] {
  const setup = prepareSupportCheck(input);
  if ('skip' in setup) return NAMES.map((name) => notApplicable(name, setup.skip));
  const { analysis, index, threshold } = setup;
  let markers = 0;
  let cited = 0;
  const invalid: InvalidCitation[] = [];
  for (const sentence of analysis.sentences) {
    if (sentence.markers.length > 0) cited++;
    for (const id of sentence.markers) {
      markers++;
      const passage = index.byId.get(id);
      if (!passage) {
        invalid.push({ sentence: sentence.text, id, reason: 'not-given' });
        continue;
      }
      const verdict = checkSupport(index, sentence.evidence, { threshold, passages: [passage] });
      if (!verdict.supported && verdict.reason)
        invalid.push({ sentence: sentence.text, id, reason: verdict.reason });
    }
  }
  const sentences = analysis.sentences.length;
  const valid = markers - invalid.length;
  const precision: Score =
    markers === 0
      ? notApplicable('citations.precision', 'no citation markers')
      : {
          name: 'citations.precision',
          value: valid / markers,
          details: { markers, valid, ...(invalid.length > 0 ? { invalid } : {}) },
        };
  return [precision, { name: 'citations.coverage', value: cited / sentences, details: { cited, sentences } }];
}
