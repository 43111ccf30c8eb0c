// The cue changes of the seventh revision of the offline check, each with the case that must fire
// and the close case that must not: "any"/"anywhere" as an added universal (not under a negation),
// "as long as" and "as many as" as wordings that keep a limit, and a number stated nowhere that
// replaced the aligned sentence's number is not excused by arithmetic on numbers further away.
import { describe, expect, it } from 'vitest';
import type { ScoringPassage } from '../scoring-input.js';
import { analyzeAnswer } from './answer-sentences.js';
import { checkAnswerSupport } from './answer-support.js';
import { addedQuantifiers } from './claim-cues.js';
import { droppedLimit } from './dropped-limit.js';
import { DEFAULT_HALLUCINATION_THRESHOLD } from './support-model.js';
import { unsupportedContent } from './unsupported-content.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p${i}`, docId: 'doc', text }));

const featuresOf = (answer: string, context: ScoringPassage[], question?: string) =>
  checkAnswerSupport({
    sentences: analyzeAnswer(answer).sentences,
    passages: context,
    question,
  }).sentences.flatMap((s) => s.claims.map((c) => c.features));

const scoreOf = (answer: string, context: ScoringPassage[], question?: string) =>
  unsupportedContent({ answer, passages: context, question }).find((s) => s.name === 'hallucination.score')
    ?.value as number;

describe('the seventh revision of the offline check', () => {
  it('reads "any" and "anywhere" as a universal the context does not state', () => {
    const context = 'Campfires are allowed only in the raised fire pits provided at each pitch.';
    expect(addedQuantifiers('Campfires are allowed anywhere on your pitch.', context)).toEqual(['anywhere']);
    expect(
      addedQuantifiers('You can return any item within 30 days.', 'Unused items can be returned.'),
    ).toEqual(['any']);
    // The context's own "any" is no addition.
    expect(addedQuantifiers('Any item can be returned.', 'Any item can be returned within 30 days.')).toEqual(
      [],
    );
  });

  it('does not read "any" under a negation as a universal', () => {
    expect(addedQuantifiers("The library doesn't charge any fine.", 'No fines are charged.')).toEqual([]);
    expect(addedQuantifiers('You can walk in without any appointment.', 'No appointment is needed.')).toEqual(
      [],
    );
    expect(addedQuantifiers('There are not really any fees.', 'The service is free.')).toEqual([]);
  });

  it('keeps an "only if" limit paraphrased as "as long as", and drops it when the answer omits it', () => {
    const clause = 'It is renewed each year only if the student maintains an average mark of 60% or above.';
    expect(
      droppedLimit('It is renewed each year as long as you keep your average up.', clause),
    ).toBeUndefined();
    expect(droppedLimit('It is renewed each year.', clause)).toBe('only');
  });

  it('keeps an "up to" limit paraphrased as "as many as", and drops it when the answer omits it', () => {
    const clause = 'Members can borrow up to 12 books at a time.';
    expect(droppedLimit('Members can borrow as many as a dozen books at a time.', clause)).toBeUndefined();
    expect(droppedLimit('Members can borrow books at a time.', clause)).toBe('maximum');
  });

  it('does not excuse by far arithmetic a number that replaced the aligned one, and does excuse a total beside its operand', () => {
    const library = passages(
      'The loan period is 14 days for books and 7 days for DVDs. Loans can be renewed twice online.',
    );
    // 21 = 14 + 7, but "three weeks" stands where the aligned sentence says 14 days.
    const [wrong] = featuresOf('The loan period for books is three weeks.', library);
    expect(wrong.numberMissing).toBe(1);
    expect(wrong.numberDerivedFar).toBe(0);
    expect(scoreOf('The loan period for books is three weeks.', library)).toBeGreaterThan(
      DEFAULT_HALLUCINATION_THRESHOLD,
    );
    expect(scoreOf('The loan period for books is two weeks.', library)).toBeLessThan(
      DEFAULT_HALLUCINATION_THRESHOLD,
    );
    // A total worked out across passages, next to its stated operand, is still excused.
    const plan = passages('The Team plan is $12 per user per month.', 'Our office has 10 users.');
    const total = featuresOf('The Team plan is $12 per user per month, so it comes to $120 a month.', plan);
    expect(total.some((f) => f.numberMissing === 1)).toBe(false);
  });
});
