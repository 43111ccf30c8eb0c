// Numbers an answer may state without the context stating them: one step of arithmetic on the
// numbers near the aligned context sentence and in the question (6 × 200 mg = 1,200 mg; 1930 −
// 1889 = 41 years; 28 of 40 = 70 %), a unit ratio ("every 15 minutes" → four an hour), a value
// inside a stated range ("between 23 kg and 32 kg" → 30 kg), and a date a stated number of days
// from a stated date (3 June + 7 days = 10 June). One step only, and from the aligned
// neighbourhood only: the further the search goes, the more wrong numbers it would excuse.
import type { NumberMention } from './claim-facts.js';
import { type Quantity, sameQuantity, unitKey, unitSize, UNIT_WORDS } from './quantities.js';

/** Equal up to floating-point rounding. */
export const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
// A percentage worked out from two counts is usually rounded ("27 of 40 = 68 %").
const closePercent = (a: number, b: number) => Math.abs(a - b) <= 0.5;

const RISE_WORDS = /\b(?:increase[sd]?|rise|rose|risen|grew|grown|growth|up|higher|more)\b/i;
const FALL_WORDS =
  /\b(?:decrease[sd]?|fall|fell|fallen|drop(?:ped)?|declined?|down|lower|less|fewer|cut|reduction|reduced)\b/i;

// The claim calls its figure a total or says what was added or taken off ("comes to", "with the
// fee", "less the discount", "bringing it to").
const TOTAL_CUE =
  /\b(?:total|totals|altogether|in\s+all|overall|comes?\s+to|came\s+to|works?\s+out\s+(?:at|to)|bringing|making|plus|including|with\s+the|less|minus|after\s+the|so\s+you(?:['’]d|\s+would|\s+will)?\s+pay)\b/i;

/**
 * n is a + b or a − b, in one currency, where the claim says it is a total (a booking with a fee,
 * a subtotal less a discount). Never a rate: "£3,900 per hour" is no total of anything.
 */
export function addsTo(n: NumberMention, a: NumberMention, b: NumberMention, claimText: string): boolean {
  if (n.amount === undefined || a.amount === undefined || b.amount === undefined) return false;
  if (n.currency !== a.currency || n.currency !== b.currency) return false;
  if (n.per !== undefined || a.per !== undefined || b.per !== undefined || !TOTAL_CUE.test(claimText))
    return false;
  return [a.amount + b.amount, Math.abs(a.amount - b.amount)].some((v) => close(v, n.amount as number));
}

/** True when `target` follows from two of `operands` by +, −, ×, ÷ (or a percentage of one in the other). */
export function derivable(
  target: NumberMention,
  operands: readonly NumberMention[],
  claimText: string,
  /**
   * The aligned context's words, for the direction of clock arithmetic and the shares it states;
   * left out (unit tests of the arithmetic alone), a share the claim names is taken as given.
   */
  contextText?: string,
): boolean {
  const x = target.amount;
  if (x === undefined) return false;
  // Times of day go through clock arithmetic only: 23:00 and 07:00 are 8 hours apart, not 16.
  const stated = operands.filter(
    (o) => o.amount !== undefined && o.amount !== x && clockMinutes(o) === undefined,
  );
  const amounts = stated.map((o) => o.amount as number);
  for (let i = 0; i < amounts.length; i++) {
    for (let j = i + 1; j < amounts.length; j++) {
      // One amount said twice ("12 weeks, which is 84 days") is no pair to work from: 84 ÷ 12 = 7
      // would back any "7".
      const [qi, qj] = [stated[i].quantity, stated[j].quantity];
      if (qi && qj && sameQuantity(qi, qj)) continue;
      const [a, b] = [amounts[i], amounts[j]];
      const [aPercent, bPercent] = [isPercent(stated[i]), isPercent(stated[j])];
      if (aPercent !== bPercent) {
        // A percentage scales an amount and is never added to or taken from it: 15 % off £80 is
        // £68 (or £12 off), never £65.
        const [rate, base] = aPercent ? [a, b] : [b, a];
        if ([(base * rate) / 100, base * (1 - rate / 100), base * (1 + rate / 100)].some((v) => close(v, x)))
          return true;
        continue;
      }
      if ([a + b, Math.abs(a - b), a * b].some((v) => close(v, x))) return true;
      if ((b !== 0 && close(a / b, x)) || (a !== 0 && close(b / a, x))) return true;
      if (target.quantity?.dim === 'percent' && b !== 0 && a !== 0) {
        if (closePercent((100 * a) / b, x) || closePercent((100 * b) / a, x)) return true;
        // A rise is a share of the smaller figure, a fall of the larger: 1,250 to 1,400 is a 12 %
        // increase (150 of 1,400, 11 %, takes the wrong base). Only where the claim says which.
        const base = RISE_WORDS.test(claimText)
          ? Math.min(a, b)
          : FALL_WORDS.test(claimText)
            ? Math.max(a, b)
            : 0;
        if (base !== 0 && closePercent((100 * Math.abs(a - b)) / base, x)) return true;
      }
    }
  }
  // "a third off £54" is £36: a share the claim names, of one stated amount, or what is left, where
  // the context states that share (the claim naming a discount does not make one).
  let shares: number[] | undefined;
  for (const share of namedShares(claimText))
    if (
      contextText === undefined ||
      (shares ??= statedShares(contextText, stated)).some((s) => close(s, share) || close(s, 1 - share))
    )
      if (amounts.some((a) => close(a * share, x) || close(a * (1 - share), x))) return true;
  if (clockArithmetic(target, operands, claimText, contextText ?? '')) return true;
  return target.quantity ? derivableQuantity(target.quantity, operands) : unitRatio(x, operands, claimText);
}

const SHARE_WORDS: Readonly<Record<string, number>> = {
  half: 1 / 2,
  third: 1 / 3,
  quarter: 1 / 4,
  fifth: 1 / 5,
};
// A share of an amount: "a third off", "one-third discount", "two-thirds of", "half price",
// "half-price", "half the usual rate", "a third less". Not an ordinal or a size ("the third
// floor", "half past", "the half-size pool").
const SHARE =
  /\b(?:(?:a|one|two|three|four)[\s-]+)?(half|third|quarter|fifth)s?(?=[\s-]+(?:of|off|price|priced|discount|reduction|less|cheaper)\b|\s+the\s+(?:\p{L}+\s+)?(?:price|fare|cost|fee|rate)\b|\s*[,.;:)]|\s*$)/giu;

/** The fractions a claim names in words ("half", "a third off", "three-quarters"). */
function namedShares(claimText: string): number[] {
  return [...claimText.matchAll(SHARE)].map((m) => SHARE_WORDS[m[1].toLowerCase()]);
}

// A percentage is a stated share when it rounds to one or what is left of it ("33%" or "67%" for
// a third, "50% off" for half).
const SHARE_TOLERANCE = 0.01;

/** The shares a context states: in words ("a third less", "half price") or as a percentage. */
function statedShares(contextText: string, operands: readonly NumberMention[]): number[] {
  const percents = operands.filter(isPercent).map((o) => (o.amount as number) / 100);
  return [...namedShares(contextText), ...percents].flatMap((v) =>
    Object.values(SHARE_WORDS).filter(
      (s) => Math.abs(s - v) <= SHARE_TOLERANCE || Math.abs(1 - s - v) <= SHARE_TOLERANCE,
    ),
  );
}

const MINUTES_A_DAY = 24 * 60;
const clockMinutes = (m: NumberMention): number | undefined => {
  const time = /^(\d{1,2}):(\d{2})$/.exec(m.value);
  return time ? Number(time[1]) * 60 + Number(time[2]) : undefined;
};
const durationMinutes = (m: NumberMention): number | undefined =>
  m.quantity?.dim === 'time' && m.quantity.base < 86_400 ? m.quantity.base / 60 : undefined;

// Arithmetic runs forwards (past midnight too: 23:40 plus 1 h 30 is 01:10) unless the claim or
// the aligned context says it runs back ("be there 30 minutes before", "boarding closes 40
// minutes before the 09:35").
export const BACKWARDS = /\b(?:before|earlier|ahead|prior|beforehand)\b/i;

/**
 * Timetable arithmetic: a time of day that is a stated time plus a stated duration (the 09:35
 * "gets in at 11:25" after 1 hour 50 minutes; minus one only with "before", "earlier"…), or the
 * duration from one stated time to a later-stated one ("09:00 to 17:00" is 8 hours, "23:00 to
 * 07:00" is 8 hours across midnight; never the other way round the clock).
 */
function clockArithmetic(
  target: NumberMention,
  operands: readonly NumberMention[],
  claimText: string,
  /** The aligned context: "closes 40 minutes before the 09:35 departure" runs backwards too. */
  contextText: string,
): boolean {
  const times = operands.map(clockMinutes).filter((t): t is number => t !== undefined);
  if (times.length === 0) return false;
  const wrap = (m: number) => ((m % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY;
  const at = clockMinutes(target);
  if (at !== undefined) {
    const backwards = BACKWARDS.test(claimText) || BACKWARDS.test(contextText);
    const spans = operands.map(durationMinutes).filter((d): d is number => d !== undefined && d > 0);
    return times.some((t) => spans.some((d) => wrap(t + d) === at || (backwards && wrap(t - d) === at)));
  }
  const span = durationMinutes(target);
  if (span === undefined || span <= 0) return false;
  for (let i = 0; i < times.length; i++)
    for (let j = i + 1; j < times.length; j++) if (wrap(times[j] - times[i]) === span) return true;
  return false;
}

export const isPercent = (m: NumberMention): boolean => m.quantity?.dim === 'percent';

/** Sums and differences of two amounts of the same kind, or one amount times a count. */
function derivableQuantity(q: Quantity, operands: readonly NumberMention[]): boolean {
  const same = operands.map((o) => o.quantity).filter((o): o is Quantity => o?.dim === q.dim);
  const counts = operands.filter((o) => !o.quantity && o.amount !== undefined).map((o) => o.amount as number);
  for (let i = 0; i < same.length; i++) {
    for (let j = i + 1; j < same.length; j++) {
      const [a, b] = [same[i].base, same[j].base];
      if ([a + b, Math.abs(a - b)].some((v) => sameQuantity(q, { dim: q.dim, base: v }))) return true;
    }
    for (const n of counts)
      if (n > 0 && [same[i].base * n, same[i].base / n].some((v) => sameQuantity(q, { dim: q.dim, base: v })))
        return true;
  }
  return false;
}

const UNIT_MENTION = new RegExp(
  `\\b(?:an?|per|each|every)\\s+(${UNIT_WORDS.filter((w) => w.length > 2).join('|')})\\b`,
  'giu',
);

/** "every 15 minutes … four an hour": a bare count that is a unit the claim names over a stated amount. */
function unitRatio(x: number, operands: readonly NumberMention[], claimText: string): boolean {
  for (const match of claimText.matchAll(UNIT_MENTION)) {
    const size = unitSize(unitKey(match[1]));
    if (!size) continue;
    for (const o of operands)
      if (o.quantity?.dim === size.dim && o.quantity.base > 0 && close(size.base / o.quantity.base, x))
        return true;
  }
  return false;
}

// "between 23 kg and 32 kg", "23–32 kg", "from 18 to 25 years".
const RANGE =
  /\b(?:between\s+)?(\d+(?:[.,]\d+)?)\s*([\p{L}%]*)\s*(?:and|to|–|—|-)\s*(\d+(?:[.,]\d+)?)\s*([\p{L}%]*)/giu;

/** True when the target lies strictly inside a range one of the texts states. */
export function insideStatedRange(target: NumberMention, texts: readonly string[]): boolean {
  if (target.amount === undefined) return false;
  for (const text of texts) {
    for (const m of text.matchAll(RANGE)) {
      const lo = Number(m[1].replace(',', ''));
      const hi = Number(m[3].replace(',', ''));
      if (!(lo < hi)) continue;
      const unit = m[4] || m[2];
      // The range must be in the target's unit, or both must be bare.
      if ((target.unit ?? '') !== (unit ? unitKey(unit) : '') && !(unit && target.quantity)) continue;
      if (target.quantity && unit) {
        const lq = unitSize(unitKey(unit));
        if (!lq || lq.dim !== target.quantity.dim) continue;
        const v = target.quantity.base / lq.base;
        if (v > lo && v < hi) return true;
      } else if (target.amount > lo && target.amount < hi) return true;
    }
  }
  return false;
}

/** The months, lower-case, January first. */
export const MONTHS: readonly string[] =
  'january february march april may june july august september october november december'.split(' ');
const MONTH_ALT = MONTHS.join('|');
// "14 October", "14 October 2024", "October 14, 2024".
const YEAR = String.raw`(?:,?\s+((?:19|20)\d\d))?`;
const DATE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\b${YEAR}|\\b(${MONTH_ALT})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b${YEAR}`,
  'giu',
);
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export interface DayDate {
  text: string;
  /** Day of a non-leap year, 0-based. */
  day: number;
  month: string;
  dayOfMonth: string;
  /** The year written with it, when one is. */
  year?: number;
}

export function findDates(text: string): DayDate[] {
  const out: DayDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const month = (m[2] ?? m[4]).toLowerCase();
    const dom = Number(m[1] ?? m[5]);
    const year = m[3] ?? m[6];
    if (dom < 1 || dom > 31) continue;
    out.push({
      text: m[0],
      day: MONTH_START[MONTHS.indexOf(month)] + dom - 1,
      month,
      dayOfMonth: String(dom),
      ...(year ? { year: Number(year) } : {}),
    });
  }
  return out;
}

/**
 * A claimed date that is a stated date plus or minus a stated whole number of days or weeks, or
 * plus a whole number of months or years the aligned context or the question states (minus only
 * when `backwards`: "two months before"). When the claimed date has a year, the stated one must
 * have one too and the arithmetic must reach it.
 */
export function derivableDate(
  date: DayDate,
  dates: readonly DayDate[],
  operands: readonly NumberMention[],
  monthOperands: readonly NumberMention[] = operands,
  backwards = true,
): boolean {
  const spans = operands
    .map((o) => (o.quantity?.dim === 'time' ? o.quantity.base / 86_400 : undefined))
    .filter((d): d is number => d !== undefined && Number.isInteger(d));
  // "six months from 14 October" is 14 April: whole months keep the day of the month.
  const monthSpans = monthOperands
    .map((o) =>
      o.unit === 'month' ? Number(o.value) : o.unit === 'year' ? 12 * Number(o.value) : Number.NaN,
    )
    .filter((m) => Number.isInteger(m) && m > 0);
  const monthOf = (d: DayDate) => MONTHS.indexOf(d.month);
  const yearFits = (from: DayDate, yearsOn: number) =>
    date.year === undefined || (from.year !== undefined && from.year + yearsOn === date.year);
  return dates.some((d) => {
    for (const s of spans) {
      if ((d.day + s) % 365 === date.day && yearFits(d, Math.floor((d.day + s) / 365))) return true;
      if (
        backwards &&
        (d.day - s + 365 * 100) % 365 === date.day &&
        yearFits(d, Math.floor((d.day - s) / 365))
      )
        return true;
    }
    if (d.dayOfMonth !== date.dayOfMonth) return false;
    return monthSpans.some(
      (m) =>
        ((monthOf(d) + m) % 12 === monthOf(date) && yearFits(d, Math.floor((monthOf(d) + m) / 12))) ||
        (backwards &&
          (((monthOf(d) - m) % 12) + 12) % 12 === monthOf(date) &&
          yearFits(d, Math.floor((monthOf(d) - m) / 12))),
    );
  });
}
