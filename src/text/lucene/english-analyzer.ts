// Lucene's EnglishAnalyzer, term for term: StandardTokenizer → EnglishPossessiveFilter →
// LowerCaseFilter → StopFilter (Lucene's 33 English stop words) → PorterStemFilter.
// This is the analyzer Anserini's BM25 baselines use, so `rag.bm25.analyzer: lucene`
// reproduces their term statistics.
import { stemmer } from 'stemmer';
import { standardTokens } from './standard-tokenizer.js';

/** EnglishAnalyzer.ENGLISH_STOP_WORDS_SET. */
export const LUCENE_ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their then ' +
    'there these they this to was will with'
  ).split(' '),
);

const POSSESSIVE_QUOTES = new Set(["'", '\u2019', '\uff07']);

/** EnglishPossessiveFilter: a trailing 's (or ’s, ＇s; any case of s) is removed. */
export function removePossessive(token: string): string {
  const n = token.length;
  if (n >= 2 && POSSESSIVE_QUOTES.has(token[n - 2]) && (token[n - 1] === 's' || token[n - 1] === 'S'))
    return token.slice(0, n - 2);
  return token;
}

const stemCache = new Map<string, string>();

function porter(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

export function luceneEnglishTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of standardTokens(text)) {
    const lower = removePossessive(token).toLowerCase();
    if (lower.length === 0 || LUCENE_ENGLISH_STOP_WORDS.has(lower)) continue;
    out.push(porter(lower));
  }
  return out;
}
