// The features of the offline hash embedder, as 32-bit hashes in three groups: content-term
// unigrams, adjacent content-term bigrams (phrase signal), and character 3–5-grams of each term
// padded with `<` `>` (fastText-style; robust to inflection and typos). Terms come from
// contentTerms, so the embedder and BM25 agree on what a word is.
import { contentTerms } from '../../text/analyze.js';
import type { FeatureCounter } from './feature-counter.js';

export const FeatureGroup = { Unigram: 0, Bigram: 1, CharGram: 2 } as const;
export const FEATURE_GROUPS = 3;

const SEED_UNIGRAM = 0x9747b28c;
const SEED_BIGRAM = 0x5bd1e995;
const SEED_CHARGRAM = 0x1b873593;
const LT = 60; // '<'
const GT = 62; // '>'

export function countHashFeatures(text: string, counter: FeatureCounter): void {
  countTermFeatures(contentTerms(text), counter);
}

/** countHashFeatures on a text already analysed with contentTerms. */
export function countTermFeatures(terms: readonly string[], counter: FeatureCounter): void {
  counter.reset();
  let previous = 0;
  for (let t = 0; t < terms.length; t++) {
    const hashes = termHashes(terms[t]);
    const h = hashes[0];
    counter.add(h, FeatureGroup.Unigram);
    if (t > 0) counter.add(bigramHash(previous, h), FeatureGroup.Bigram);
    previous = h;
    for (let i = 1; i < hashes.length; i++) counter.add(hashes[i], FeatureGroup.CharGram);
  }
}

/** The bigram feature of two adjacent terms, from their unigram hashes. */
export function bigramHash(previous: number, next: number): number {
  return fmix32(Math.imul(previous, 0x01000193) ^ next ^ SEED_BIGRAM);
}

// A term's unigram hash followed by its character-n-gram hashes. Terms recur across a corpus
// (and across fit and embed, which both count every chunk), so each term is hashed once; a
// process-wide memo of a pure function, bounded like the stemmer's.
const termHashCache = new Map<string, Uint32Array>();
const TERM_HASH_CACHE_MAX = 200_000;

export function termHashes(term: string): Uint32Array {
  let hashes = termHashCache.get(term);
  if (hashes === undefined) {
    const padded = term.length + 2;
    let grams = 0;
    for (let n = 3; n <= 5; n++) grams += Math.max(0, padded - n + 1);
    hashes = new Uint32Array(1 + grams);
    hashes[0] = fnv1a(term, SEED_UNIGRAM);
    let at = 1;
    for (let n = 3; n <= 5; n++) {
      for (let start = 0; start + n <= padded; start++) {
        let h = (SEED_CHARGRAM ^ n) >>> 0;
        for (let i = start; i < start + n; i++) {
          const c = i === 0 ? LT : i === padded - 1 ? GT : term.charCodeAt(i - 1);
          h = Math.imul(h ^ c, 0x01000193);
        }
        hashes[at++] = fmix32(h);
      }
    }
    if (termHashCache.size < TERM_HASH_CACHE_MAX) termHashCache.set(term, hashes);
  }
  return hashes;
}

/** FNV-1a then the murmur3 finaliser, so low bits (used for buckets) are well mixed. */
export function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
