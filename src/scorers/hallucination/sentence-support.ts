// The offline support test for one answer sentence. Supported when ONE passage covers at least
// `threshold` of the sentence's content terms, and every number and mid-sentence name it states
// appears somewhere in the passages (any of them, not only the covering one). Unknown numbers/names fail a sentence however well it is covered.
import { stem } from '../../text/analyze.js';
import type { SentenceEvidence } from './sentence-evidence.js';
import type { EvidencePassage, SupportIndex } from './support-index.js';

export type UnsupportedReason = 'low-coverage' | 'unknown-number' | 'unknown-name';

export interface SupportVerdict {
  supported: boolean;
  /** Best single-passage share of the sentence's content terms (1 when it has none). */
  coverage: number;
  passageId: string | null;
  /** The most specific failure: unknown-number, then unknown-name, then low-coverage. */
  reason?: UnsupportedReason;
  unknown?: string[];
}

export interface SupportOptions {
  threshold: number;
  /** Restrict coverage to these passages (a citation is checked against the passage it names). */
  passages?: readonly EvidencePassage[];
}

export const DEFAULT_SUPPORT_THRESHOLD = 0.6;

export function checkSupport(
  index: SupportIndex,
  sentence: SentenceEvidence,
  options: SupportOptions,
): SupportVerdict {
  let coverage = sentence.terms.length === 0 ? 1 : 0;
  let passageId: string | null = null;
  if (sentence.terms.length > 0) {
    for (const passage of options.passages ?? index.passages) {
      let covered = 0;
      for (const term of sentence.terms) if (passage.terms.has(term)) covered++;
      const share = covered / sentence.terms.length;
      if (share > coverage) {
        coverage = share;
        passageId = passage.id;
        if (share === 1) break;
      }
    }
  }
  const unknownNumbers = sentence.numbers.filter((n) => !index.passages.some((p) => p.numbers.has(n)));
  if (unknownNumbers.length > 0)
    return { supported: false, coverage, passageId, reason: 'unknown-number', unknown: unknownNumbers };
  // Compared by stem: a word that occurs in a passage always has its stem among the passage's terms.
  const unknownNames = sentence.names.filter((name) => {
    const term = stem(name);
    return !index.passages.some((p) => p.terms.has(term));
  });
  if (unknownNames.length > 0)
    return { supported: false, coverage, passageId, reason: 'unknown-name', unknown: unknownNames };
  if (coverage < options.threshold) return { supported: false, coverage, passageId, reason: 'low-coverage' };
  return { supported: true, coverage, passageId };
}
