// One spelling for wordings that state the same fact, applied to answer claims and context clauses
// alike (claim-facts.ts), so the number, unit and polarity checks compare like with like: "11 at
// night" = "23:00", "6 to 9 am" = "6 am to 9 am", "noon" = "12 pm", "30 miles per hour" = "30 mph",
// "No reservation is required" = "A reservation is not required".

const HOUR = String.raw`(\d{1,2}(?:[:.]\d{2})?)`;
const TO = String.raw`\s*(?:to|until|till|through|[-–])\s*`;

/** The hour of a "h" or "h:mm" / "h.mm" time, 12 read as 0 (so "11 to 12 pm" runs forwards). */
const hourOf = (time: string): number => Number(time.split(/[:.]/)[0]) % 12;

/**
 * "6 to 9 am" → "6 am to 9 am": a meridiem written once covers both ends of a range. A start
 * later on the clock than the end crosses noon or midnight ("10 to 2 pm" = "10 am to 2 pm").
 */
function spreadMeridiem(text: string): string {
  return text.replace(
    new RegExp(String.raw`\b${HOUR}${TO}${HOUR}\s?(am|pm)\b`, 'giu'),
    (all, from: string, to: string, meridiem: string) => {
      if (Number(from.split(/[:.]/)[0]) > 12 || Number(to.split(/[:.]/)[0]) > 12) return all;
      const lower = meridiem.toLowerCase();
      const first = hourOf(from) <= hourOf(to) ? lower : lower === 'am' ? 'pm' : 'am';
      return `${from} ${first} to ${to} ${lower}`;
    },
  );
}

/** "11 at night" → "11 pm", "2 at night" → "2 am", "12 at night" → "12 am". */
function nightHours(text: string): string {
  return text.replace(
    new RegExp(String.raw`\b${HOUR}\s+(?:o['’]clock\s+)?at\s+night\b`, 'giu'),
    (all, time: string) => {
      const hour = Number(time.split(/[:.]/)[0]);
      if (hour < 1 || hour > 12) return all;
      return `${time} ${hour >= 6 && hour < 12 ? 'pm' : 'am'}`;
    },
  );
}

// Whole-word spellings of one unit or time; the short form is what the number extractor reads.
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmiles?\s+(?:per|an|a)\s+hour\b/giu, 'mph'],
  [/\b(?:kilomet(?:re|er)s?|kms?)\s+(?:per|an|a)\s+hour\b|\bkm\/h\b/giu, 'kph'],
  // "noon" and "midnight" as times of day, not "noon–2 pm" ranges' words alone.
  [/\b(?:12\s+)?(?:noon|midday)\b/giu, '12 pm'],
  [/\b(?:12\s+)?midnight\b/giu, '12 am'],
];

// "No X is required" states the same polarity as "X is not required"; the negation check reads
// "not", never "no" (which also writes "at no extra cost"), so the first is rewritten.
const NO_REQUIREMENT =
  /\bno\s+((?:[\p{L}-]+\s+){0,3}?)(is|are|was|were|will\s+be)\s+(required|needed|necessary|allowed|permitted|accepted)\b/giu;

// "without a fee" = "no fee" = "free" (claim-facts.ts reads "at no cost" as "free" too).
const NO_FEE =
  /\b(?:without|no)\s+(?:an?\s+|any\s+)?(?:extra\s+|additional\s+)?(?:fee|fees|payment|charges)\b/giu;

// "There is no need to book" = "you do not need to book"; a walk-in or drop-in service is one used
// without an appointment (the negation check then reads both as negated, like "No X is needed").
const NO_NEED = /\bno\s+need\b/giu;
const WALK_IN = /\b(?:walk|drop)[- ]ins?\b(?!\s+(?:closet|wardrobe|shower|freezer|fridge|cooler|bath))/giu;

// Each rewrite runs only when its key word is present (this is on the hot path: every claim,
// clause and segment is normalised); the tests cannot match without it, so the result is the same.
export function normalizeWording(text: string): string {
  let out = /night/i.test(text) ? nightHours(text) : text;
  if (/\b(?:without|no)\b/i.test(out)) out = out.replace(NO_FEE, 'free').replace(NO_NEED, 'not need');
  if (/\b(?:walk|drop)[- ]in/i.test(out)) out = out.replace(WALK_IN, 'without appointment');
  // "7 in the morning" = "7 am", before a range "7 to 11 in the morning" spreads it.
  if (/morning|afternoon|evening/i.test(out))
    out = out.replace(
      /\b(\d{1,2})\s+in\s+the\s+(morning|afternoon|evening)\b/giu,
      (_, h: string, part: string) => (part.toLowerCase() === 'morning' ? `${h} am` : `${h} pm`),
    );
  if (/hour|noon|midday|midnight|km\/h/i.test(out))
    for (const [pattern, replacement] of SPELLINGS) out = out.replace(pattern, replacement);
  if (/[ap]m\b/i.test(out)) out = spreadMeridiem(out);
  if (!/\bno\b/i.test(out)) return out;
  return out.replace(NO_REQUIREMENT, (_, what: string, verb: string, state: string) => {
    return `${what.trim() || 'it'} ${verb} not ${state}`;
  });
}

// Currency codes read as units after or before an amount ("15 USD" = "$15"), never as names.
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  'usd eur gbp chf jpy cad aud nzd sek nok dkk pln czk huf inr cny hkd sgd zar brl mxn'.split(' '),
);
