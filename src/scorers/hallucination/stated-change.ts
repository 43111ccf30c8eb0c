// A claim's figure in the place of a stated one (replacesAlignedNumber), and the two kinds of
// arithmetic a claim may still do there (claim-check.ts refuses ordinary arithmetic there: two
// nearby figures can make almost any number): the user's own figure, restated, times a stated
// amount ("3 loaves" × £4.20 = £12.60), and the change between two figures of one sentence, said
// to be a change that way ("rose by 150" for 1,250 then 1,400). And which figures are years.
import { escapeRegExp } from '../../text/escape-regexp.js';
import type { NumberMention } from './claim-facts.js';
import { close } from './number-reasoning.js';
import { sameQuantity } from './quantities.js';

/**
 * The claim's figure is a figure of the question, which the claim restates, times one of the
 * context's ("three loaves" at £4.20, "£250" at 1.16): the total the question asks for. Not the
 * same rate ("£50 per pet" for 2 dogs at £25 per pet doubles the rate; "£50 a night" is the total),
 * and never a sum, difference or quotient with the question's figures: those reach a wrong figure
 * as easily as a right one.
 */
export function timesTheQuestion(
  n: NumberMention,
  operands: readonly NumberMention[],
  questionNumbers: readonly NumberMention[],
  claimNumbers: readonly NumberMention[],
  claimText = '',
  contextText = '',
): boolean {
  if (n.amount === undefined || questionNumbers.length === 0) return false;
  const asked = new Set(questionNumbers.map((q) => q.value));
  const restated = new Set(claimNumbers.map((m) => m.value));
  const stated = operands.filter(
    (o) => o.amount !== undefined && !asked.has(o.value) && !o.value.includes(':'),
  );
  return questionNumbers.some(
    (q) =>
      q.amount !== undefined &&
      restated.has(q.value) &&
      stated.some(
        (c) =>
          close((q.amount as number) * (c.amount as number), n.amount as number) &&
          // Said with the same rate words as the stated figure ("£50 per pet per night" where the
          // context says "£25 per pet per night"): the rate doubled, not a total.
          !sameRate(rateAfter(claimText, n.text), rateAfter(contextText, c.text)),
      ),
  );
}

/** The rate words right after a figure ("per pet per night", "a month", "each"), lower-cased. */
function rateAfter(text: string, figure: string): string {
  const found = new RegExp(
    `${escapeRegExp(figure)}\\s*((?:(?:per|a|an|each|every)\\s+[\\p{L}]+\\s*)+)`,
    'iu',
  ).exec(text);
  return found ? found[1].trim().toLowerCase().replace(/\s+/g, ' ') : '';
}

const sameRate = (a: string, b: string) => a !== '' && a === b;

// A change said of this very figure, with its direction: "rose by 150", "an increase of 150", "fell
// by 150", "a difference of 150". Not a comparison ("£7 more than"): two things' figures are no
// change of one.
const RISE =
  '(?:(?:rose|risen|rise|rising|grew|grown|increased|went\\s+up|gone\\s+up|up)\\s+by|(?:increase|rise|growth)\\s+of)';
const FALL =
  '(?:(?:fell|fallen|dropped|decreased|declined|went\\s+down|gone\\s+down|down)\\s+by|(?:decrease|fall|drop|decline)\\s+of)';
const EITHER = '(?:(?:changed|moved)\\s+by|(?:change|difference|gap)\\s+of)';
// "1,400 in 2023, up from 1,250": the figure written first is the later one.
const REVERSED = /\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b|\bagainst\b|\bversus\b|\bvs\b/i;

/**
 * "Enrolment rose by 150" where the aligned sentence states 1,250 then 1,400: the claim calls its
 * figure a change in a direction, and it is the difference of two figures of its kind in that
 * sentence, taken in time order (by the years written after them, else as written, reversed by
 * "up from") and going that way.
 */
export function changeBetween(
  n: NumberMention,
  aligned: { text: string; numbers: readonly NumberMention[] } | undefined,
  claimText: string,
): boolean {
  // Every change phrase ends in "by" or "of" ("rose by 150", "fell by three"): most claims have neither.
  if (n.amount === undefined || !aligned || !/\b(?:by|of)\s/i.test(claimText)) return false;
  const figure = `[£$€]?${escapeRegExp(n.text)}`;
  const said = (phrase: string) => new RegExp(`${phrase}\\s+${figure}`, 'iu').test(claimText);
  const direction = said(RISE) ? 1 : said(FALL) ? -1 : said(EITHER) ? 0 : undefined;
  if (direction === undefined) return false;
  const kind = (m: NumberMention, text: string) =>
    m.quantity ? m.quantity.dim : isYearMention(m, text) ? 'year' : 'count';
  const own = kind(n, claimText);
  const same = aligned.numbers.filter(
    (m) => m.amount !== undefined && !m.value.includes(':') && kind(m, aligned.text) === own,
  );
  for (let i = 0; i < same.length; i++)
    for (let j = i + 1; j < same.length; j++) {
      const [first, second] = inTimeOrder(same[i], same[j], aligned.text);
      const change = (second.amount as number) - (first.amount as number);
      if (!close(Math.abs(change), n.amount)) continue;
      if (direction === 0 || Math.sign(change) === direction) return true;
    }
  return false;
}

function inTimeOrder(a: NumberMention, b: NumberMention, text: string): [NumberMention, NumberMention] {
  const yearAfter = (m: NumberMention) => {
    const found = new RegExp(`${escapeRegExp(m.text)}\\D{0,24}?\\b((?:19|20)\\d\\d)\\b`).exec(text);
    return found ? Number(found[1]) : undefined;
  };
  const [ya, yb] = [yearAfter(a), yearAfter(b)];
  if (ya !== undefined && yb !== undefined && ya !== yb) return ya < yb ? [a, b] : [b, a];
  return REVERSED.test(text) ? [b, a] : [a, b];
}

/**
 * A four-digit figure from 1900 to 2099 written as a year: after "in", "since", "from", "by",
 * "until", "during", "before", "after" or a month, or in a "–" range of years. "Enrolment was
 * 2000 in 2023" and "a total of 2000" each have one year at most.
 */
export function isYearMention(m: NumberMention, text: string): boolean {
  if (!/^(?:19|20)\d\d$/.test(m.text)) return false;
  return new RegExp(
    `(?:\\b(?:in|since|from|by|until|till|during|before|after|year|january|february|march|april|may|june|july|august|september|october|november|december|\\d{1,2})\\s+|[–—-]\\s*)${m.text}\\b|\\b${m.text}\\s*[–—-]\\s*(?:19|20)?\\d\\d\\b`,
    'i',
  ).test(text);
}

/**
 * The claim's figure is the rate times a count of the rate's own unit that the claim states: "£15
 * for 3 hours" at "£5 per hour" is worked out from the rate, not put in its place (and "£8 for 3
 * hours" is neither: only the product counts; "£7 more" at "£12 a month" counts no months).
 */
function totalAtRate(n: NumberMention, rate: NumberMention, claimNumbers: readonly NumberMention[]): boolean {
  const [total, each] = [n.amount, rate.amount];
  if (rate.per === undefined || n.per !== undefined || total === undefined || each === undefined)
    return false;
  return claimNumbers.some(
    (c) => c !== n && c.unit === rate.per && c.amount !== undefined && close(c.amount * each, total),
  );
}

/**
 * The claim's number stands where the aligned sentence states another of the same kind (same
 * dimension, or both plain counts), which the claim does not repeat: "three approvals" for "two
 * approvals", "every 2 hours" for "every 4 hours".
 */
export function replacesAlignedNumber(
  n: NumberMention,
  claimNumbers: readonly NumberMention[],
  aligned: readonly NumberMention[],
  claimText = '',
  alignedText = '',
): boolean {
  const plain = (m: NumberMention) => !m.unit && !m.value.includes(':') && m.amount !== undefined;
  // A year is no count: "rose by 150" replaces neither 2022 nor 2023.
  const year = (m: NumberMention, text: string) => isYearMention(m, text);
  return aligned.some(
    (m) =>
      !totalAtRate(n, m, claimNumbers) &&
      (n.quantity
        ? m.quantity?.dim === n.quantity.dim
        : plain(n) && plain(m) && year(n, claimText) === year(m, alignedText)) &&
      !claimNumbers.some(
        (c) => c.value === m.value || (c.quantity && m.quantity && sameQuantity(c.quantity, m.quantity)),
      ),
  );
}
