import { describe, expect, it } from 'vitest';
import { analyzeClaim, extractNumberMentions, isNegated } from './claim-facts.js';
import { splitClaims } from './claim-split.js';
import { negationDisagrees, splitSegments } from './negation-scope.js';

describe('splitClaims', () => {
  it('splits at semicolons, dashes and clause-joining conjunctions', () => {
    expect(
      splitClaims('Books are lent for three weeks and can be renewed twice, but DVDs are lent for one week.'),
    ).toEqual(['Books are lent for three weeks', 'can be renewed twice', 'DVDs are lent for one week.']);
    expect(splitClaims('Support is available by chat; phone support is for Premium only.')).toEqual([
      'Support is available by chat',
      'phone support is for Premium only.',
    ]);
  });
  it('keeps a noun list together and merges pieces too small to state a fact', () => {
    expect(splitClaims('It flows through Peru, Colombia and Brazil.')).toEqual([
      'It flows through Peru, Colombia and Brazil.',
    ]);
    expect(splitClaims('Refunds take 30 days, and so on.')).toEqual(['Refunds take 30 days, and so on.']);
  });
});

describe('claim facts', () => {
  it('reads numbers with their units, spelled-out numbers and dates', () => {
    expect(
      extractNumberMentions('Take 10 micrograms for two weeks, from 2024-01-05; 12.50 per seat.'),
    ).toEqual([
      {
        value: '10',
        text: '10 micrograms',
        unit: 'microgram',
        amount: 10,
        quantity: { dim: 'mass', base: 0.01 },
        word: 'microgram',
      },
      {
        value: '2',
        text: 'two weeks',
        unit: 'week',
        amount: 2,
        quantity: { dim: 'time', base: 14 * 86_400 },
        word: 'week',
      },
      { value: '2024-01-05', text: '2024-01-05' },
      { value: '12.5', text: '12.50', amount: 12.5 },
    ]);
    // Unit spellings map to one form: km = kilometres, % = percent.
    expect(extractNumberMentions('7 km and 7 kilometres; 17% and 17 percent').map((m) => m.unit)).toEqual([
      'kilometr',
      'kilometr',
      'percent',
      'percent',
    ]);
  });
  it('treats a leading yes/no as an answer, not a negation', () => {
    expect(isNegated("No, it's closed on Mondays.")).toBe(false);
    expect(isNegated("You can't freeze it.")).toBe(true);
    expect(isNegated('It is not refunded.')).toBe(true);
    expect(isNegated('You can bring a guest at no extra cost.')).toBe(false);
  });
  it('drops stopwords, filler, clitics and numbers from the terms; keeps names', () => {
    expect(analyzeClaim("Based on the context, you'll get a refund from Acme within 30 days.")).toEqual({
      // The unit after a number is checked with the number, not as a word.
      terms: ['get', 'refund', 'acm', 'within'],
      numbers: [
        {
          value: '30',
          text: '30 days',
          unit: 'dai',
          amount: 30,
          quantity: { dim: 'time', base: 30 * 86_400 },
          word: 'dai',
        },
      ],
      names: ['acme'],
      negated: false,
    });
  });
});

describe('negation scope', () => {
  const context = splitSegments("If your phone's clock is wrong, codes won't match.");
  it('compares negation within the matching segment only', () => {
    expect(negationDisagrees(splitSegments("Your phone's clock may be wrong."), context)).toBe(false);
    expect(negationDisagrees(splitSegments('The codes will match.'), context)).toBe(true);
    expect(negationDisagrees(splitSegments("Codes won't match then."), context)).toBe(false);
  });
});
