// Units and rates written after a number: "23 lb" where the context says "23 kg", "65 V" for
// "65 W", "100 requests per second" for "per minute". Amounts in units with a known scale are
// compared as quantities (quantities.ts); these are the units the check can only compare by name.
import { stem } from '../../text/analyze.js';
import type { NumberMention } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import { canonicalTerm } from './word-classes.js';

// Units of measure beyond the ones amounts are converted in (quantities.ts): a number followed by
// one of these, or by a word the context itself puts after a number, is a measurement.
const MEASURE_UNITS: ReadonlySet<string> = new Set(
  `lb lbs pound ounce oz teaspoon tablespoon tsp tbsp cup pint gallon inch foot feet yard mile
  v volt w watt kw kwh mah hz ghz mhz mph kph psi bar calorie kcal pixel dpi cm mm km kg mg g ml l
  percent degree euro dollar`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => canonicalTerm(stem(w))),
);

/**
 * The word after a stated number is not one the context puts after it ("23 lb" where the context
 * says "23 kg", "65 V" for "65 W"), and is either unknown to the context or a unit it uses for
 * other numbers; or the rate differs ("per second" where the context says "per minute").
 */
export function unitWordDiffers(n: NumberMention, index: ContextIndex): boolean {
  const stated = index.mentions.get(n.value) ?? [];
  if (stated.length === 0 || n.label) return false;
  const word = n.word;
  if (
    word !== undefined &&
    // Some mention names a unit and none this one ("between 23 and 32 kg" names none for 23).
    stated.some((m) => m.word !== undefined) &&
    !stated.some((m) => m.word === word) &&
    (MEASURE_UNITS.has(word) || index.numbers.some((m) => m.word === word))
  )
    return true;
  return (
    n.per !== undefined && stated.some((m) => m.per !== undefined) && stated.every((m) => m.per !== n.per)
  );
}
