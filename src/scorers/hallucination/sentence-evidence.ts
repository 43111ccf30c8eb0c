// What a sentence claims, in checkable form: its content terms, the numbers it states (amounts,
// dates, durations) and the capitalised names it uses mid-sentence.
import { contentTerms } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';

export interface SentenceEvidence {
  /** Unique content terms (lower-cased, stopword-free, stemmed). */
  terms: string[];
  /** Normalised numbers, e.g. `4.99`, `1000`, `2024-01-05`. */
  numbers: string[];
  /** Lower-cased capitalised words that do not start the sentence (names, products, places). */
  names: string[];
}

// Not glued to a preceding letter: the 1 in "doc1" or "v1" is part of a name, not a stated number.
const NUMBER = /(?<!\p{L})\d+(?:[.,:/-]\d+)*/gu;
const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;

/** `1,000` → `1000`, `12.50` → `12.5`, `12.00` → `12`: the same amount written two ways matches. */
export function normalizeNumber(raw: string): string {
  let n = raw;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(n)) n = n.replace(/,/g, '');
  if (/^\d+\.\d+$/.test(n)) n = n.replace(/0+$/, '').replace(/\.$/, '');
  return n;
}

export function extractNumbers(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(NUMBER)) out.push(normalizeNumber(match[0]));
  return out;
}

/** Capitalised words after the first word (and not right after a colon or an opening quote). */
const ABBREVIATION =
  /(?:^|[\s(])(?:dr|mr|mrs|ms|mx|prof|st|mt|ft|vs|approx|jr|sr|rev|gen|col|capt|lt|sgt)\.$/i;

export function extractNames(text: string): string[] {
  const names: string[] = [];
  let first = true;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (first) {
      first = false;
      continue;
    }
    if (!CAPITALISED.test(word)) continue;
    const before = text.slice(0, match.index).trimEnd().at(-1);
    // After a colon or a quote, or a sentence end inside the text ("Sadly no. Extra drivers …"),
    // a capital starts a sentence and names nothing; after "Dr." or "St." it is still a name.
    if (before !== undefined && ':"“\'!?'.includes(before)) continue;
    if (before === '.' && !ABBREVIATION.test(text.slice(0, match.index).trimEnd())) continue;
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    if (lower === 'i' || isStopword(lower)) continue;
    names.push(lower);
  }
  return names;
}

/** `text` must already be free of citation markers. */
export function analyzeSentence(text: string): SentenceEvidence {
  return {
    terms: Array.from(new Set(contentTerms(text))),
    numbers: extractNumbers(text),
    names: extractNames(text),
  };
}
