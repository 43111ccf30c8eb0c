// Revision 13's restatement feature: a claim that copies one whole sentence or clause of the
// aligned context. The word-level rule, then the claim-level one (only a copy with nothing else
// set is a restatement), each with the case that must count and the close cases that must not.
import { describe, expect, it } from 'vitest';
import { check, passages } from './__fixtures__/check-answer.js';
import { SUPPORT_MODEL } from './support-model.js';
import type { ClaimFeatures } from './claim-features.js';
import { restatement, restatesSentence } from './word-for-word.js';

/** The whole-sentence path: each text a sentence of one clause. */
const restatesOneOf = (claim: string, texts: readonly string[]) =>
  restatesSentence(
    claim,
    texts.map((text) => ({ text, clauses: [text] })),
    '',
  );

describe('restatesSentence, whole sentences', () => {
  const text = ['Refunds are issued within 14 days of the returned item reaching our warehouse.'];

  it('holds for the words of one whole text, whatever the case, punctuation or a leading "yes"', () => {
    expect(
      restatesOneOf('refunds are issued within 14 days of the returned item reaching our warehouse', text),
    ).toBe(true);
    expect(
      restatesOneOf("Yes, we can't refund it after 30 days", ['We can’t refund it after 30 days.']),
    ).toBe(true);
  });

  it('fails for a part of a sentence: the rest may restrict it', () => {
    expect(restatesOneOf('Entry is free.', ['Entry is free for members.'])).toBe(false);
    expect(
      restatesOneOf('The battery lasts 20 hours.', ['Some reviewers claim the battery lasts 20 hours.']),
    ).toBe(false);
  });

  it('fails for words stitched from two sentences', () => {
    const two = ['The museum is closed on Mondays.', 'The shop is open every day.'];
    expect(restatesOneOf('The museum is open every day.', two)).toBe(false);
    expect(restatesOneOf('The museum is open every day.', [two.join(' ')])).toBe(false);
  });

  it('keeps signs and hyphens as words', () => {
    expect(restatesOneOf('Temperatures drop to 5 degrees.', ['Temperatures drop to -5 degrees.'])).toBe(
      false,
    );
    expect(
      restatesOneOf('Applicants need 5 years of experience.', ['Applicants need 5+ years of experience.']),
    ).toBe(false);
    expect(restatesOneOf('Employees can claim the bonus.', ['Ex-employees can claim the bonus.'])).toBe(
      false,
    );
    expect(restatesOneOf('The late fee is 5%.', ['The late fee is 5 euros.'])).toBe(false);
  });

  it('fails for a changed or added word, and for an empty claim', () => {
    expect(
      restatesOneOf('Refunds are issued within 21 days of the returned item reaching our warehouse', text),
    ).toBe(false);
    expect(restatesOneOf('', [''])).toBe(false);
  });
});

describe('restatesSentence: a clause counts only when the answer copies its whole sentence', () => {
  const staff = {
    text: "Staff may work from home on Fridays, but only with a manager's approval.",
    clauses: ['Staff may work from home on Fridays', "only with a manager's approval."],
  };

  it('is false for one clause whose sibling restricts it', () => {
    const answer = 'Staff may work from home on Fridays.';
    expect(restatesSentence('Staff may work from home on Fridays', [staff], answer)).toBe(false);
  });

  it("reads a restriction the clause split drops or contracts: but, although, n't, cannot, must", () => {
    const cases: [string, string, string[]][] = [
      [
        "Staff may work from home on Fridays, but they need a manager's approval first.",
        'Staff may work from home on Fridays',
        ['Staff may work from home on Fridays', "they need a manager's approval first."],
      ],
      [
        'Dogs are welcome in the park, although they must stay on a lead.',
        'Dogs are welcome in the park',
        ['Dogs are welcome in the park', 'they must stay on a lead.'],
      ],
      [
        "Guests may bring dogs to the hotel; dogs aren't allowed in the restaurant.",
        'Guests may bring dogs to the hotel',
        ['Guests may bring dogs to the hotel', "dogs aren't allowed in the restaurant."],
      ],
      [
        'Visitors may park on Elm Street; they cannot park there overnight.',
        'Visitors may park on Elm Street',
        ['Visitors may park on Elm Street', 'they cannot park there overnight.'],
      ],
    ];
    for (const [text, claim, clauses] of cases)
      expect(restatesSentence(claim, [{ text, clauses }], `${claim}.`), text).toBe(false);
  });

  it('reads a contrast before the clause as introducing it, and a condition before it as restricting it', () => {
    const ferry = {
      text: 'Bicycles are carried free of charge, but cars need a reservation.',
      clauses: ['Bicycles are carried free of charge', 'cars need a reservation.'],
    };
    expect(restatesSentence('Cars need a reservation.', [ferry], '')).toBe(true);
    const gate = {
      text: 'If you arrive after 10pm, the gate is closed.',
      clauses: ['If you arrive after 10pm', 'the gate is closed.'],
    };
    expect(restatesSentence('The gate is closed.', [gate], '')).toBe(false);
  });

  it('reads a requirement after the clause worded without "must": have to, restricted, excluded', () => {
    for (const rest of [
      'they have to stay on a lead.',
      'dogs are restricted to the ground floor.',
      'dogs are excluded from the restaurant.',
    ]) {
      const text = `Guests may bring dogs to the hotel; ${rest}`;
      const clauses = ['Guests may bring dogs to the hotel', rest];
      expect(restatesSentence('Guests may bring dogs to the hotel.', [{ text, clauses }], ''), rest).toBe(
        false,
      );
    }
  });

  it('accepts a clause whose words occur twice when one occurrence is unrestricted', () => {
    const text = 'Entry is free on Mondays, but not for groups; entry is free.';
    const clauses = ['Entry is free on Mondays', 'not for groups', 'entry is free.'];
    expect(restatesSentence('Entry is free.', [{ text, clauses }], '')).toBe(true);
  });

  it('reads "no" and "prohibited" after the clause as restrictions, and never a word inside another', () => {
    const dogs = {
      text: 'Guests may bring dogs to the hotel; no dogs are allowed in the restaurant.',
      clauses: ['Guests may bring dogs to the hotel', 'no dogs are allowed in the restaurant.'],
    };
    expect(restatesSentence('Guests may bring dogs to the hotel.', [dogs], '')).toBe(false);
    const pool = {
      text: 'Children may use the pool, and children under 8 are prohibited from the deep end.',
      clauses: ['Children may use the pool', 'children under 8 are prohibited from the deep end.'],
    };
    expect(restatesSentence('Children may use the pool.', [pool], '')).toBe(false);
    const form = {
      text: 'Refunds are issued within 14 days, and the notée form is optional.',
      clauses: ['Refunds are issued within 14 days', 'the notée form is optional.'],
    };
    expect(restatesSentence('Refunds are issued within 14 days.', [form], '')).toBe(true);
  });

  it('is true for one clause whose sibling adds a fact without restricting it', () => {
    const refunds = {
      text: 'Refunds are available for 30 days, and shipping is free on orders over £50.',
      clauses: ['Refunds are available for 30 days', 'shipping is free on orders over £50.'],
    };
    expect(
      restatesSentence('Refunds are available for 30 days.', [refunds], 'Refunds are available for 30 days.'),
    ).toBe(true);
  });

  it('is true for each clause of a sentence the answer copies whole', () => {
    const answer = "Yes. Staff may work from home on Fridays, but only with a manager's approval.";
    expect(restatesSentence('Staff may work from home on Fridays', [staff], answer)).toBe(true);
    expect(restatesSentence("only with a manager's approval.", [staff], answer)).toBe(true);
  });
});

describe('the copied feature on a restricted clause', () => {
  it('is not set when the answer drops the restricting clause, and set when it copies the sentence', () => {
    const policy = passages("Staff may work from home on Fridays, but only with a manager's approval.");
    expect(check('Staff may work from home on Fridays.', policy).on).not.toContain('copied');
    expect(
      check("Staff may work from home on Fridays, but only with a manager's approval.", policy).on,
    ).toContain('copied');
  });
});

describe('restatement: a copy with nothing else set', () => {
  const none = Object.fromEntries(
    Object.keys(SUPPORT_MODEL)
      .filter((k) => k !== 'intercept')
      .map((k) => [k, 0]),
  ) as unknown as ClaimFeatures;
  const sentence = () => ['Members can renew a loan twice online.'];

  it('is 1 for a copy, with or without numbersAligned', () => {
    expect(restatement(none, 'Members can renew a loan twice online.', '', sentence)).toBe(1);
    expect(
      restatement({ ...none, numbersAligned: 1 }, 'Members can renew a loan twice online.', '', sentence),
    ).toBe(1);
  });

  it('is 0 for a copy that any other feature speaks against', () => {
    for (const cue of ['conditionDropped', 'nameElsewhere', 'numberElsewhere', 'uncoveredLocal'] as const)
      expect(restatement({ ...none, [cue]: 1 }, 'Members can renew a loan twice online.', '', sentence)).toBe(
        0,
      );
    expect(restatement(none, 'Members can renew a loan online.', '', sentence)).toBe(0);
  });
});

describe('the copied feature: a restatement, and nothing else', () => {
  const LIBRARY = passages(
    'Members can renew a loan twice online unless another reader has reserved the item.',
    'The library opens at 9am on weekdays.',
  );

  it('is set on a claim that copies a sentence of the context, with nothing else set', () => {
    const copy = check('The library opens at 9am on weekdays.', LIBRARY);
    expect(copy.on).toContain('copied');
    expect([...copy.on].filter((f) => f !== 'copied' && f !== 'numbersAligned')).toEqual([]);
  });

  it('is not set on a copied clause that drops its condition: the cue keeps its weight', () => {
    const copy = check('Members can renew a loan twice online.', LIBRARY);
    expect(copy.on).toContain('conditionDropped');
    expect(copy.on).not.toContain('copied');
  });

  it('is not set on a copy of a clause whose name the context gives to another sentence', () => {
    const cafe = passages('The café on the ground floor is run by volunteers. The shop is run by Tom Patel.');
    expect(check('The café on the ground floor is run by Tom Patel.', cafe).on).not.toContain('copied');
  });

  it('is not set on a paraphrase, nor on a copy with a changed figure', () => {
    expect(check('On weekdays the library opens its doors at 9am.', LIBRARY).on).not.toContain('copied');
    const changed = check('The library opens at 8am on weekdays.', LIBRARY);
    expect(changed.on).not.toContain('copied');
    expect(changed.on).toContain('numberMissing');
  });
});
