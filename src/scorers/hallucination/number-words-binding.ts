// Which words each number of a sentence is bound to, by position: every content word goes with
// the nearest number in its sentence, within five tokens (ties bind to neither). "Set the blades to 4 cm in spring and
// raise them to 5 cm during summer droughts" binds spring to 4 cm and summer to 5 cm, with no
// comma to cut at, so an answer that gives spring 5 cm has moved the number ("relation swap").
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { NUMBER_WORDS } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
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
export function movedNumbers(claim: string, index: ContextIndex): string[] {
  const context = contextBindings(index);
  const out: string[] = [];
  for (const n of bindNumbers(claim)) {
    // Only numbers that say what they count ("4 cm", "6 points", "25 %") are compared.
    if (n.kind === '') continue;
    const own = context.byValue.get(n.value);
    if (!own) continue;
    const terms = [...n.terms];
    const total = terms.reduce((s, t) => s + index.weight(t), 0);
    if (total === 0) continue;
    const overlap = (m: BoundNumber) => terms.reduce((s, t) => s + (m.terms.has(t) ? index.weight(t) : 0), 0);
    const ownBest = Math.max(...own.map(overlap));
    let rival = 0;
    for (const m of context.byKind.get(n.kind) ?? [])
      if (m.value !== n.value) rival = Math.max(rival, overlap(m));
    // The rival must win clearly: a quarter of the claim's word weight more than its own number.
    if (rival >= 0.5 * total && rival - ownBest >= 0.25 * total) out.push(n.value);
  }
  return out;
}

interface ContextBindings {
  byValue: ReadonlyMap<string, readonly BoundNumber[]>;
  byKind: ReadonlyMap<string, readonly BoundNumber[]>;
}

// Built once per context (every claim of an answer asks), keyed by the index's identity.
const cache = new WeakMap<ContextIndex, ContextBindings>();

function contextBindings(index: ContextIndex): ContextBindings {
  let found = cache.get(index);
  if (!found) {
    const byValue = new Map<string, BoundNumber[]>();
    const byKind = new Map<string, BoundNumber[]>();
    for (const sentence of index.sentences) {
      if (sentence.numbers.length === 0) continue;
      for (const b of sentenceBindings(sentence.text)) {
        byValue.set(b.value, [...(byValue.get(b.value) ?? []), b]);
        byKind.set(b.kind, [...(byKind.get(b.kind) ?? []), b]);
      }
    }
    found = { byValue, byKind };
    cache.set(index, found);
  }
  return found;
}

// Context sentences recur across the cases of a suite (the same chunks are retrieved again).
const MAX_CACHED_SENTENCES = 20_000;
const sentenceCache = new Map<string, BoundNumber[]>();

function sentenceBindings(sentence: string): BoundNumber[] {
  let bound = sentenceCache.get(sentence);
  if (!bound) {
    bound = bindNumbers(sentence);
    if (sentenceCache.size >= MAX_CACHED_SENTENCES) sentenceCache.clear();
    sentenceCache.set(sentence, bound);
  }
  return bound;
}
