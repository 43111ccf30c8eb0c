import { describe, expect, it } from 'vitest';
import { extractNumberMentions } from './claim-facts.js';
import { derivable, derivableDate, findDates, insideStatedRange } from './number-reasoning.js';

const mention = (text: string) => extractNumberMentions(text)[0];
const derives = (claim: string, context: string, claimText = claim) =>
  derivable(mention(claim), extractNumberMentions(context), claimText);

describe('one-step number reasoning', () => {
  it('accepts a product, difference, sum or percentage of two stated numbers, and nothing near it', () => {
    const dose = 'one 200 mg tablet; no more than 6 tablets a day';
    expect(derives('1,200 mg', dose)).toBe(true);
    expect(derives('1,400 mg', dose)).toBe(false);
    expect(derives('41 years', 'built in 1889, overtaken in 1930')).toBe(true);
    expect(derives('42 years', 'built in 1889, overtaken in 1930')).toBe(false);
    expect(derives('40 minutes', 'bake for 30 minutes, cool for 10 minutes')).toBe(true);
    expect(derives('45 minutes', 'bake for 30 minutes, cool for 10 minutes')).toBe(false);
    expect(derives('70 percent', '28 correct answers out of 40 questions')).toBe(true);
    expect(derives('75 percent', '28 correct answers out of 40 questions')).toBe(false);
  });
  it('accepts a count per named unit ("every 15 minutes" → four an hour), not another count', () => {
    expect(derives('four', 'trains leave every 15 minutes', 'four trains an hour')).toBe(true);
    expect(derives('five', 'trains leave every 15 minutes', 'five trains an hour')).toBe(false);
    // Without the unit named in the claim there is no ratio to take.
    expect(derives('four', 'trains leave every 15 minutes', 'four trains')).toBe(false);
  });
  it('accepts a value strictly inside a stated range, in the same unit', () => {
    const band = ['Bags between 23 kg and 32 kg cost €50.'];
    expect(insideStatedRange(mention('30 kg'), band)).toBe(true);
    expect(insideStatedRange(mention('30,000 g'), band)).toBe(true);
    expect(insideStatedRange(mention('35 kg'), band)).toBe(false);
    expect(insideStatedRange(mention('30 minutes'), band)).toBe(false);
    expect(insideStatedRange(mention('30 kg'), ['Bags of 23 kg or 32 kg.'])).toBe(false);
  });
  it('adds a stated span to a stated date, across a month end', () => {
    const [june3] = findDates('borrowed on 3 June');
    const week = extractNumberMentions('due after 7 days');
    expect(derivableDate(findDates('10 June')[0], [june3], week)).toBe(true);
    expect(derivableDate(findDates('11 June')[0], [june3], week)).toBe(false);
    expect(derivableDate(findDates('July 1')[0], [june3], extractNumberMentions('28 days apart'))).toBe(true);
    expect(derivableDate(findDates('17 June')[0], [june3], extractNumberMentions('two weeks'))).toBe(true);
  });
});
