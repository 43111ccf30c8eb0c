// Whether a claim restates the context word for word: its words, in order, are those of one whole
// sentence of the aligned neighbourhood, or of one of its clauses when no other clause restricts it
// (or when the answer copies the whole sentence: an answer copying a compound sentence is split
// into one claim per clause). It is the feature that
// gives a restatement its own, lower score (revision 13), so the threshold can sit below claims
// that no cue catches without flagging copies. A part of a sentence does not count ("Entry is free"
// from "Entry is free for members"), nor one clause of a sentence whose other clause restricts it
// ("Staff may work from home on Fridays" from "…, but only with a manager's approval"), nor words
// stitched from two sentences; signs are words ("-5", "5+", "5%"), other punctuation is not. A share of copied words does not help: these writers' hallucinations copy
// more than their correct answers (they alter a copied sentence).

import type { ClaimFeatures } from './claim-features.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}.,;:!?"'’‘“”()[\]]/gu;

function tokensOf(text: string): string[] {
  const tokens = (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/’/g, "'"));
  // "Yes, the library opens at 9am" restates "The library opens at 9am".
  return tokens[0] === 'yes' ? tokens.slice(1) : tokens;
}

/** A context sentence and its clauses (splitClaims), as written. */
export interface SentenceText {
  text: string;
  clauses: readonly string[];
}

/** Whether the claim's words are exactly those of one of `texts` (whole sentences). */
export function restatesOneOf(claimText: string, texts: readonly string[]): boolean {
  const claim = tokensOf(claimText).join(' ');
  if (claim === '') return false;
  return texts.some((text) => tokensOf(text).join(' ') === claim);
}

// Words by which a clause limits its sentence's other clauses ("…, but only with approval").
const RESTRICTS =
  /\b(?:only|unless|except|excluding|if|provided|providing|as long as|so long as|subject to|but|although|though|however|not|never|no)\b/i;

/**
 * Whether the claim copies one of the sentences, or one clause of a sentence whose other clauses
 * restrict nothing, or one clause of a sentence the answer copies whole.
 */
export function restatesSentence(
  claimText: string,
  sentences: readonly SentenceText[],
  answerText: string,
): boolean {
  if (
    restatesOneOf(
      claimText,
      sentences.map((s) => s.text),
    )
  )
    return true;
  const answer = ` ${tokensOf(answerText).join(' ')} `;
  return sentences.some((s) => {
    if (s.clauses.length < 2) return false;
    const at = s.clauses.findIndex((clause) => restatesOneOf(claimText, [clause]));
    if (at < 0) return false;
    const restricted = s.clauses.some((clause, k) => k !== at && RESTRICTS.test(clause));
    return !restricted || answer.includes(` ${tokensOf(s.text).join(' ')} `);
  });
}

/**
 * The `copied` feature: the claim restates one of the sentences (restatesSentence) and no other
 * feature but numbersAligned is set. A copied clause that drops its condition keeps its cue's
 * score. The sentences are asked for only then (splitting them into clauses costs more than the
 * features' check).
 */
export function restatement(
  features: ClaimFeatures,
  claimText: string,
  answerText: string,
  sentences: () => readonly SentenceText[],
): 0 | 1 {
  const nothingElse = Object.entries(features).every(
    ([k, v]) => v === 0 || k === 'numbersAligned' || k === 'copied',
  );
  return nothingElse && restatesSentence(claimText, sentences(), answerText) ? 1 : 0;
}
