// Content terms: lower-cased words minus stopwords, Porter-stemmed. The one analyzer used for
// lexical retrieval (BM25) and lexical support checks, so both agree on what a "word" is.
import { stemmer } from 'stemmer';
import { isStopword } from './stopwords.js';
import { words } from './tokenize.js';

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Stem the parts of hyphen/apostrophe compounds separately ("sign-in" → "sign-in").
    s = word.includes('-')
      ? word
          .split('-')
          .map((p) => stemmer(p))
          .join('-')
      : stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (!isStopword(w)) out.push(stem(w));
  }
  return out;
}
