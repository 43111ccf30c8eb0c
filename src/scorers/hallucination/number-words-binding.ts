// Which words each number of a sentence is bound to, by position: every content word goes with
// the nearest number in its sentence, within five tokens (ties bind to neither). "Set the blades to 4 cm in spring and
// raise them to 5 cm during summer droughts" binds spring to 4 cm and summer to 5 cm, with no
// comma to cut at, so an answer that gives spring 5 cm has moved the number ("relation swap").
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { NUMBER_WORDS } from './claim-facts.js';
import { normalizeNumber } from './sentence-evidence.js';
import { canonicalTerm, DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';

export interface BoundNumber {
  value: string;
  /** The word right after the number (stemmed), which says what kind of number it is. */
  kind: string;
  terms: ReadonlySet<string>;
}

const TOKEN = /\d+(?:[.,:/]\d+)*|%|[\p{L}][\p{L}'’]*/gu;
/** A word further than this many tokens from every number is bound to none. */
const REACH = 5;
// Clauses in brackets or after a semicolon are bound on their own.
const BREAK = /[;()]/;

export function bindNumbers(sentence: string): BoundNumber[] {
  const out: BoundNumber[] = [];
  for (const part of sentence.split(BREAK)) {
    const tokens = [...part.matchAll(TOKEN)].map((m) => m[0].toLowerCase());
    const numbers: { at: number; value: string; kind: string; terms: Set<string> }[] = [];
    tokens.forEach((token, at) => {
      const value = /^\d/.test(token) ? normalizeNumber(token) : NUMBER_WORDS[token];
      if (value === undefined) return;
      const next = tokens[at + 1];
      const kindTerm = next && !/^\d/.test(next) && !isStopword(next) ? canonicalTerm(stem(next)) : '';
      const kind = DISCOURSE_TERMS.has(kindTerm) ? '' : kindTerm;
      numbers.push({ at, value, kind, terms: new Set() });
    });
    if (numbers.length === 0) continue;
    tokens.forEach((token, at) => {
      // "you'll", "it's": the pronoun is a stopword, the clitic no content.
      const word = token.replace(/['’](?:s|ll|d|re|ve|m)?$/, '');
      if (/^\d/.test(word) || word === '%' || NUMBER_WORDS[word] || isStopword(word)) return;
      const term = canonicalTerm(stem(word));
      if (DISCOURSE_TERMS.has(term) || GENERIC_TERMS.has(term)) return;
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      let tie = false;
      numbers.forEach((n, i) => {
        const distance = Math.abs(n.at - at);
        if (distance < bestDistance) [best, bestDistance, tie] = [i, distance, false];
        else if (distance === bestDistance) tie = true;
      });
      if (best >= 0 && !tie && bestDistance <= REACH && term !== numbers[best].kind)
        numbers[best].terms.add(term);
    });
    for (const { value, kind, terms } of numbers) out.push({ value, kind, terms });
  }
  return out;
}

/**
 * The claim's numbers whose words the context binds to another number of the same kind, more
 * strongly than to any mention of the claim's own number (which the context must state).
 */
export function movedNumbers(
  claim: string,
  contextSentences: readonly string[],
  weight: (term: string) => number,
): string[] {
  const context = contextSentences.flatMap((s) => bindingsOf(s));
  const out: string[] = [];
  for (const n of bindNumbers(claim)) {
    const total = [...n.terms].reduce((s, t) => s + weight(t), 0);
    if (total === 0) continue;
    const overlap = (m: BoundNumber) =>
      [...n.terms].reduce((s, t) => s + (m.terms.has(t) ? weight(t) : 0), 0);
    const own = context.filter((m) => m.value === n.value);
    if (own.length === 0) continue;
    const ownBest = Math.max(...own.map(overlap));
    // Only numbers that say what they count ("4 cm", "6 points", "25 %") are compared, and the
    // rival must win clearly: a quarter of the claim's word weight more than the claim's own number.
    if (n.kind === '') continue;
    const rival = context
      .filter((m) => m.value !== n.value && m.kind === n.kind)
      .reduce((best, m) => Math.max(best, overlap(m)), 0);
    if (rival >= 0.5 * total && rival - ownBest >= 0.25 * total) out.push(n.value);
  }
  return out;
}

// Context sentences recur across the claims of an answer and the cases of a suite.
const cache = new Map<string, BoundNumber[]>();
function bindingsOf(sentence: string): BoundNumber[] {
  let bound = cache.get(sentence);
  if (!bound) {
    bound = bindNumbers(sentence);
    if (cache.size >= 20_000) cache.clear();
    cache.set(sentence, bound);
  }
  return bound;
}
