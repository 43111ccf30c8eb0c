// Citation quality for one answer. citations.precision = share of `[doc-id#n]` markers that name a
// passage given to the model AND whose passage supports the sentence (the same support test as
// the hallucination check, with coverage required from the cited passage itself).
// citations.coverage = share of checked answer sentences carrying at least one marker.
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { analyzeAnswer } from './answer-sentences.js';
import { checkSupport, DEFAULT_SUPPORT_THRESHOLD } from './sentence-support.js';
import { supportIndexFor } from './support-index.js';
import { supportNotApplicable, type SupportScoringInput } from './unsupported-content.js';

export interface InvalidCitation {
  sentence: string;
  id: string;
  reason: 'not-given' | 'low-coverage' | 'unknown-number' | 'unknown-name';
}

const NAMES = ['citations.precision', 'citations.coverage'] as const;

export function citations(input: SupportScoringInput): Score[] {
  const skip = supportNotApplicable(input, () => analyzeAnswer(input.answer ?? '', input.declinePhrases).declined);
  if (skip) return NAMES.map((name) => notApplicable(name, skip));
  const analysis = analyzeAnswer(input.answer ?? '', input.declinePhrases);
  if (analysis.sentences.length === 0) return NAMES.map((name) => notApplicable(name, 'no checkable sentences'));

  const index = supportIndexFor(input.passages ?? []);
  const threshold = input.threshold ?? DEFAULT_SUPPORT_THRESHOLD;
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
      if (!verdict.supported && verdict.reason) invalid.push({ sentence: sentence.text, id, reason: verdict.reason });
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
