// Offline hallucination check: every answer sentence is tested for support against the passages
// given to the model (see sentence-support.ts). Two scores: hallucination.rate (1 when any
// sentence is unsupported, so the suite mean is the share of cases that hallucinate) and
// groundedness (the share of supported sentences).
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import type { ScoringPassage } from '../scoring-input.js';
import { analyzeAnswer } from './answer-sentences.js';
import { checkSupport, DEFAULT_SUPPORT_THRESHOLD, type UnsupportedReason } from './sentence-support.js';
import { supportIndexFor } from './support-index.js';

export interface SupportScoringInput {
  answer: string | null;
  passages?: readonly ScoringPassage[];
  threshold?: number;
  declinePhrases?: readonly string[];
}

export interface UnsupportedSentence {
  sentence: string;
  reason: UnsupportedReason;
  coverage: number;
  unknown?: string[];
}

const NAMES = ['hallucination.rate', 'groundedness'] as const;

/** Why the support scorers do not apply to this case, or null when they do. */
export function supportNotApplicable(input: SupportScoringInput, declined: () => boolean): string | null {
  if (input.answer === null) return 'no output (provider failed)';
  if (!input.passages || input.passages.length === 0) return 'no passages given to the model';
  if (declined()) return 'the model declined';
  return null;
}

export function unsupportedContent(input: SupportScoringInput): Score[] {
  const skip = supportNotApplicable(input, () => analyzeAnswer(input.answer ?? '', input.declinePhrases).declined);
  if (skip) return NAMES.map((name) => notApplicable(name, skip));
  const analysis = analyzeAnswer(input.answer ?? '', input.declinePhrases);
  if (analysis.sentences.length === 0) return NAMES.map((name) => notApplicable(name, 'no checkable sentences'));

  const index = supportIndexFor(input.passages ?? []);
  const threshold = input.threshold ?? DEFAULT_SUPPORT_THRESHOLD;
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
      ...(unsupported.length > 0 ? { reason: `${unsupported.length} of ${checked} sentences unsupported`, details: { unsupported, checked } } : {}),
    },
    { name: 'groundedness', value: supported / checked, details: { supported, checked } },
  ];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
