// The review of the sixth revision: ordinary correct paraphrases it flagged (a limit the question
// already states or meets, a converse verb read as swapped roles, "without"/"walk-in"/"no need"
// not read as negation), each with near misses that must still be flagged, and flip/no-flip pairs
// for behaviours that no test pinned (cents, the question's own number). The antonym pairs went
// with the antonym feature in the ninth revision (claim-check.ts says why).
import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import type { ScoringPassage } from '../scoring-input.js';
import { CUE_THRESHOLD, PARAPHRASE_MARGIN, UNCUED_SCORE } from './__fixtures__/copy-score.js';
import { unsupportedContent } from './unsupported-content.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p${i}`, docId: 'doc', text }));

function check(
  answer: string,
  context: ScoringPassage[],
  question?: string,
  hallucinationThreshold?: number,
) {
  const scores: Score[] = unsupportedContent({ answer, passages: context, question, hallucinationThreshold });
  const byName = Object.fromEntries(scores.map((s) => [s.name, s]));
  const unsupported = byName['hallucination.rate'].details?.unsupported as { reason: string }[] | undefined;
  return {
    flagged: byName['hallucination.rate'].value === 1,
    score: byName['hallucination.score'].value as number,
    reason: unsupported?.[0]?.reason,
  };
}

const BIKE = passages('Rides are free for up to 30 minutes. After that, each extra minute costs 15 cents.');
const LIBRARY = passages(
  'The reading room is open on weekdays from 9 am to 6 pm and on Saturdays from 10 am to 2 pm.',
);
const MARKET = passages('The farmers market runs on Saturdays from 8 am to 1 pm.');
const RENTAL = passages('Drivers must be at least 21 years old to rent a car.');
const MATCH = passages('Riverton beat Lakeside 2–1 on Sunday.');
const DEAL = passages('Helix Bio acquired Nova Labs in 2020.');
const FLU = passages('No appointment is needed for flu shots.');
// Our own, in other domains.
const SAUNA = passages('Guests may use the sauna for up to 45 minutes at a time.');
const COASTER = passages('Riders must be at least 120 cm tall to ride the coaster.');
const POOL = passages('The pool is open on weekdays from 6 am to 9 pm and on Sundays from 8 am to 4 pm.');
const GAME = passages('Portland defeated Denver 98–90 on Friday.');
const OWNER = passages('Vireo Foods owns Basil Bakery.');
const RETURNS = passages('Items can be returned without a receipt.');
const ALLERGY = passages('No prescription is needed for this allergy medicine.');

// [what, context, question, answer]
const MUST_PASS: ReadonlyArray<readonly [string, ScoringPassage[], string, string]> = [
  [
    'a question value inside an "up to" limit',
    BIKE,
    'Is a 20-minute ride free?',
    'Yes, a 20-minute ride is free.',
  ],
  [
    'the day from the question',
    LIBRARY,
    'What time does the reading room open on Saturdays?',
    'It opens at 10 am.',
  ],
  [
    'the day from the question (2)',
    MARKET,
    'What time does the farmers market start on Saturday?',
    'The farmers market starts at 8 am.',
  ],
  [
    'a question value above an "at least" limit',
    RENTAL,
    'Can I rent a car at 25?',
    'Yes, at 25 you are old enough to rent a car.',
  ],
  [
    '"lost to" for "beat"',
    MATCH,
    'How did Lakeside do on Sunday?',
    'Lakeside lost 2–1 to Riverton on Sunday.',
  ],
  [
    '"became part of" for "acquired"',
    DEAL,
    'What happened to Nova Labs?',
    'Nova Labs became part of Helix Bio in 2020.',
  ],
  [
    '"walk-in … nothing to book"',
    FLU,
    'Do I need to book a flu shot?',
    'Flu shots are walk-in, so there is nothing to book.',
  ],
  [
    '"without an appointment"',
    FLU,
    'Do I need to book a flu shot?',
    'You can get a flu shot without an appointment.',
  ],
  [
    '"walk in … without an appointment"',
    FLU,
    'Do I need to book a flu shot?',
    'No, you can walk in for a flu shot without an appointment.',
  ],
  [
    'own: a question value inside "up to"',
    SAUNA,
    'Can I stay in the sauna for 30 minutes?',
    'Yes, you can stay in the sauna for 30 minutes.',
  ],
  [
    'own: a question value above "at least"',
    COASTER,
    'My son is 130 cm tall. Can he ride the coaster?',
    'Yes, at 130 cm he is tall enough to ride the coaster.',
  ],
  ['own: the day from the question', POOL, 'When does the pool close on Sundays?', 'It closes at 4 pm.'],
  [
    'own: "fell to" for "defeated"',
    GAME,
    'How did Denver do on Friday?',
    'Denver fell to Portland 98–90 on Friday.',
  ],
  [
    'own: "without" on both sides',
    RETURNS,
    'Do I need a receipt?',
    'You can return items without a receipt.',
  ],
  [
    'own: "no need"',
    ALLERGY,
    'Do I need a prescription for the allergy medicine?',
    'There is no need for a prescription for this allergy medicine.',
  ],
];

// [what, context, question, answer, reason]
const MUST_FLAG: ReadonlyArray<readonly [string, ScoringPassage[], string, string, string]> = [
  [
    'a question value outside the limit',
    SAUNA,
    'Can I stay in the sauna for 60 minutes?',
    'Yes, you can stay in the sauna for 60 minutes.',
    'dropped-condition',
  ],
  [
    'the limit stated nowhere',
    SAUNA,
    'How long can I use the sauna?',
    'Guests may use the sauna.',
    'dropped-condition',
  ],
  [
    'a question value below "at least"',
    COASTER,
    'My son is 110 cm tall. Can he ride the coaster?',
    'Yes, at 110 cm he is tall enough to ride the coaster.',
    'dropped-condition',
  ],
  [
    'days the question does not give',
    POOL,
    'When does the pool close?',
    'The pool closes at 4 pm.',
    'dropped-condition',
  ],
  [
    'the same verb, parties swapped',
    GAME,
    'How did Denver do on Friday?',
    'Denver defeated Portland 98–90 on Friday.',
    'misplaced-name',
  ],
  [
    'the same verb, parties swapped (2)',
    OWNER,
    'Who owns Basil Bakery?',
    'Basil Bakery owns Vireo Foods.',
    'misplaced-name',
  ],
  [
    '"with" for "without"',
    RETURNS,
    'Do I need a receipt?',
    'Items can only be returned with a receipt.',
    'negation-mismatch',
  ],
  [
    '"you need" for "no … is needed"',
    ALLERGY,
    'Do I need a prescription for the allergy medicine?',
    'You need a prescription for this allergy medicine.',
    'negation-mismatch',
  ],
];

describe('the review of the sixth revision: correct paraphrases rank with a claim no cue fires on, a cue flags near misses', () => {
  for (const [what, context, question, answer] of MUST_PASS)
    it(`ranks ${what} within a word of a claim no cue fires on`, () => {
      const r = check(answer, context, question);
      expect(r.score, answer).toBeLessThan(UNCUED_SCORE + PARAPHRASE_MARGIN);
    });
  for (const [what, context, question, answer, reason] of MUST_FLAG)
    it(`flags ${what}`, () => {
      const r = check(answer, context, question);
      expect(r.score, answer).toBeGreaterThanOrEqual(CUE_THRESHOLD);
      expect(r.reason).toBe(reason);
    });
});

describe('behaviours the sixth revision documented, each pinned by a flip/no-flip pair', () => {
  it('an amount in cents worked out from a stated price is reasoned, a wrong one is not', () => {
    const pens = passages('A pack of 12 pens costs $6.');
    const q = 'How much is one pen?';
    const reasoned = check('Each pen costs 50 cents.', pens, q);
    const wrong = check('Each pen costs 60 cents.', pens, q);
    expect(reasoned.score).toBeLessThan(0.3);
    expect(reasoned.reason).not.toBe('unknown-number');
    expect(wrong.score).toBeGreaterThan(0.5);
    expect(wrong.flagged).toBe(true);
    expect(wrong.reason).toBe('unknown-number');
  });

  it("the question's own number is given; the same number stated nowhere is not", () => {
    const given = check('Yes, a 20-minute ride is free.', BIKE, 'Is a 20-minute ride free?', CUE_THRESHOLD);
    const invented = check('Yes, a 20-minute ride is free.', BIKE, 'Are short rides free?', CUE_THRESHOLD);
    expect(given.flagged).toBe(false);
    expect(invented.flagged).toBe(true);
    expect(invented.reason).toBe('unknown-number');
  });
});
