// The checkable facts of one claim or context clause: weighted content terms, the numbers it
// states (with the unit that follows each, so "10 micrograms" ≠ "10 milligrams"), capitalised
// names, and whether it is negated. Answer claims and context clauses share this analysis so
// they compare like with like.
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { words } from '../../text/tokenize.js';
import { stripHedges } from './claim-cues.js';
import { CURRENCY_CODES, normalizeWording } from './claim-wording.js';
import { clockTime, type Quantity, spelledQuantities, toQuantity, unitKey } from './quantities.js';
import { spellOutDays } from './day-names.js';
import { extractNames, normalizeNumber } from './sentence-evidence.js';
import { canonicalTerm } from './word-classes.js';

export interface NumberMention {
  value: string;
  /** As written, for messages ("45 days"). */
  text: string;
  /** Stemmed unit from UNITS right after the number ("30 days" → "day"), when there is one. */
  unit?: string;
  /** The value as a number (a time of day in hours), for arithmetic; absent for dates and ranges. */
  amount?: number;
  /** The amount in base units, when the unit has a known scale ("two weeks" → 1,209,600 s). */
  quantity?: Quantity;
  /** "a year": counts when it matches the context, is not a stated number when it does not. */
  soft?: boolean;
  /** The content word right after the number, unit or not ("23 lb" → "lb", "7 teaspoons" → "teaspoon"). */
  word?: string;
  /** Part of a name ("NovaBook 14", "RAID 5"): not a quantity whose unit or place can be wrong. */
  label?: boolean;
  /** The unit a rate stated right after it is counted in ("1,000 requests per minute" → "minut", "45p per mile" → "mile"). */
  per?: string;
  /** The currency symbol right before it ("€5" → "euro"), a unit written in front. */
  currency?: string;
}

export interface ClaimFacts {
  terms: string[];
  numbers: NumberMention[];
  names: string[];
  negated: boolean;
}

// Words that talk about the answer rather than state a fact ("Based on the context provided, …").
const META_WORDS = new Set(
  'based information info provided context according question great answer mentioned document documents passage passages text says states stated note happy help hope sure glad thanks believe think afraid sorry hi hello hey welcome mistaken guess seems course certainly absolutely basically'.split(
    ' ',
  ),
);

// Words that negate a statement. "No" is left out: "at no extra cost" and "free" say the same
// thing, and the flips that matter read "is not", "can't", "never". "Without" and "nothing" negate
// what follows ("without an appointment" = "no appointment is needed"); "without a fee" and "at no
// cost" are read as "free" before this (claim-wording.ts, EQUIVALENCES below).
const NEGATORS = new Set(['not', 'never', 'cannot', 'neither', 'nor', 'without', 'nothing']);

const QUANTITY_WORDS = new Set(['half', 'quarter', 'couple', 'dozen']);

export const NUMBER_WORDS: Record<string, string> = {
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
    'litre',
    'liter',
    'l',
    'ml',
    'millilitre',
    'milliliter',
    'cl',
    'tonne',
    'fortnight',
    'kilobyte',
    'megabyte',
    'gigabyte',
    'terabyte',
    'p',
  ].map((u) => canonicalTerm(stem(u))),
);

// A number (digits, or a spelled-out one as a whole word), then "am"/"pm" or a glued "p"
// ("50p"), or an optional unit.
const MENTION =
  /(?<![\p{L}\d.])(\d+(?:[.,:/-]\d+)*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|twice)(?:\s?(am|pm|[ap]\.m\.?)(?![\p{L}\d])|(p)(?![\p{L}\d])|(?![\p{L}\d])(?:[\s-]*(%|°\s?[CF]\b|[\p{L}µ]+))?)/giu;

/** A currency symbol written before an amount, read as that amount's unit (unit-words.ts keys). */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '€': 'euro', $: 'dollar', '£': 'pound' };

// "… per minute", "… a day", "… per mile" within three words after a number: the unit a rate is
// counted in (time, distance, weight, volume or energy).
const RATE =
  /^(?:\s+[\p{L}-]+){0,3}?\s+(?:per|an?|each|every)\s+(second|minute|hour|day|week|month|year|night|session|mile|kilometre|kilometer|km|kilogram|kilo|kg|litre|liter|gallon|kwh)s?\b/iu;
const RATE_LEADS: ReadonlySet<string> = new Set(['per', 'a', 'an', 'each', 'every']);

/** A capitalised word right before the number, which is not the first word of its sentence. */
function followsName(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const name = /(\p{Lu}[\p{L}\d]*)\s$/u.exec(before);
  if (!name) return false;
  const earlier = before.slice(0, name.index).trimEnd();
  return earlier.length > 0 && !/[.!?:;—–-]$/.test(earlier);
}

function amountOf(value: string): number | undefined {
  const time = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (time) return Number(time[1]) + Number(time[2]) / 60;
  return /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/**
 * The ends of a two-number range written with a hyphen ("8:00-18:30", "1-22"), or the number
 * itself. Dates (2024-01-05) have three parts and stay whole; a descending pair ("3-1") is a
 * score. A meridiem written once ("4-6:30pm") was spread over both ends before this
 * (spreadMeridiem, claim-wording.ts).
 */
function rangeEnds(raw: string): { raw: string; ranged: boolean }[] {
  const range = /^(\d+(?:[.,:]\d+)*)-(\d+(?:[.,:]\d+)*)$/.exec(raw);
  // A descending pair is a score or a vote ("won 3-1", "voted 7-2"), compared whole.
  const lead = (part: string) => Number(part.split(/[:.,]/)[0]);
  return range && lead(range[1]) <= lead(range[2])
    ? [
        { raw: range[1], ranged: true },
        { raw: range[2], ranged: true },
      ]
    : [{ raw, ranged: false }];
}

/** "2 hours 35 minutes", "1 hour and 50 minutes": hours then minutes, nothing but "and" between. */
function joinsDuration(hours: NumberMention, minutes: NumberMention, between: string): boolean {
  return (
    hours.unit === unitKey('hour') &&
    minutes.unit === unitKey('minute') &&
    hours.amount !== undefined &&
    Number.isInteger(hours.amount) &&
    minutes.amount !== undefined &&
    Number.isInteger(minutes.amount) &&
    minutes.amount < 60 &&
    /^\s*(?:and\s+)?$/i.test(between)
  );
}

/** One duration, in minutes, for the two mentions: 2 hours 35 minutes = 155 minutes. */
function joinedDuration(hours: NumberMention, minutes: NumberMention): NumberMention {
  const total = (hours.amount as number) * 60 + (minutes.amount as number);
  const joined: NumberMention = {
    value: `${hours.amount}h${String(minutes.amount).padStart(2, '0')}`,
    text: `${hours.text} ${minutes.text}`,
    unit: minutes.unit,
    amount: total,
  };
  const quantity = toQuantity(total, minutes.unit);
  if (quantity) joined.quantity = quantity;
  return joined;
}

export function extractNumberMentions(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  let lastEnd = -1;
  for (const match of text.matchAll(MENTION)) {
    const whole = match[1].toLowerCase();
    // "two-step", "one-time": a spelled-out number inside a compound word states no quantity.
    if (!/^\d/.test(whole) && text[(match.index ?? 0) + match[1].length] === '-') continue;
    // "8:00-18:30", "1-22 November", "4-6:30pm": each end of a range is a number of its own.
    // "9 p.m." = "9pm".
    const meridiem = match[2]?.replace(/\./g, '');
    for (const { raw, ranged } of rangeEnds(whole)) {
      const time = /^\d/.test(raw) ? clockTime(raw, meridiem) : undefined;
      if (time) {
        out.push({ value: time, text: ranged ? raw : match[0].trim(), amount: amountOf(time) });
        continue;
      }
      const value = NUMBER_WORDS[raw] ?? normalizeNumber(raw);
      const unitWord = (match[3] ?? match[4])?.toLowerCase().replace(/\s/g, '');
      const unit = unitWord ? canonicalTerm(stem(unitWord)) : undefined;
      const amount = amountOf(value);
      const mention: NumberMention =
        unit && UNITS.has(unit)
          ? { value, text: ranged ? `${raw} ${unitWord}` : match[0].trim(), unit }
          : { value, text: ranged ? raw : match[1] };
      if (amount !== undefined) mention.amount = amount;
      // A number right after a capitalised word names a model or version ("NovaBook 14", "RAID 5").
      if (followsName(text, match.index ?? 0)) mention.label = true;
      if (unitWord && /^\p{L}/u.test(unitWord) && !isStopword(unitWord) && unitWord !== 'per')
        mention.word = unit ?? unitWord;
      // "£1 per hour": the unit group took "per" itself, so the rate is read from the number's end.
      const rateFrom =
        (match.index ?? 0) + (unitWord && RATE_LEADS.has(unitWord) ? match[1].length : match[0].length);
      const rate = RATE.exec(text.slice(rateFrom));
      if (rate) mention.per = unitKey(rate[1]);
      const currency = CURRENCY_SYMBOLS[text[(match.index ?? 0) - 1] ?? ''];
      if (currency) mention.currency = currency;
      // "two engineers", "three reasons": a spelled-out count with no unit is often the answer's own
      // tally of what it lists, so it only counts where the context backs it.
      if (!/^\d/.test(raw) && !mention.unit) mention.soft = true;
      const quantity = amount !== undefined ? toQuantity(amount, mention.unit) : undefined;
      if (quantity) mention.quantity = quantity;
      const previous = out.at(-1);
      if (previous && !ranged && joinsDuration(previous, mention, text.slice(lastEnd, match.index ?? 0)))
        out[out.length - 1] = joinedDuration(previous, mention);
      else out.push(mention);
    }
    lastEnd = (match.index ?? 0) + match[0].length;
  }
  for (const q of spelledQuantities(text)) {
    out.push({
      value: String(q.amount),
      text: q.text,
      unit: q.unit,
      amount: q.amount,
      ...(toQuantity(q.amount, q.unit) ? { quantity: toQuantity(q.amount, q.unit) } : {}),
      ...(q.soft ? { soft: true } : {}),
    });
  }
  return out;
}

/** "No, it's closed on Mondays" answers a question; the claim itself is not negated. */
function stripInterjection(text: string): string {
  return text
    .replace(/^\s*(?:no|yes|nope|yep|unfortunately not|not really)\b[,.:;!—–-]*\s*/i, '')
    .replace(
      /^\s*(?:(?:unfortunately|sadly|i'm\s+afraid|afraid|best|certainly|of\s+course)\s+)?not(?:\s+(?:yet|quite|really|at\s+all|to))?\s*[,.:;!—–-]+\s*/i,
      '',
    );
}

const NEG = String.raw`(?:not|never|cannot|\p{L}+n['’]t)`;
// Same meaning, one wording, so polarity and words compare alike on both sides.
const EQUIVALENCES: ReadonlyArray<readonly [RegExp, string]> = [
  // "must not weigh more than 8 kg" = "can weigh at most 8 kg" = "up to 8 kg": a limit, not a negation.
  [
    new RegExp(
      String.raw`\b(?:no|${NEG})\s+((?:[\p{L}]+\s+){0,2}?)(?:more|longer|heavier|later|greater|higher|larger|bigger)\s+than\b`,
      'giu',
    ),
    '$1maximum',
  ],
  [new RegExp(String.raw`\b${NEG}\s+exceed\p{L}*`, 'giu'), 'maximum'],
  [
    /\b(?:at\s+most|up\s+to|a\s+maximum\s+of|no\s+more\s+than|as\s+(?:much|many)\s+as(?=\s+\d|\s+(?:two|three|four|five|six|seven|eight|nine|ten|twelve)\b))\b/giu,
    'maximum',
  ],
  [
    new RegExp(
      String.raw`\b(?:no|${NEG})\s+((?:[\p{L}]+\s+){0,2}?)(?:less|fewer|shorter|earlier|lower|smaller)\s+than\b`,
      'giu',
    ),
    '$1minimum',
  ],
  [/\b(?:at\s+least|a\s+minimum\s+of)\b/giu, 'minimum'],
  // "doesn't cost anything" = "at no extra cost" = "free of charge" = "free".
  [
    new RegExp(
      String.raw`\b(?:${NEG}|do\s+not|does\s+not|will\s+not)\s+cost\s+(?:you\s+)?(?:anything|a\s+thing|extra|a\s+penny|a\s+cent)\b`,
      'giu',
    ),
    'is free',
  ],
  [
    /\b(?:at|for|with)\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)\b|\bfree\s+of\s+charge\b|\bwithout\s+charge\b|\bno\s+charge\b/giu,
    'free',
  ],
  // "is prohibited" = "is not allowed" = "you can't"; "refused" = "not accepted".
  [/\b(?:prohibited|forbidden|banned|barred|disallowed)\b/giu, 'not allowed'],
  [/\b(?:refused|rejected)\b/giu, 'not accepted'],
  // "there are no late fees" = "there are not any late fees"; "there are none" too. Not the answer
  // word "No," / "No.", "no one", or a limit ("no more than": above); "bus No 7" is read first.
  [
    /\bno\b(?!\s*[,.:;!—–-]|\s+(?:one|longer|later|sooner|earlier|more|less|fewer|matter|doubt|problem|need\s+to\s+worry)\b)|\bnone\b/giu,
    'not any',
  ],
];

/** The claim with hedges removed and equivalent wordings made one. */
export function normalizeClaimText(text: string): string {
  // "bus No 7", "No. 12": a number's label (capitalised), not a negation; "no 24-hour helpline" is one.
  let out = normalizeWording(stripHedges(spellOutDays(text.replace(/\bNo\.?\s*(?=\d)/g, 'number '))))
    // "four and a half hours" = "4.5 hours" ("7 in the morning" = "7 am": claim-wording.ts).
    .replace(
      /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+and\s+a\s+half\b/giu,
      (_, n: string) => `${Number(NUMBER_WORDS[n.toLowerCase()] ?? n) + 0.5}`,
    );
  for (const [pattern, replacement] of EQUIVALENCES) out = out.replace(pattern, replacement);
  return out;
}

export function isNegated(text: string): boolean {
  return words(stripInterjection(normalizeClaimText(text))).some((w) => NEGATORS.has(w) || w.endsWith("n't"));
}

// Negators for reading which words a negation governs: the ones above plus "no one"/"nobody"
// ("if nobody collects them" = "results not collected"), read after the wordings are made one.
const GOVERNING_NEGATOR =
  /\b(?:not|never|cannot|neither|nor|nothing|nobody|no\s+one|no\s+longer|\p{L}+n['’]t)\b/iu;

/**
 * The text after a statement's first negator, or null when it has none: what the negation is
 * about ("no fasting is required" → "any fasting is required").
 */
export function negatedRemainder(raw: string): string | null {
  const text = stripInterjection(normalizeClaimText(raw));
  const at = GOVERNING_NEGATOR.exec(text);
  return at ? text.slice(at.index + at[0].length) : null;
}

export function analyzeClaim(raw: string): ClaimFacts {
  const text = normalizeClaimText(raw);
  const terms = new Set<string>();
  for (const token of words(stripInterjection(text))) {
    // "you'll", "it's", "that's": the pronoun is a stopword, the clitic is no content.
    const word = token.replace(/['’](?:s|ll|d|re|ve|m)$/, '');
    if (isStopword(word) || META_WORDS.has(word) || NEGATORS.has(word) || word.endsWith("n't")) continue;
    // Numbers are checked as numbers, "half a litre" and "a couple of days" as quantities.
    if (/^\d/.test(word) || NUMBER_WORDS[word] || QUANTITY_WORDS.has(word)) continue;
    // "escape-of-water" = "escape of water": a compound's parts are its words, unless a negating
    // prefix makes it the opposite of its last part ("non-folding").
    if (/^\p{L}+(?:-\p{L}+)+$/u.test(word) && !/^(?:non|anti|un|no)-/.test(word)) {
      for (const part of word.split('-')) if (!isStopword(part)) terms.add(canonicalTerm(stem(part)));
      continue;
    }
    terms.add(canonicalTerm(stem(word)));
  }
  const numbers = extractNumberMentions(text);
  // A unit after a number is checked with the number ("two weeks" = "14 days"), not as a word.
  for (const n of numbers) if (n.unit) terms.delete(n.unit);
  return {
    terms: [...terms],
    numbers,
    // Single letters are units or initials ("90°C"), not names worth checking; "I'm" is no name.
    // Currency codes are units ("15 USD"), checked with the amount.
    names: extractNames(stripInterjection(text)).filter(
      (n) => n.length > 1 && !/^i['’]/.test(n) && !CURRENCY_CODES.has(n),
    ),
    negated: words(stripInterjection(text)).some((w) => NEGATORS.has(w) || w.endsWith("n't")),
  };
}
