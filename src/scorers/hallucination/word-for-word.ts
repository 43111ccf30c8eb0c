// Whether a claim restates the context word for word: its words, in order, are those of one whole
// sentence or clause of the aligned neighbourhood. It is the feature that gives a restatement its
// own, lower score (revision 13), so the threshold can sit below claims that no cue catches
// without flagging copies. A part of a sentence does not count ("Entry is free" from "Entry is free
// for members"), nor words stitched from two sentences; signs are words ("-5", "5+", "5%"), other
// punctuation is not. A share of copied words does not help: these writers' hallucinations copy
// more than their correct answers (they alter a copied sentence).

import type { ClaimFeatures } from './claim-features.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}.,;:!?"'’‘“”()[\]]/gu;

function tokensOf(text: string): string[] {
  const tokens = (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/’/g, "'"));
  // "Yes, the library opens at 9am" restates "The library opens at 9am".
  return tokens[0] === 'yes' ? tokens.slice(1) : tokens;
}

/** Whether the claim's words are exactly those of one of `texts` (whole sentences or clauses). */
export function restatesOneOf(claimText: string, texts: readonly string[]): boolean {
  const claim = tokensOf(claimText).join(' ');
  if (claim === '') return false;
  return texts.some((text) => tokensOf(text).join(' ') === claim);
}

/**
 * The `copied` feature: the claim restates one of `texts` and no other feature but numbersAligned
 * is set. A copied clause that drops its condition keeps its cue's score. The texts are asked for
 * only then (splitting the neighbourhood into clauses costs more than the features' check).
 */
export function restatement(
  features: ClaimFeatures,
  claimText: string,
  texts: () => readonly string[],
): 0 | 1 {
  const nothingElse = Object.entries(features).every(
    ([k, v]) => v === 0 || k === 'numbersAligned' || k === 'copied',
  );
  return nothingElse && restatesOneOf(claimText, texts()) ? 1 : 0;
}
