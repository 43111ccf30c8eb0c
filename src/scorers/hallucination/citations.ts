// Citation quality for one answer. citations.precision = share of `[doc-id#n]` markers that name a
// passage given to the model AND whose passage supports the sentence (the same support test as
// the hallucination check, with coverage required from the cited passage itself).
// citations.coverage = share of checked answer sentences carrying at least one marker.
// An application may return its citations as a list of context ids instead of inline markers;
// then precision = share of listed ids that name a given passage (by id, or by document) which
// supports at least one answer sentence, and coverage = share of checked sentences supported by
// some cited passage (a list says what was cited, not which sentence cites it).
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { checkSupport } from './sentence-support.js';
import type { EvidencePassage } from './support-index.js';
import { prepareSupportCheck, type SupportScoringInput, type SupportSetup } from './support-setup.js';

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
  const anyMarker = analysis.sentences.some((s) => s.markers.length > 0);
  if (!anyMarker && input.citedIds && input.citedIds.length > 0)
    return listedCitations(input.citedIds, setup);
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

function listedCitations(ids: readonly string[], setup: SupportSetup): Score[] {
  const { analysis, index, threshold } = setup;
  const invalid: { id: string; reason: 'not-given' | 'supports-nothing' }[] = [];
  const citedPassages = new Set<EvidencePassage>();
  for (const id of ids) {
    const exact = index.byId.get(id);
    const passages = exact ? [exact] : index.passages.filter((p) => p.docId === id);
    if (passages.length === 0) {
      invalid.push({ id, reason: 'not-given' });
      continue;
    }
    for (const p of passages) citedPassages.add(p);
    const supportsSome = analysis.sentences.some(
      (s) => checkSupport(index, s.evidence, { threshold, passages }).supported,
    );
    if (!supportsSome) invalid.push({ id, reason: 'supports-nothing' });
  }
  const cited = [...citedPassages];
  const covered =
    cited.length === 0
      ? 0
      : analysis.sentences.filter(
          (s) => checkSupport(index, s.evidence, { threshold, passages: cited }).supported,
        ).length;
  const sentences = analysis.sentences.length;
  return [
    {
      name: 'citations.precision',
      value: (ids.length - invalid.length) / ids.length,
      details: { source: 'citation list', cited: ids.length, ...(invalid.length > 0 ? { invalid } : {}) },
    },
    {
      name: 'citations.coverage',
      value: covered / sentences,
      details: { source: 'citation list', covered, sentences },
    },
  ];
}
