// Working a claim shows ("1,800 ÷ 150 = 12", "77 °F (25 × 9/5 + 32)"): when the sum is right and
// its figures are the context's, its result and the conversion constants in it are worked out, not
// made up, in that claim. A wrong sum proves nothing here; the result is checked as any other number.

// A figure as answers write it: "£1,800", "9.5", "12%" (the sign and symbol are dropped).
const FIGURE = String.raw`[£$€]?\d[\d,]*(?:\.\d+)?%?`;
const OPERATOR = '[×xX*÷/+−–-]';
// Operators in words ("95 minutes minus 50", "£3.50 times 4").
const WORDED = String.raw`(?:plus|minus|times|multiplied\s+by|divided\s+by)`;
// Numbers in words are figures of their own, never part of a label.
const NUMBER_WORD = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|half|twice|once|dozen)`;
// Up to three words after a figure, naming what it counts ("£3.50 x 2 people x 3 nights", "14 in
// November plus 8 in December").
const LABEL = String.raw`(?:\s+(?!${WORDED}\b)(?!x\b)(?!${NUMBER_WORD}\b)[\p{L}]+){0,3}`;
// At most six operations: a long run of figures and dashes is no sum, and the pattern stays linear.
const EXPRESSION = String.raw`${FIGURE}${LABEL}(?:\s*(?:${OPERATOR}|${WORDED}\b)\s*${FIGURE}${LABEL}){1,6}`;
// "A op B … = C", or "C … (A op B …)" with the sum in brackets after its result.
const EQUATION = new RegExp(String.raw`(${EXPRESSION})\s*(?:=|≈|equals|is)\s*(${FIGURE})`, 'giu');
// Up to four words between a result and its bracket, each split from the next by a space so a run
// of letters is read one way only (a pattern that may split it anywhere is slow on long words).
const BRACKETED = new RegExp(
  String.raw`(${FIGURE})(?:\s*[\p{L}°]+(?:\s+[\p{L}°]+){0,3})?\s*\(\s*(${EXPRESSION})\s*\)`,
  'giu',
);

// Constants of everyday conversions, which no context states, each with the words that must be
// in the claim or the context for it to apply (× 365 turns a daily amount into a yearly one, not a
// monthly one).
const CONSTANTS: ReadonlyArray<readonly [number, RegExp]> = [
  [5, /°|fahrenheit|celsius/i],
  [9, /°|fahrenheit|celsius/i],
  [32, /°|fahrenheit|celsius/i],
  [60, /\b(?:hours?|hourly|minutes?|mins?|seconds?|secs?|h)\b/i],
  [24, /\b(?:days?|daily|hours?|hourly)\b/i],
  [7, /\b(?:weeks?|weekly|days?|daily|nights?)\b/i],
  [52, /\b(?:weeks?|weekly)\b/i],
  [12, /\b(?:months?|monthly|dozen)\b/i],
  [365, /\b(?:days?|daily|nights?)\b/i],
  [100, /%|\bper\s*cent\b|\bpercent|\bcents?\b|\bpence\b|\bp\b|\bcm\b/i],
  [
    1000,
    /\b(?:k?g|grams?|kilo\w*|m?l|litres?|liters?|millilitres?|k?m|metres?|meters?|kilometres?|thousand|k)\b/i,
  ],
];
// A cheap test before the patterns: an operator between figures, perhaps after a figure's words.
const SUM_HINT = new RegExp(String.raw`\d${LABEL}\s*(?:${OPERATOR}|${WORDED}\b)\s*[£$€]?\d`, 'iu');

// A constant labelled with its own unit, and the period it converts to, which the claim must name.
const PERIODS: ReadonlyArray<readonly [number, RegExp, RegExp]> = [
  [12, /^\s*months?\b/i, /\b(?:years?|yearly|annual\p{L}*|a\s+year)\b/iu],
  [52, /^\s*weeks?\b/i, /\b(?:years?|yearly|annual\p{L}*)\b/iu],
  [365, /^\s*days?\b/i, /\b(?:years?|yearly|annual\p{L}*)\b/iu],
  [7, /^\s*(?:days?|nights?)\b/i, /\b(?:weeks?|weekly)\b/i],
  [24, /^\s*hours?\b/i, /\b(?:days?|daily)\b/i],
  [60, /^\s*(?:minutes?|mins?|seconds?|secs?)\b/i, /\b(?:hours?|hourly|minutes?)\b/i],
];

const constantApplies = (a: number, words: string) =>
  CONSTANTS.some(([value, applies]) => value === a && applies.test(words));

const amountOf = (figure: string): number => Number(figure.replace(/[£$€,%]/g, ''));

/**
 * The value of "A op B op C …" with × and ÷ before + and −; undefined when it divides by zero.
 * Working written in words ("14 in November plus 8 in December times £5") may mean either order:
 * there, a sum mixing + or − with × or ÷ has a value only when reading left to right gives the same.
 */
export function evaluate(expression: string): number | undefined {
  const parsed = parse(expression);
  if (!parsed) return undefined;
  const ranked = withPrecedence(parsed.figures, parsed.operators);
  if (ranked === undefined || !new RegExp(String.raw`\b${WORDED}\b`, 'iu').test(expression)) return ranked;
  const kinds = new Set(parsed.operators.map((op) => ('×xX*÷/'.includes(op) ? 'times' : 'plus')));
  if (kinds.size < 2) return ranked;
  const inOrder = leftToRight(parsed.figures, parsed.operators);
  return inOrder !== undefined && Math.abs(inOrder - ranked) < 1e-9 ? ranked : undefined;
}

function parse(expression: string): { figures: number[]; operators: string[] } | undefined {
  // "2 guests three nights": a number in words is a figure the sum cannot read.
  if (new RegExp(String.raw`\b${NUMBER_WORD}\b`, 'iu').test(expression)) return undefined;
  const figures = [...expression.matchAll(new RegExp(FIGURE, 'gu'))].map((m) => amountOf(m[0]));
  // Operators in words become signs, and the words naming what a figure counts go.
  const bare = expression
    .replace(new RegExp(FIGURE, 'gu'), ' ')
    .replace(/\bplus\b/giu, '+')
    .replace(/\bminus\b/giu, '−')
    .replace(/\b(?:times|multiplied\s+by)\b/giu, '×')
    .replace(/\bdivided\s+by\b/giu, '÷')
    .replace(/(?<![\p{L}])(?!x(?![\p{L}]))[\p{L}]+/giu, ' ');
  const operators = [...bare.matchAll(new RegExp(OPERATOR, 'gu'))].map((m) => m[0]);
  return operators.length === figures.length - 1 ? { figures, operators } : undefined;
}

function leftToRight(figures: readonly number[], operators: readonly string[]): number | undefined {
  let value = figures[0];
  for (let i = 0; i < operators.length; i++) {
    const [op, next] = [operators[i], figures[i + 1]];
    if ('×xX*'.includes(op)) value *= next;
    else if ('÷/'.includes(op)) {
      if (next === 0) return undefined;
      value /= next;
    } else value += op === '+' ? next : -next;
  }
  return value;
}

function withPrecedence(figures: readonly number[], operators: readonly string[]): number | undefined {
  // Products and quotients first, into terms that are then added or taken away.
  const terms: number[] = [figures[0]];
  const signs: number[] = [1];
  for (let i = 0; i < operators.length; i++) {
    const [op, next] = [operators[i], figures[i + 1]];
    if ('×xX*'.includes(op)) terms[terms.length - 1] *= next;
    else if ('÷/'.includes(op)) {
      if (next === 0) return undefined;
      terms[terms.length - 1] /= next;
    } else {
      terms.push(next);
      signs.push(op === '+' ? 1 : -1);
    }
  }
  return terms.reduce((sum, t, i) => sum + signs[i] * t, 0);
}

/** Right to the precision the result is written in ("£90.67", "about 12"). */
function sameToItsPrecision(value: number, written: string): boolean {
  const decimals = /\.(\d+)/.exec(written)?.[1].length ?? 0;
  return Math.abs(value - amountOf(written)) <= 0.5 * 10 ** -decimals + 1e-9;
}

/**
 * The amounts a claim's right sums work out, and the constants they use, when every other figure
 * in them is `backed` (stated by the context or the question). Only the claim that shows the
 * working is cleared by it; `context` is the aligned context, for the words a constant needs.
 */
export function workedOutAmounts(
  claim: string,
  backed: (amount: number) => boolean,
  context = '',
): Set<number> {
  return shownWorking(claim, backed, context).amounts;
}

/**
 * The amounts a claim's right sums back (`amounts`: each result with the unstated figures and
 * constants it used) and the results alone (`results`), which later steps of working may build on:
 * a constant ("× 12") or an unstated leaf is no figure to work from.
 */
export function shownWorking(
  claim: string,
  backed: (amount: number) => boolean,
  context = '',
): { amounts: Set<number>; results: Set<number> } {
  const out = new Set<number>();
  const results = new Set<number>();
  if (!SUM_HINT.test(claim)) return { amounts: out, results };
  const words = `${claim} ${context}`;
  const consider = (expression: string, result: string) => {
    const value = evaluate(expression);
    if (value === undefined || !sameToItsPrecision(value, result)) return;
    const figures = [...expression.matchAll(new RegExp(`(${FIGURE})(${LABEL})`, 'giu'))];
    const leaves = figures.map((m) => amountOf(m[1]));
    // A figure the context states in a unit a thousand times larger or smaller counts ("1.8
    // litres" is 1,800 ml).
    const stated = (a: number) => backed(a) || backed(a / 1000) || backed(a * 1000);
    // A figure with words of its own ("7 nights") is a count, which must be stated: a conversion
    // constant is a bare figure ("× 12"), or one labelled with its own unit where the claim names
    // the period it converts to ("£600 over a year (£50 × 12 months)"; not "£4 × 24 hours" for a
    // six-hour hire).
    const outside = claim.replace(expression, ' ');
    const constant = (m: RegExpMatchArray) => {
      const a = amountOf(m[1]);
      if (m[2].trim() === '') return constantApplies(a, words);
      const own = PERIODS.find(([value, unit]) => value === a && unit.test(m[2]));
      return own?.[2].test(outside) ?? false;
    };
    if (!figures.every((m) => stated(amountOf(m[1])) || constant(m) || out.has(amountOf(m[1])))) return;
    if (!leaves.some(stated)) return;
    out.add(amountOf(result));
    results.add(amountOf(result));
    for (const a of leaves) if (!stated(a)) out.add(a);
    // "9/5" is one figure to the number reader: its value is worked out too.
    for (const m of expression.matchAll(/(\d+)\s*\/\s*(\d+)/g)) out.add(Number(m[1]) / Number(m[2]));
  };
  for (const m of claim.matchAll(EQUATION)) consider(m[1], m[2]);
  for (const m of claim.matchAll(BRACKETED)) consider(m[2], m[1]);
  return { amounts: out, results };
}

/** "9/5" as a number (the number reader keeps a fraction as written); NaN for anything else. */
export function fractionValue(value: string): number {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  return m && Number(m[2]) !== 0 ? Number(m[1]) / Number(m[2]) : Number.NaN;
}
