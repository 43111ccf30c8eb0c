// Units and rates written after a number: "23 lb" where the context says "23 kg", "65 V" for
// "65 W", "100 requests per second" for "per minute". Amounts in units with a known scale are
// compared as quantities (quantities.ts); these are the units the check can only compare by name.
import { stem } from '../../text/analyze.js';
import type { NumberMention } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import { CURRENCY_CODES } from './claim-wording.js';
import { canonicalTerm } from './word-classes.js';

// Units of measure beyond the ones amounts are converted in (quantities.ts): a number followed by
// one of these, or by a word the context itself puts after a number, is a measurement.
const MEASURE_UNITS: ReadonlySet<string> = new Set(
  `lb lbs pound ounce oz teaspoon tablespoon tsp tbsp cup pint gallon inch foot feet yard mile
  v volt w watt kw kwh wh mah hz ghz mhz mph kph rpm psi bar calorie kcal pixel dpi cm mm km kg mg g
  ml l percent degree euro dollar gbp`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => canonicalTerm(stem(w))),
);

// Spellings of one unit ("65 W" and "65 watts", "2 tbsp" and "2 tablespoons", "€5" and "5
// euros"): a correct answer that spells out what the context abbreviates names the same unit.
const UNIT_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['w', 'watt'],
  ['kw', 'kilowatt'],
  ['kwh', 'kilowatthour'],
  ['v', 'volt'],
  // "£15" and "15 pounds", "50 lb" and "50 pounds": the word cannot tell weight from money.
  ['lb', 'lbs', 'pound', 'gbp'],
  ['oz', 'ounce'],
  ['tsp', 'teaspoon'],
  ['tbsp', 'tablespoon'],
  ['hz', 'hertz'],
  ['ghz', 'gigahertz'],
  ['mhz', 'megahertz'],
  ['in', 'inch'],
  ['ft', 'foot', 'feet'],
  ['mi', 'mile'],
  ['kcal', 'calorie'],
  ['euro', 'eur'],
  ['dollar', 'usd'],
  ['percent', 'pct'],
];
const UNIT_KEY: ReadonlyMap<string, string> = new Map(
  UNIT_SYNONYMS.flatMap(([first, ...rest]) =>
    [first, ...rest].map((w) => [canonicalTerm(stem(w)), canonicalTerm(stem(first))] as const),
  ),
);
const unitKeyOf = (word: string): string => UNIT_KEY.get(word) ?? word;
for (const word of UNIT_KEY.keys()) (MEASURE_UNITS as Set<string>).add(word);
/** The unit keys of a mention: the word or unit after it and the currency symbol before it. */
function unitKeys(m: NumberMention): string[] {
  const keys: string[] = [];
  if (m.word !== undefined) keys.push(unitKeyOf(m.word));
  // "30°C" has no word after it, but its unit names it as well as "30 degrees" does.
  if (m.unit !== undefined && m.unit !== m.word) keys.push(unitKeyOf(m.unit));
  if (m.currency !== undefined) keys.push(currencyKey(m.currency));
  return keys;
}
const currencyKey = (currency: string): string => unitKeyOf(canonicalTerm(stem(currency)));

/**
 * The unit a stated number carries differs from every unit the context puts with that number:
 * the word after it ("23 lb" where the context says "23 kg", "65 V" for "65 W") or a currency
 * symbol before it ("$5" for "€5"), spellings of one unit counting as one ("65 watts" for "65 W").
 * A changed rate is rateDiffers.
 */
export function unitWordDiffers(n: NumberMention, index: ContextIndex): boolean {
  const stated = index.mentions.get(n.value) ?? [];
  if (stated.length === 0 || n.label) return false;
  const answerKey =
    n.currency !== undefined
      ? currencyKey(n.currency)
      : n.word !== undefined && (MEASURE_UNITS.has(n.word) || index.numbers.some((m) => m.word === n.word))
        ? unitKeyOf(n.word)
        : undefined;
  const statedKeys = new Set(stated.flatMap(unitKeys));
  // Some mention names a unit and none this one ("between 23 and 32 kg" names none for 23).
  return answerKey !== undefined && statedKeys.size > 0 && !statedKeys.has(answerKey);
}

/**
 * The rate differs: "£1 per hour" where the context states £1 only per minute, "45p per km" for
 * "45p per mile". Checked whatever the amount's unit ("£1" equals "£1"; the rate is what changed).
 */
export function rateDiffers(n: NumberMention, index: ContextIndex): boolean {
  if (n.per === undefined || n.label) return false;
  const stated = index.mentions.get(n.value) ?? [];
  return stated.some((m) => m.per !== undefined) && stated.every((m) => m.per !== n.per);
}

// Currency names a number may carry after it ("15 euros", "15 francs"); codes ("15 CHF") are
// CURRENCY_CODES.
const CURRENCY_WORDS: ReadonlySet<string> = new Set(
  'pound pounds euro euros dollar dollars p pence cent cents franc francs yen yuan rupee rupees rand peso pesos krona kronor krone kroner zloty real reais dinar dirham baht won ringgit lira quid buck bucks'
    .split(' ')
    .map((w) => canonicalTerm(stem(w))),
);

/**
 * An amount of money the context states only as another quantity ("£15" where the context says
 * "15 minutes"), so a sum may make it. Not where the context's figure is money or a rate ("£15 a
 * day" read back as "$15 a day" or "£15 an hour").
 */
export function moneyStatedOnlyAsAnotherQuantity(n: NumberMention, index: ContextIndex): boolean {
  if (n.currency === undefined || rateDiffers(n, index)) return false;
  return !(index.mentions.get(n.value) ?? []).some(
    (m) =>
      m.currency !== undefined ||
      (m.word !== undefined && (CURRENCY_WORDS.has(m.word) || CURRENCY_CODES.has(m.word))) ||
      m.per !== undefined,
  );
}
