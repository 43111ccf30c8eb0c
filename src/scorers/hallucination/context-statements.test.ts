import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import type { ScoringPassage } from '../scoring-input.js';
import { analyzeClaim } from './claim-facts.js';
import { contextIndexFor } from './context-clauses.js';
import { contextStatementKind, isExemptContextStatement } from './context-statements.js';
import { CUE_THRESHOLD } from './support-model.js';
import { unsupportedContent } from './unsupported-content.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `d#${i}`, docId: 'd', text }));
const BOOKING = passages('Bookings open at 9am. Parking is free for guests.');
const FEE = passages('A cancellation fee of £20 applies to bookings cancelled within 48 hours of the start.');
const exempt = (claim: string, context: ScoringPassage[]) =>
  isExemptContextStatement(claim, analyzeClaim(claim), contextIndexFor(context));
const scores = (answer: string, context: ScoringPassage[]) =>
  Object.fromEntries(
    unsupportedContent({ answer, passages: context }).map((s): [string, Score] => [s.name, s]),
  );

describe('statements about the documents', () => {
  it('recognises the ways an answer says the documents are silent', () => {
    for (const claim of [
      "The details I have don't say whether the X5 supports wireless charging.",
      "There's nothing here about weather or snow conditions.",
      "I can't see anything in these details about pre-existing conditions",
      'That isn\u2019t covered in the policy extracts I have.',
      "Root canal treatment isn't on the price list I've got.",
      'The release notes say nothing about the next version.',
      'There is no mention of a sauna.',
      "There's nothing about parking in the passages I have.",
      'I have no details on parking in the provided context.',
    ])
      expect(contextStatementKind(claim), claim).toBe('absence');
    expect(contextStatementKind('The passages cover overdraft charges and card fees.')).toBe('summary');
    expect(contextStatementKind('The information only covers lift passes.')).toBe('summary');
  });

  it('leaves claims about the world alone, "policy" and "covered" included', () => {
    for (const claim of [
      "The policy doesn't cover dental work.",
      "Pre-existing conditions aren't covered.",
      'Nothing is charged for parking.',
      "You don't need to show your ticket.",
      'Ask the practice directly.',
      'It covers accidental damage.',
      // Things of the world, whatever their verb: the review's cases.
      "Good news: your test results don't show any problems.",
      'The scan shows nothing abnormal.',
      'The basic plan includes nothing for dental care.',
      "Dogs aren't allowed in the café here.",
      "The source code doesn't include any tests.",
      "The sources don't mention any side effects.",
      "The test results don't show any infection.",
      "The materials don't include a charger.",
      'Nothing in the café is vegan.',
      'Parking costs nothing, according to the details I have.',
      'The passages say members can borrow DVDs for three weeks.',
      'The documents mention that late returns are free.',
    ])
      expect(contextStatementKind(claim), claim).toBeUndefined();
  });

  it('skips an absence only when no context sentence states half its topic', () => {
    expect(exempt("The documents don't mention a cancellation fee.", BOOKING)).toBe(true);
    // False refusals: the fee, the borrowing limit are right there.
    expect(exempt("The documents don't mention a cancellation fee.", FEE)).toBe(false);
    const LOANS = passages('Members can borrow up to 10 books at a time.');
    expect(exempt("The details I have don't say how many books members can borrow.", LOANS)).toBe(false);
    // Half the topic stated in one sentence is a false refusal; a third is not.
    const GYM = passages('The gym has a pool and a steam room.');
    expect(exempt("The details I have don't mention a pool heater.", GYM)).toBe(false);
    expect(exempt("The details I have don't mention a heated outdoor pool.", GYM)).toBe(true);
  });

  it('checks an absence statement that reports a number', () => {
    const claim = "The documents don't mention a code - they just say it's open 12 hours a day.";
    expect(contextStatementKind(claim)).toBe('absence');
    expect(exempt(claim, passages('The drop box is open 24 hours a day.'))).toBe(false);
  });

  it('skips a summary only when the context states its topics and numbers', () => {
    expect(exempt('The passages cover bookings and parking for guests.', BOOKING)).toBe(true);
    expect(exempt('The passages cover refunds and loyalty points.', BOOKING)).toBe(false);
    // Topics stated, but a number the context does not state.
    const FREE = passages('Parking is free for guests for the first 2 hours.');
    expect(exempt('The passages cover free parking for guests for the first 2 hours.', FREE)).toBe(true);
    expect(exempt('The passages cover free parking for guests for the first 3 hours.', FREE)).toBe(false);
    // A name the context does not state is checked too.
    const RELEASE = passages('Version 4.2 fixes the login crash on iOS tablets.');
    expect(exempt('The release notes cover the login crash on Android tablets.', RELEASE)).toBe(false);
    // Topics: two of three stated is enough, one of three is not.
    const LIFT = passages('Lift passes cost £40 a day. Ski school starts at 9am.');
    expect(exempt('The information covers lift passes and ski school.', LIFT)).toBe(true);
    expect(exempt('The information covers lift passes, snowboard hire and weather forecasts.', LIFT)).toBe(
      false,
    );
  });
});

describe('the offline check with statements about the documents', () => {
  it('flags a false refusal and a wrong number beside an absence, and passes a true one', () => {
    expect(scores("The documents don't mention a cancellation fee.", FEE)['hallucination.rate'].value).toBe(
      1,
    );
    expect(
      scores("Parking costs £5 for guests. There's nothing here about a cancellation fee.", BOOKING)[
        'hallucination.rate'
      ].value,
    ).toBe(1);
    const honest = scores(
      "Parking is free for guests. There's nothing here about a cancellation fee.",
      BOOKING,
    );
    expect(honest['hallucination.rate'].value).toBe(0);
    expect(honest.groundedness.details).toEqual({
      supported: 1,
      checked: 1,
      aboutDocuments: 1,
      threshold: CUE_THRESHOLD,
    });
  });

  it('does not assess an answer whose every sentence is about the documents', () => {
    const s = scores(
      "I can't see anything about a cancellation fee. There's no mention of refunds either.",
      BOOKING,
    );
    for (const name of ['hallucination.rate', 'hallucination.score', 'groundedness']) {
      expect(s[name].value, name).toBeNull();
      expect(s[name].reason).toBe('every sentence is about what the documents say');
    }
  });
});
