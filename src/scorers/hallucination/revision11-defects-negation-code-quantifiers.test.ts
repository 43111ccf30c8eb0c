// Four defects of revision 11 a review found (docs/metrics.md), each with the case that must fire
// and the close case that must not. Tested on claim features and verdicts of parts, which do not
// depend on the fitted coefficients.
import { describe, expect, it } from 'vitest';
import { check, passages } from './__fixtures__/check-answer.js';
import { droppedQuantifier } from './claim-cues.js';
import { analyzeClaim } from './claim-facts.js';
import { codeWordsOf, unknownCodeWords } from './code-spans.js';
import { negationFlipped, prefixFlipped, splitSegments } from './negation-scope.js';

const flipped = (claim: string, context: string) =>
  negationFlipped(splitSegments(claim), splitSegments(context));

describe('a flip needs both sides to be about the same subject (negationFlipped)', () => {
  const GROUPS = 'Pre-booking is required for groups of ten or more.';

  it('is no flip of a statement restricted to a group the claim does not name', () => {
    expect(flipped("Individual visitors don't require pre-booking.", GROUPS)).toBe(false);
    expect(
      flipped(
        "Individual visitors don't require pre-booking.",
        'For groups of ten or more, pre-booking is required.',
      ),
    ).toBe(false);
    expect(flipped("Children don't need photo ID.", 'Photo ID is required for guests over 18.')).toBe(false);
    expect(flipped("Adults don't need a booking.", 'A booking is required for children.')).toBe(false);
    expect(flipped("Adults don't need a wristband.", 'A wristband is required for each child.')).toBe(false);
    expect(
      flipped(
        "Individual visitors don't need to pre-book.",
        'Pre-booking is required for a group of ten or more.',
      ),
    ).toBe(false);
    expect(flipped("Visitors don't need to book.", 'Booking is required for under-16s.')).toBe(false);
    expect(flipped("Non-members don't need to book.", "Booking is required for members' guests.")).toBe(
      false,
    );
    expect(check("Individual visitors don't require pre-booking.", passages(GROUPS)).on).not.toContain(
      'negationFlipped',
    );
  });

  it('is a flip when the claim restates the group, or the statement has no restriction', () => {
    // A claim that adds nothing but the negation drops the restriction and contradicts it.
    expect(flipped("Guests don't need photo ID.", 'Photo ID is required for guests over 18.')).toBe(true);
    expect(flipped("You don't need photo ID.", 'Photo ID is required for entry.')).toBe(true);
    expect(flipped("You don't need a permit.", 'A permit is required for parking.')).toBe(true);
    expect(flipped('Booking is not required.', 'Booking is required for weekend visits.')).toBe(true);
    expect(flipped('Masks are not required.', 'Masks are required when visiting the ward.')).toBe(true);
    // A purpose or an occasion is no group: a claim with a subject of its own still denies the rule.
    expect(flipped("Visitors don't need photo ID.", 'Photo ID is required for entry.')).toBe(true);
    expect(flipped("Visitors don't need to wear masks.", 'Masks must be worn when visiting the ward.')).toBe(
      true,
    );
    expect(
      flipped("Customers don't need a permit.", 'A permit is required for parking in the car park.'),
    ).toBe(true);
    // Plural purposes are no groups either: who the rule is for is named by a noun for people.
    expect(flipped("Customers don't need an appointment.", 'An appointment is required for repairs.')).toBe(
      true,
    );
    expect(flipped("Members don't need to book.", 'Booking is required for classes.')).toBe(true);
    expect(flipped("Passengers don't need ID.", 'ID is required for bus travel.')).toBe(true);
    expect(flipped("Groups of ten or more don't need to pre-book.", GROUPS)).toBe(true);
    expect(check("Groups of ten or more don't need to pre-book.", passages(GROUPS)).on).toContain(
      'negationFlipped',
    );
    expect(flipped("You don't need to pre-book.", 'Pre-booking is required.')).toBe(true);
    expect(flipped("Guests over 18 don't need photo ID.", 'Photo ID is required for guests over 18.')).toBe(
      true,
    );
    // A bound of the claim's own against the context's is about the same group.
    expect(
      flipped(
        'Children over 6 can take half the adult dose.',
        'Children under 12 should not take this medicine.',
      ),
    ).toBe(true);
    // "for this test" names what the statement is about, no group: still a flip.
    expect(flipped('No fasting is required.', 'Fasting is required for this test.')).toBe(true);
  });
});

describe('"in-" and "im-" read as a negation only on an adjective (prefixFlipped)', () => {
  const TABLETS = "The tablets are printed with 'G5' on one side.";

  it('reads no flip off "imprinted", "inbuilt", "implant" or "imports"', () => {
    expect(prefixFlipped('The tablets are imprinted with G5.', TABLETS)).toBe(false);
    expect(check('The tablets are imprinted with G5.', passages(TABLETS)).on).not.toContain(
      'negationFlipped',
    );
    expect(prefixFlipped('The oven has an inbuilt timer.', 'The oven has a built timer.')).toBe(false);
    expect(prefixFlipped('The implant is titanium.', 'The plant is titanium.')).toBe(false);
    expect(prefixFlipped('The shop imports goods.', 'The shop ports goods.')).toBe(false);
  });

  it('still reads a negating "in-", "im-" or "il-" on an adjective or an adverb', () => {
    expect(
      prefixFlipped('The treatment of the animals was inhuman.', 'The treatment of the animals was human.'),
    ).toBe(true);
    expect(prefixFlipped('The form is complete.', 'The form is incomplete until it is signed.')).toBe(true);
    expect(prefixFlipped('Parking there is illegal.', 'Parking there is legal after 6pm.')).toBe(true);
    expect(prefixFlipped('The tablets are incorrectly printed.', 'The tablets are correctly printed.')).toBe(
      true,
    );
    expect(prefixFlipped('A refund is impossible.', 'A refund is possible within 30 days.')).toBe(true);
  });
});

describe('an identifier the context writes exactly, in prose or code, is backed in backticks', () => {
  const DOCS =
    'Install it with `npm install acme`. Then set ACME_API_KEY in config.yaml; we notify you when the key expires.';
  const unknown = (claim: string) => unknownCodeWords(claim, codeWordsOf(DOCS), DOCS, '');

  it('backs `ACME_API_KEY` and `config.yaml` written in prose beside code', () => {
    expect(unknown('Set `ACME_API_KEY` in `config.yaml`.')).toEqual([]);
    expect(check('Set `ACME_API_KEY` in `config.yaml`.', passages(DOCS)).on).not.toContain('nameMissing');
  });

  it('flags an identifier written otherwise, one the context lacks, and a plain word only in prose', () => {
    expect(unknown('Set `acme_api_key` in `config.yaml`.')).toEqual(['acme_api_key']);
    expect(unknown('Set `ACME_TOKEN` in `config.yaml`.')).toEqual(['ACME_TOKEN']);
    expect(unknown('Run `npm notify acme`.')).toEqual(['notify']);
    expect(check('Set `ACME_TOKEN` in `config.yaml`.', passages(DOCS)).on).toContain('nameMissing');
  });
});

describe('a limit counts only on the clause the claim restates (quantifierDropped)', () => {
  const ROOMS = 'Most rooms have a sea view, and every room has free Wi-Fi.';
  const dropped = (claim: string, aligned: string) =>
    droppedQuantifier(claim, analyzeClaim(claim).terms, aligned);

  it('reads no limit from another clause of the aligned sentence', () => {
    expect(dropped('The rooms have free Wi-Fi.', ROOMS)).toBe(false);
    expect(check('The rooms have free Wi-Fi.', passages(ROOMS)).on).not.toContain('quantifierDropped');
  });

  it('keeps the limit on the clause the claim restates', () => {
    expect(dropped('The rooms have a sea view.', ROOMS)).toBe(true);
    expect(check('The rooms have a sea view.', passages(ROOMS)).on).toContain('quantifierDropped');
    expect(dropped('The rooms have free Wi-Fi.', 'Most rooms have a sea view and free Wi-Fi.')).toBe(true);
  });
});
