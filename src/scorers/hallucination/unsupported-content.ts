// Offline hallucination check: every answer sentence is tested for support against the passages
// given to the model (see sentence-support.ts). Two scores: hallucination.rate (1 when any
// sentence is unsupported, so the suite mean is the share of cases that hallucinate) and
// groundedness (the share of supported sentences).
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { checkSupport, type UnsupportedReason } from './sentence-support.js';
import { prepareSupportCheck, type SupportScoringInput } from './support-setup.js';

export type { SupportScoringInput } from './support-setup.js';

export interface UnsupportedSentence {
  sentence: string;
  reason: UnsupportedReason;
  coverage: number;
  unknown?: string[];
}

const NAMES = ['hallucination.rate', 'groundedness'] as const;

export function unsupportedContent(input: SupportScoringInput): Score[] {
  const setup = prepareSupportCheck(input);
  if ('skip' in setup) return NAMES.map((name) => notApplicable(name, setup.skip));
  const { analysis, index, threshold } = setup;
  const unsupported: UnsupportedSentence[] = [];
  for (const sentence of analysis.sentences) {
    const verdict = checkSupport(index, sentence.evidence, { threshold });
    if (!verdict.supported && verdict.reason) {
      unsupported.push({
        sentence: sentence.text,
        reason: verdict.reason,
        coverage: round(verdict.coverage),
        ...(verdict.unknown ? { unknown: verdict.unknown } : {}),
      });
    }
  }
  const checked = analysis.sentences.length;
  const supported = checked - unsupported.length;
  return [
    {
      name: 'hallucination.rate',
      value: unsupported.length > 0 ? 1 : 0,
      ...(unsupported.length > 0
        ? {
            reason: `${unsupported.length} of ${checked} sentences unsupported`,
            details: { unsupported, checked },
          }
        : {}),
    },
    { name: 'groundedness', value: supported / checked, details: { supported, checked } },
  ];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
