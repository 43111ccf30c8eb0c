import { describe, expect, it } from 'vitest';
import { addedQuantifiers, isPleasantry, sourceWords, stripHedges } from './claim-cues.js';
import { droppedCondition } from './dropped-condition.js';
import { analyzeClaim, isNegated } from './claim-facts.js';
import { negationDisagrees, splitSegments } from './negation-scope.js';

describe('quantifier strength', () => {
  const context = 'Most eruptions are effusive, producing lava flows.';
  it('flags "all"/"always" where the context says "most"/"usually", not a restatement', () => {
    expect(addedQuantifiers('All eruptions are effusive.', context)).toEqual(['all']);
    expect(addedQuantifiers('Eruptions are always effusive.', context)).toEqual(['always']);
    expect(addedQuantifiers('Most of its eruptions are effusive.', context)).toEqual([]);
    expect(addedQuantifiers('Every fare includes a bag.', 'A bag is included in every fare.')).toEqual([]);
    expect(addedQuantifiers('It changes with every eruption.', 'It changes with each eruption.')).toEqual([]);
    expect(addedQuantifiers('Residents can park all day.', 'Residents may park without a limit.')).toEqual(
      [],
    );
  });
});

describe('dropped conditions', () => {
  const context = "Pets are allowed only with the landlord's written consent.";
  const terms = (text: string) => analyzeClaim(text).terms;
  const dropped = (claim: string, ctx: string, answer = claim, question = '') =>
    droppedCondition(claim, ctx, new Set(terms(answer)), new Set(terms(question)), terms);
  it('flags a claim that drops the condition, not one that keeps or rewords it', () => {
    expect(dropped('Pets are allowed in the flat.', context)).toBe(true);
    expect(dropped('Pets are fine, but only if the landlord agrees in writing.', context)).toBe(false);
    expect(
      dropped('You can renew twice, as long as nobody reserved it.', 'Renew twice, unless reserved.'),
    ).toBe(false);
    // "provided" as a verb is no condition.
    expect(dropped('Towels are free.', 'Towels are provided free of charge in private rooms.')).toBe(false);
  });

  it('counts the condition as kept when the answer or the question states half its words anywhere', () => {
    const answer = 'Pets are allowed in the flat. You need the written consent of your landlord.';
    expect(dropped('Pets are allowed in the flat.', context, answer)).toBe(false);
    const question = 'My landlord gave written consent. Can I keep a cat?';
    expect(dropped('Pets are allowed.', context, 'Pets are allowed.', question)).toBe(false);
    // "with proof of purchase" does not carry "unused and in the original packaging".
    const RETURNS =
      'Items can be returned within 30 days, provided they are unused and in their original packaging.';
    const withProof = 'You can return it within 30 days. Bring your proof of purchase.';
    expect(dropped('You can return it within 30 days.', RETURNS, withProof)).toBe(true);
  });
});

describe('sources', () => {
  it('names the source words of an attribution, not the given text', () => {
    expect(sourceWords('According to the Paris Municipal Archives, it opened in 1889.')).toEqual([
      'archives',
      'paris',
      'municipal',
    ]);
    expect(sourceWords('A 2019 study found it works.')).toEqual(['study']);
    expect(sourceWords('According to the leaflet, take one tablet.')).toEqual([]);
    expect(sourceWords('Take one tablet every 4 hours.')).toEqual([]);
  });
});

describe('politeness and hedges', () => {
  it('takes out openers and hedges, keeps the claim', () => {
    expect(stripHedges('Sure — you can take up to six tablets.')).toBe('you can take up to six tablets.');
    expect(stripHedges('I believe the plans came from Koechlin.')).toBe('the plans came from Koechlin.');
    expect(stripHedges("Anything over 32 kg is refused, I'm afraid.")).toBe(
      'Anything over 32 kg is refused.',
    );
    expect(stripHedges('The pool opens at 9.')).toBe('The pool opens at 9.');
  });
  it('skips sentences that only greet or offer help, not ones that state something', () => {
    expect(isPleasantry('Hope this helps!')).toBe(true);
    expect(isPleasantry('Hi!')).toBe(true);
    expect(isPleasantry('Let me know if you have other questions.')).toBe(true);
    expect(isPleasantry('Sure, you can take two tablets.')).toBe(false);
    expect(isPleasantry('Hi, the pool opens at 9.')).toBe(false);
  });
});

describe('negation equivalences', () => {
  it('reads "prohibited"/"not permitted" as negated, a limit ("not more than") as not', () => {
    expect(isNegated('Smoking is prohibited inside the flat.')).toBe(true);
    expect(isNegated('Cabin bags must not weigh more than 8 kg.')).toBe(false);
    expect(isNegated("Parking doesn't cost anything on Sundays.")).toBe(false);
    expect(isNegated('Parking does not apply on Sundays.')).toBe(true);
  });
  it('agrees "you can\'t smoke" with "smoking is prohibited", disagrees "you can smoke"', () => {
    const context = splitSegments('Smoking is prohibited inside the flat.');
    expect(negationDisagrees(splitSegments("You can't smoke inside the flat."), context)).toBe(false);
    expect(negationDisagrees(splitSegments('You may smoke inside the flat.'), context)).toBe(true);
    const limit = splitSegments('Cabin bags must not weigh more than 8 kg.');
    expect(negationDisagrees(splitSegments('Your cabin bag can weigh at most 8 kg.'), limit)).toBe(false);
    expect(negationDisagrees(splitSegments('Cabin bags must not weigh 8 kg.'), limit)).toBe(true);
  });
});
