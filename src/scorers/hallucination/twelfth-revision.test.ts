// The mechanisms the twelfth revision of the offline check added in claim-check.ts, each with the
// case that must fire and the close case that must not. Tested on claim features and unbacked
// parts, which do not depend on the fitted coefficients.
import { describe, expect, it } from 'vitest';
import { check, passages } from './__fixtures__/check-answer.js';
import { analyzeAnswer } from './answer-sentences.js';
import { checkAnswerSupport } from './answer-support.js';
import { stem } from '../../text/analyze.js';
import { UNCOVERED_ALLOWANCE } from './claim-check.js';
import { GENERIC_TERMS } from './word-classes.js';

const excessOf = (answer: string, context: string[]) =>
  Math.max(
    ...checkAnswerSupport({ sentences: analyzeAnswer(answer).sentences, passages: passages(...context) })
      .sentences.flatMap((s) => s.claims)
      .map((c) => c.features.uncoveredExcess),
  );

describe('uncovered content counts only beyond an allowance (uncoveredExcess)', () => {
  const context = ['The Larch Room seats 40 guests and has a built-in projector.'];

  it('is 0 for a paraphrase that leaves a word or two the context does not use', () => {
    expect(UNCOVERED_ALLOWANCE).toBe(4);
    expect(excessOf('The Larch Room holds up to 40 guests and comes with a projector.', context)).toBe(0);
  });

  it('grows with a claim that adds several facts of its own', () => {
    expect(
      excessOf(
        'The Larch Room seats 40 guests, overlooks the lake, includes a grand piano, parquet flooring and blackout curtains.',
        context,
      ),
    ).toBeGreaterThan(0);
  });

  it("does not count an answer's talk about checking or what the documents list", () => {
    // The words themselves are generic now, whatever the allowance.
    for (const word of ['whether', 'mention', 'confirm', 'tell', 'check', 'ask', 'depend', 'figure', 'list'])
      expect(GENERIC_TERMS.has(stem(word))).toBe(true);
  });

  it('still marks a short claim whose content is wholly unseen (uncoveredWhole)', () => {
    expect(check('Parking is free at weekends.', passages(...context)).on).toContain('uncoveredWhole');
    expect(check('The Larch Room seats 40 guests.', passages(...context)).on).not.toContain('uncoveredWhole');
  });
});

describe("a chain of working: a step's result is the next step's operand", () => {
  const HIRE = passages(
    'Room hire is £650 per hour.',
    'A cleaning fee of £45 is added to every booking.',
    'A 10% discount applies to registered charities.',
  );
  const question = 'How much is five hours of room hire for our charity?';

  it('backs a total built on a result worked out earlier in the answer, and flags a wrong one', () => {
    const right = check(
      'Five hours of room hire is 5 × £650 = £3,250. With the cleaning fee, the booking comes to £3,295.',
      HIRE,
      question,
    );
    expect(right.on.has('numberMissing')).toBe(false);
    expect(right.unknown).toEqual([]);
    const wrong = check(
      'Five hours of room hire is 5 × £650 = £3,250. With the cleaning fee, the booking comes to £3,305.',
      HIRE,
      question,
    );
    expect(wrong.unknown).toContain('3,305');
  });

  it('backs a share of a worked-out amount (the discount on the hire)', () => {
    const r = check(
      'Five hours of room hire is 5 × £650 = £3,250. The charity discount takes off £325.',
      HIRE,
      question,
    );
    expect(r.unknown).toEqual([]);
  });

  it('adds an earlier result to a stated figure only for a total, never for a rate or a fee', () => {
    const STAY = passages(
      'Room hire is £650 per hour. A refundable deposit of £500 is required. Late checkout costs £100.',
    );
    const hours = 'How much is five hours of room hire?';
    const hire = 'Five hours of room hire costs £3,250.';
    expect(check(`${hire} Room hire is £3,900 per hour.`, STAY, hours).unknown).toContain('3,900');
    expect(check(`${hire} Late checkout costs £3,350.`, STAY, hours).unknown).toContain('3,350');
    expect(check(`${hire} With the late checkout, the total comes to £3,350.`, STAY, hours).unknown).toEqual(
      [],
    );
  });

  it('takes at most one worked-out figure per step: two earlier results add up to almost anything', () => {
    const r = check(
      'Five hours of room hire is 5 × £650 = £3,250. The charity discount takes off £325. A refundable deposit of £3,575 is due.',
      HIRE,
      question,
    );
    expect(r.unknown).toContain('3,575');
  });

  it('never builds on a constant or an unstated figure of the working, only on its result', () => {
    // 21 = 9 + 12 and 62 = 2 + 60: the constants 12 and 60 are no figures to work from.
    const year = check(
      'Over a year that is £9 × 12 = £108. Bringing a guest costs £21.',
      passages('Membership costs £9 per month.', 'Members can bring a guest for a small fee.'),
    );
    expect(year.unknown).toContain('21');
    const minute = check(
      'That is £2 ÷ 60 = £0.03 per minute. A lost ticket costs £62.',
      passages('Parking costs £2 per hour.', 'A lost ticket incurs a fee.'),
    );
    expect(minute.unknown).toContain('62');
  });

  it('never builds on an amount worked out in cents', () => {
    const r = check(
      'Each pen works out at 50 cents. A notebook costs $56.',
      passages('A pack of 12 pens costs $6.', 'Notebooks are also sold individually.'),
    );
    expect(r.on).toContain('numberMissing');
    expect(r.unknown).toContain('56');
  });
});

describe('a total over a count of the rate’s own unit is worked out, not in the rate’s place', () => {
  it('works out £15 for the longest stay at £5 per hour, and keeps a wrong total unknown', () => {
    const rate = passages('Parking costs £5 per hour, up to a maximum stay of 3 hours.');
    const right = check('Parking for the maximum stay of 3 hours costs £15.', rate);
    expect(right.on).toContain('numberDerived');
    expect(right.unknown).not.toContain('15');
    expect(check('Parking for the maximum stay of 3 hours costs £18.', rate).unknown).toContain('18');
    // Only the product: 8 = 3 + 5 and 2 = 5 − 3 are no totals at the rate.
    expect(check('Parking for the maximum stay of 3 hours costs £8.', rate).unknown).toContain('8');
    expect(check('Parking for 3 hours costs £2.', rate).unknown).toContain('2');
  });

  it('still reads a figure in a rate’s place as a replacement where the claim counts no such unit', () => {
    const plans = passages('The Basic plan costs £5 a month and the Pro plan costs £12 a month.');
    expect(check('The Pro plan costs £7 more than it did last year.', plans).unknown).toContain('7');
  });
});
