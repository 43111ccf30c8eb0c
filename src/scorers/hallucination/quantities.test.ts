import { describe, expect, it } from 'vitest';
import { extractNumberMentions } from './claim-facts.js';
import { clockTime, sameQuantity } from './quantities.js';

const quantityOf = (text: string) => {
  const q = extractNumberMentions(text)[0]?.quantity;
  if (!q) throw new Error(`no quantity in "${text}"`);
  return q;
};
const same = (a: string, b: string, approximate = false) =>
  sameQuantity(quantityOf(a), quantityOf(b), approximate);

describe('quantities in base units', () => {
  it('equates the same amount in other units, and only that amount', () => {
    expect(same('two weeks', '14 days')).toBe(true);
    expect(same('two weeks', '15 days')).toBe(false);
    expect(same('half a litre', '500 ml')).toBe(true);
    expect(same('half a litre', '250 ml')).toBe(false);
    expect(same('half an hour', '30 minutes')).toBe(true);
    expect(same('an hour and a half', '90 minutes')).toBe(true);
    expect(same('an hour and a half', '60 minutes')).toBe(false);
    expect(same('1.2 kg', '1,200 g')).toBe(true);
    expect(same('3,350 m', '3,350 metres')).toBe(true);
    expect(same('a couple of days', '2 days')).toBe(true);
  });
  it('never equates different dimensions', () => {
    expect(same('30 days', '30 kg')).toBe(false);
    expect(same('10 mg', '10 ml')).toBe(false);
  });
  it('allows 2 % on months and years (averages), 10 % only when the claim says "about"', () => {
    expect(same('a month', '30 days')).toBe(true);
    expect(same('a year', '12 months')).toBe(true);
    expect(same('a month', '35 days')).toBe(false);
    expect(same('a month and a half', 'six weeks')).toBe(false);
    expect(same('a month and a half', 'six weeks', true)).toBe(true);
    expect(same('two hours', '100 minutes', true)).toBe(false);
  });
  it('marks "a year" soft and reads "four an hour" as a rate, not an amount', () => {
    expect(extractNumberMentions('covered for a year')).toEqual([
      expect.objectContaining({ value: '1', unit: 'year', soft: true }),
    ]);
    expect(extractNumberMentions('half a litre')[0].soft).toBeUndefined();
    expect(extractNumberMentions('four trains an hour').map((m) => m.value)).toEqual(['4']);
    expect(extractNumberMentions('twice a week').map((m) => m.value)).toEqual(['2']);
  });
  it('writes a time of day one way: "9 am" = "09:00", "5 pm" = "17:00", "50p" is 50', () => {
    expect(clockTime('9', 'am')).toBe('9:00');
    expect(clockTime('12', 'am')).toBe('0:00');
    expect(clockTime('09:00')).toBe('9:00');
    expect(clockTime('13', 'pm')).toBeUndefined();
    expect(clockTime('9')).toBeUndefined();
    expect(extractNumberMentions('from 9 am to 5pm').map((m) => m.value)).toEqual(['9:00', '17:00']);
    expect(extractNumberMentions('open 09:00 to 17:00').map((m) => m.value)).toEqual(['9:00', '17:00']);
    expect(extractNumberMentions('charged at 50p per day')[0]).toMatchObject({ value: '50', unit: 'p' });
  });
});
