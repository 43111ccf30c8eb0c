// Whether a claim restates the context word for word: its words, in order, are those of one whole
// sentence of the aligned neighbourhood, or of one of its clauses when the rest of the sentence
// restricts nothing (CONDITION and LIMIT_AFTER below), or when the answer copies the whole sentence
// (an answer copying a compound sentence is split into one claim per clause). It is the feature
// that gives a restatement its own, lower score (revision 13), so the threshold can sit below
// claims that no cue catches without flagging copies. A part of a sentence does not count ("Entry
// is free" from "Entry is free for members"), nor words stitched from two sentences; signs are
// words ("-5", "5+", "5%"), other punctuation is not. A share of copied words does not help: these
// writers' hallucinations copy more than their correct answers (they alter a copied sentence).

import type { ClaimFeatures } from './claim-features.js';
import { splitClaims } from './claim-split.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}.,;:!?"'’‘“”()[\]]/gu;

function tokensOf(text: string): string[] {
  const tokens = (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/’/g, "'"));
  // "Yes, the library opens at 9am" restates "The library opens at 9am".
  return tokens[0] === 'yes' ? tokens.slice(1) : tokens;
}

// Context sentences recur across a suite's claims: their word strings are kept (at most
// JOINED_LIMIT entries; cleared when full).
const JOINED = new Map<string, string>();
const JOINED_LIMIT = 20_000;

function joinedWords(text: string): string {
  let joined = JOINED.get(text);
  if (joined === undefined) {
    if (JOINED.size >= JOINED_LIMIT) JOINED.clear();
    joined = tokensOf(text).join(' ');
    JOINED.set(text, joined);
  }
  return joined;
}

/** A context sentence and its clauses (splitClaims), as written; `clauses` may be a lazy getter. */
export interface SentenceText {
  text: string;
  readonly clauses: readonly string[];
}

// Words by which the rest of a sentence limits a clause of it, read on the sentence's words
// outside the claim's run (so the connectives the clause split drops count too). A condition
// limits the claim wherever it stands ("If you arrive late, the gate is closed"); a contrast or a
// negation only after it ("…, but only with approval", "…; no dogs in the restaurant"): before
// it, it introduces the claim ("Bicycles go free, but cars need a reservation"). A negation after
// the clause counts even when it adds an unrelated fact: a copy then scores as a claim no cue
// fires on, which the default flags. An exception with no such word ("…, and at 10am on
// Sundays") is not read.
// Matched on the joined words (one space between tokens), so a word inside another ("notée",
// "butter") never matches.
const wordsPattern = (words: string) => new RegExp(`(?:^| )(?:${words})(?= |$)`, 'i');
const CONDITION = wordsPattern(
  'only|unless|except|excluding|if|when|whenever|once|provided|providing|as long as|so long as|subject to',
);
const LIMIT_AFTER = wordsPattern(
  [
    "but|although|though|however|not|no|nor|none|never|cannot|[^ ]*n't",
    'must|should|have to|has to|requires?|required|without|until',
    'forbidden|prohibited|banned|disallowed|restricted|limited|excluded|excludes|solely|exclusively',
    'maximum|max|at most|up to',
  ].join('|'),
);

/**
 * Whether the claim copies one of the sentences whole, or one clause of a sentence whose other
 * words restrict nothing, or one clause of a sentence the answer copies whole.
 */
export function restatesSentence(
  claimText: string,
  sentences: readonly SentenceText[],
  answerText: string,
): boolean {
  const claim = tokensOf(claimText).join(' ');
  if (claim === '') return false;
  let answer: string | undefined;
  return sentences.some((s) => {
    const whole = joinedWords(s.text);
    if (whole === claim) return true;
    // A clause's words are a run of its sentence's: only then are the clauses split.
    if (!` ${whole} `.includes(` ${claim} `)) return false;
    const clauses = s.clauses;
    if (clauses.length < 2 || !clauses.some((clause) => joinedWords(clause) === claim)) return false;
    // Where the claim's words occur (more than once, any unrestricted occurrence will do).
    const padded = ` ${whole} `;
    let unrestricted = false;
    for (
      let at = padded.indexOf(` ${claim} `);
      at >= 0 && !unrestricted;
      at = padded.indexOf(` ${claim} `, at + 1)
    ) {
      const before = whole.slice(0, at);
      const after = whole.slice(at + claim.length + 1);
      unrestricted = !CONDITION.test(before) && !CONDITION.test(after) && !LIMIT_AFTER.test(after);
    }
    if (unrestricted) return true;
    answer ??= ` ${tokensOf(answerText).join(' ')} `;
    return answer.includes(padded);
  });
}

/**
 * The `copied` feature: the claim restates one of the aligned neighbourhood's sentences
 * (restatesSentence) and no other feature but numbersAligned is set. A copied clause that drops
 * its condition keeps its cue's score. The sentences are asked for only then, and split into
 * clauses only when the claim's words are a run of one.
 */
export function restatement(
  features: ClaimFeatures,
  claimText: string,
  answerText: string,
  sentences: () => readonly string[],
): 0 | 1 {
  const nothingElse = Object.entries(features).every(
    ([k, v]) => v === 0 || k === 'numbersAligned' || k === 'copied',
  );
  if (!nothingElse) return 0;
  const texts = sentences().map((text) => ({
    text,
    get clauses() {
      return splitClaims(text);
    },
  }));
  return restatesSentence(claimText, texts, answerText) ? 1 : 0;
}
