// Quantities as amounts in a base unit, so the same fact written two ways compares equal:
// "two weeks" = "14 days", "half a litre" = "500 ml", "an hour and a half" = "90 minutes",
// "9 am" = "09:00". Also the spelled-out quantities digits miss ("half an hour", "a couple of
// days", "a year"). Units are the stemmed, canonical forms claim-facts.ts reads after a number.
import { stem } from '../../text/analyze.js';
import { canonicalTerm } from './word-classes.js';

export interface Quantity {
  /** time, mass, volume, length, data, percent. */
  dim: string;
  /** Amount in the dimension's base unit (seconds, milligrams, millilitres, millimetres, bytes, percent). */
  base: number;
  /** Stated in months or years, whose length in days is an average. */
  calendar?: boolean;
}

const DAY = 86_400;
const SCALES: ReadonlyArray<readonly [string, number, string]> = [
  ['time', 1, 'second sec secs'],
  ['time', 60, 'minute min mins'],
  ['time', 3600, 'hour hr hrs'],
  ['time', DAY, 'day'],
  ['time', 7 * DAY, 'week'],
  ['time', 14 * DAY, 'fortnight'],
  // A calendar month and year are averages, compared with a tolerance (see sameQuantity).
  ['time', 30.4375 * DAY, 'month'],
  ['time', 365.25 * DAY, 'year'],
  ['mass', 0.001, 'microgram mcg µg'],
  ['mass', 1, 'milligram mg'],
  ['mass', 1000, 'gram g'],
  ['mass', 1e6, 'kilogram kg kilo'],
  ['mass', 1e9, 'tonne'],
  ['volume', 1, 'millilitre milliliter ml'],
  ['volume', 10, 'centilitre cl'],
  ['volume', 1000, 'litre liter l'],
  ['length', 1, 'millimetre millimeter mm'],
  ['length', 10, 'centimetre centimeter cm'],
  ['length', 1000, 'metre meter m'],
  ['length', 1e6, 'kilometre kilometer km'],
  ['data', 1e3, 'kb kilobyte'],
  ['data', 1e6, 'mb megabyte'],
  ['data', 1e9, 'gb gigabyte'],
  ['data', 1e12, 'tb terabyte'],
  ['percent', 1, 'percent %'],
];

/** Canonical stemmed unit → [dimension, factor to the base unit]. */
const UNIT_SCALE = new Map<string, readonly [string, number]>();
/** Every spelling of a unit word, for the spelled-out patterns below. */
export const UNIT_WORDS: string[] = [];
for (const [dim, factor, spellings] of SCALES) {
  for (const word of spellings.split(' ')) {
    UNIT_SCALE.set(unitKey(word), [dim, factor]);
    UNIT_WORDS.push(word);
  }
}

export function unitKey(word: string): string {
  return canonicalTerm(stem(word.toLowerCase()));
}

/** The amount in base units, when the unit is one with a known scale. */
export function toQuantity(amount: number, unit: string | undefined): Quantity | undefined {
  const scale = unit ? UNIT_SCALE.get(unit) : undefined;
  if (!scale) return undefined;
  const calendar = scale[0] === 'time' && scale[1] >= 30 * DAY && !Number.isInteger(scale[1] / DAY);
  return { dim: scale[0], base: amount * scale[1], ...(calendar ? { calendar } : {}) };
}

/** Base-unit size of one of this (canonical) unit, e.g. "hour" → 3600 s. */
export function unitSize(unit: string): Quantity | undefined {
  return toQuantity(1, unit);
}

/**
 * Equal amounts; months and years are averages, so a span stated in months or years allows 2 %
 * against one in days or weeks (30 days ≈ a month). Two whole numbers of days are compared
 * exactly: 91 days is not 90 days. `approximate` (the claim says "about", "roughly") allows 10 %:
 * "about a month and a half" for "about six weeks".
 */
export function sameQuantity(a: Quantity, b: Quantity, approximate = false): boolean {
  if (a.dim !== b.dim) return false;
  const calendarAverage = (q: Quantity) => q.calendar === true;
  const tolerance = approximate
    ? 0.1
    : a.dim === 'time' && Math.max(a.base, b.base) >= 28 * DAY && (calendarAverage(a) || calendarAverage(b))
      ? 0.02
      : 1e-9;
  return Math.abs(a.base - b.base) <= tolerance * Math.max(Math.abs(a.base), Math.abs(b.base));
}

export interface SpelledQuantity {
  amount: number;
  unit: string;
  text: string;
  /** "a year", "an hour": too common as a rate or filler to count as a stated number when unmatched. */
  soft: boolean;
}

const UNIT_ALT = [...UNIT_WORDS]
  .filter((w) => w.length > 2)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPELLED = new RegExp(
  [
    `\\b(?:an?|one)\\s+(${UNIT_ALT})s?\\s+and\\s+a\\s+half\\b`, // an hour and a half → 1.5
    `\\bhalf\\s+(?:an?\\s+)(${UNIT_ALT})\\b`, // half a litre → 0.5
    `\\ba\\s+quarter\\s+of\\s+an?\\s+(${UNIT_ALT})\\b`, // a quarter of an hour → 0.25
    `\\b(?:a\\s+)?couple\\s+of\\s+(${UNIT_ALT})s?\\b`, // a couple of days → 2
    `\\b(?:an?|one)\\s+(${UNIT_ALT})\\b(?!\\s+and\\s+a\\s+half)`, // a year → 1 (soft)
    `\\bthree[\\s-]quarters\\s+of\\s+an?\\s+(${UNIT_ALT})\\b`, // three-quarters of an hour → 0.75
  ].join('|'),
  'giu',
);
const AMOUNTS = [1.5, 0.5, 0.25, 2, 1, 0.75];
const RATE_BEFORE =
  /(?:\d|\b(?:once|twice|times|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\b)(?:\s+[\p{L}'’-]+){0,2}\s*$/u;

/** Quantities written without digits. */
export function spelledQuantities(text: string): SpelledQuantity[] {
  const out: SpelledQuantity[] = [];
  for (const match of text.matchAll(SPELLED)) {
    const group = match.slice(1).findIndex((g) => g !== undefined);
    if (group < 0) continue;
    // "four trains an hour", "twice a week": a rate's "per", not an amount of one.
    const before = text.slice(Math.max(0, (match.index ?? 0) - 30), match.index).toLowerCase();
    if (group === 4 && RATE_BEFORE.test(before)) continue;
    out.push({
      amount: AMOUNTS[group],
      unit: unitKey(match[group + 1]),
      text: match[0],
      soft: group === 4,
    });
  }
  return out;
}

/** "9 am" → "9:00", "5.30pm" → "17:30", "09:00" → "9:00": one spelling for a time of day. */
export function clockTime(raw: string, meridiem?: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(raw);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] ?? '00';
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  } else if (m[2] === undefined || raw.includes('.')) return undefined;
  if (hour > 24 || Number(minute) > 59) return undefined;
  return `${hour}:${minute}`;
}
