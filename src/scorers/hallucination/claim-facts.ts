// The checkable facts of one claim or context clause: weighted content terms, the numbers it
// states (with the unit that follows each, so "10 micrograms" ≠ "10 milligrams"), capitalised
// names, and whether it is negated. Answer claims and context clauses share this analysis so
// they compare like with like.
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { words } from '../../text/tokenize.js';
import { extractNames, normalizeNumber } from './sentence-evidence.js';
import { canonicalTerm } from './word-classes.js';

export interface NumberMention {
  value: string;
  /** As written, for messages ("45 days"). */
  text: string;
  /** Stemmed unit from UNITS right after the number ("30 days" → "day"), when there is one. */
  unit?: string;
}

export interface ClaimFacts {
  terms: string[];
  numbers: NumberMention[];
  names: string[];
  negated: boolean;
}

// Words that talk about the answer rather than state a fact ("Based on the context provided, …").
const META_WORDS = new Set(
  'based information info provided context according question great answer mentioned document documents passage passages text says states stated note happy help hope sure glad thanks'.split(
    ' ',
  ),
);

// Words that negate a statement. "No" and "without" are left out: "at no extra cost" and "free"
// say the same thing, and the flips that matter read "is not", "can't", "never".
const NEGATORS = new Set(['not', 'never', 'cannot', 'neither', 'nor']);

const NUMBER_WORDS: Record<string, string> = {
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  ninety: '90',
  hundred: '100',
  twice: '2',
};

/** Units whose swap changes a fact: time, size, mass, length, temperature, share, counted things. */
export const UNITS = new Set(
  [
    'second',
    'minute',
    'hour',
    'day',
    'week',
    'month',
    'year',
    'business',
    'kb',
    'mb',
    'gb',
    'tb',
    'byte',
    'percent',
    '%',
    '°c',
    '°f',
    'c',
    'f',
    'microgram',
    'milligram',
    'gram',
    'kilogram',
    'mg',
    'g',
    'kg',
    'µg',
    'mcg',
    'metre',
    'meter',
    'kilometre',
    'kilometer',
    'km',
    'mile',
    'cm',
    'mm',
    'm',
    'seat',
    'user',
    'member',
    'item',
    'file',
    'tablet',
    'request',
    'time',
    'character',
    'page',
  ].map((u) => canonicalTerm(stem(u))),
);

// A number (digits, or a spelled-out one as a whole word), then an optional unit.
const MENTION =
  /(?<![\p{L}\d.])(\d+(?:[.,:/-]\d+)*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|twice)(?![\p{L}\d])(?:[\s-]*(%|°\s?[CF]\b|[\p{L}µ]+))?/giu;

export function extractNumberMentions(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const raw = match[1].toLowerCase();
    // "two-step", "one-time": a spelled-out number inside a compound word states no quantity.
    if (!/^\d/.test(raw) && text[(match.index ?? 0) + match[1].length] === '-') continue;
    const value = NUMBER_WORDS[raw] ?? normalizeNumber(raw);
    const unitWord = match[2]?.toLowerCase().replace(/\s/g, '');
    const unit = unitWord ? canonicalTerm(stem(unitWord)) : undefined;
    out.push(unit && UNITS.has(unit) ? { value, text: match[0].trim(), unit } : { value, text: match[1] });
  }
  return out;
}

/** "No, it's closed on Mondays" answers a question; the claim itself is not negated. */
function stripInterjection(text: string): string {
  return text.replace(/^\s*(?:no|yes|nope|yep|unfortunately not|not really)\b[,.:;!—–-]*\s*/i, '');
}

export function isNegated(text: string): boolean {
  return words(stripInterjection(text)).some((w) => NEGATORS.has(w) || w.endsWith("n't"));
}

export function analyzeClaim(text: string): ClaimFacts {
  const terms = new Set<string>();
  for (const token of words(stripInterjection(text))) {
    // "you'll", "it's", "that's": the pronoun is a stopword, the clitic is no content.
    const word = token.replace(/['’](?:s|ll|d|re|ve|m)$/, '');
    if (isStopword(word) || META_WORDS.has(word) || NEGATORS.has(word) || word.endsWith("n't")) continue;
    if (/^\d/.test(word) || NUMBER_WORDS[word]) continue; // numbers are checked as numbers
    terms.add(canonicalTerm(stem(word)));
  }
  return {
    terms: [...terms],
    numbers: extractNumberMentions(text),
    // Single letters are units or initials ("90°C"), not names worth checking.
    names: extractNames(stripInterjection(text)).filter((n) => n.length > 1),
    negated: isNegated(text),
  };
}
