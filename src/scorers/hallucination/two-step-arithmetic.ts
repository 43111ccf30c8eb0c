// Numbers two steps of arithmetic away from the stated ones: a total of a count times a price
// plus a fee, a difference of a sum and a stated amount, a unit price from a pack price and its
// size in cents. Kept apart from one-step reasoning (number-reasoning.ts) because two steps excuse
// many more wrong numbers: the calibrated model weighs it on its own.
import type { NumberMention } from './claim-facts.js';
import { close, isPercent } from './number-reasoning.js';
import { unitKey } from './quantities.js';

const MAX_OPERANDS = 8;
const MINOR_UNITS: ReadonlySet<string> = new Set(['cent', 'cents', 'pence', 'penny'].map(unitKey));

/** The values one operation on a and b gives (both orders for − and ÷). */
function combine(a: number, b: number): number[] {
  const out = [a + b, a - b, b - a, a * b];
  if (b !== 0) out.push(a / b);
  if (a !== 0) out.push(b / a);
  return out;
}

/** The amounts a mention can stand for: with cents or pence on either side, "50 cents" is also 0.5
 * of the main unit and "$1.20" also 120 of the minor one. */
function targetsOf(target: NumberMention, operands: readonly NumberMention[]): number[] {
  const x = target.amount;
  if (x === undefined) return [];
  return [target, ...operands].some(isMinor) ? [x, x / 100, x * 100] : [x];
}

/** Distinct positive amounts, percentages left out: they scale an amount (number-reasoning.ts). */
const plainAmounts = (operands: readonly NumberMention[]): number[] => [
  ...new Set(
    operands
      .filter((o) => !isPercent(o))
      .map((o) => o.amount)
      .filter((a): a is number => a !== undefined && a > 0),
  ),
];

const isMinor = (m: NumberMention): boolean =>
  (m.word !== undefined && MINOR_UNITS.has(m.word)) || m.unit === 'p';

/** True when the target is one or two operations (+, −, ×, ÷) on three distinct stated amounts. */
export function derivableInTwoSteps(target: NumberMention, operands: readonly NumberMention[]): boolean {
  const xs = targetsOf(target, operands);
  if (xs.length === 0) return false;
  const amounts = plainAmounts(operands).slice(0, MAX_OPERANDS);
  const hit = (v: number) => xs.some((x) => close(v, x));
  for (let i = 0; i < amounts.length; i++) {
    for (let j = i + 1; j < amounts.length; j++) {
      const first = combine(amounts[i], amounts[j]);
      for (let k = 0; k < amounts.length; k++) {
        if (k === i || k === j) continue;
        for (const v of first) if (combine(v, amounts[k]).some(hit)) return true;
      }
    }
  }
  return false;
}

/** One operation away once cents or pence are converted: "$6 for 12 pens" → "50 cents each". */
export function derivableInMinorUnits(target: NumberMention, operands: readonly NumberMention[]): boolean {
  const xs = targetsOf(target, operands).slice(1);
  if (xs.length === 0) return false;
  const amounts = plainAmounts(operands);
  for (let i = 0; i < amounts.length; i++)
    for (let j = i + 1; j < amounts.length; j++)
      if (combine(amounts[i], amounts[j]).some((v) => xs.some((x) => close(v, x)))) return true;
  return false;
}
