// The mechanisms the eleventh revision of the offline check added, each with the case that must
// fire and the close case that must not. Tested on claim features and verdicts of parts, which do
// not depend on the fitted coefficients.
import { describe, expect, it } from 'vitest';
import { check, passages } from './__fixtures__/check-answer.js';
import { splitSentences } from '../../text/sentences.js';
import { addedReason } from './added-reason.js';
import { droppedQuantifier } from './claim-cues.js';
import { analyzeClaim, extractNumberMentions } from './claim-facts.js';
import { codeWordsOf, unknownCodeWords } from './code-spans.js';
import { closedOnUnlistedDay } from './day-names.js';
import { negationFlipped, prefixFlipped, splitSegments } from './negation-scope.js';
import { derivable } from './number-reasoning.js';
import { evaluate, workedOutAmounts } from './shown-working.js';

const flipped = (claim: string, context: string) =>
  negationFlipped(splitSegments(claim), splitSegments(context));

describe('a plain flip of the aligned statement (negationFlipped)', () => {
  it('fires when the negation on one side governs a word the other side states', () => {
    expect(
      flipped(
        'Overnight parking is allowed at the Eastfield car park.',
        'Overnight parking is not permitted at the Eastfield car park.',
      ),
    ).toBe(true);
    expect(
      flipped('Fasting is also required for this test.', 'Vitamin D test: no fasting is required.'),
    ).toBe(true);
    expect(
      flipped("The tower isn't open to the public.", 'The tower is open to the public on Sundays.'),
    ).toBe(true);
    expect(flipped('Lead was detected in both samples.', 'No lead was detected in either sample.')).toBe(
      true,
    );
  });

  it('agrees when both sides have the same polarity', () => {
    expect(
      flipped(
        'Overnight parking is not allowed at the Eastfield car park.',
        'Overnight parking is not permitted at the Eastfield car park.',
      ),
    ).toBe(false);
    expect(flipped('Lead was not detected in either sample.', 'No lead was detected in either sample.')).toBe(
      false,
    );
  });

  it('is not read off a polarity worded another way, a condition or a negating prefix', () => {
    // "unless" = "if … not"; "without" = "no …"; "uncapped" = "not capped"; "nil" = "no".
    expect(
      flipped(
        "If you don't renew, the account moves to the Basic plan.",
        'At the end of the year the account moves to the Basic plan unless you renew.',
      ),
    ).toBe(false);
    expect(
      flipped(
        "You don't need an appointment for the walk-in clinic.",
        'The walk-in clinic sees patients without an appointment.',
      ),
    ).toBe(false);
    expect(flipped("The resit mark isn't capped.", 'The resit mark is uncapped.')).toBe(false);
    expect(
      flipped("There's no excess on the Gold policy.", 'The excess is £150 on Silver and nil on Gold.'),
    ).toBe(false);
  });

  it('reads "no longer" and "nobody" as negations', () => {
    expect(
      flipped(
        "A nut allergy isn't a reason to skip the vaccine.",
        'A nut allergy is no longer considered a reason to skip the vaccine.',
      ),
    ).toBe(false);
    expect(
      flipped(
        'If nobody collects the keys, they are posted to you.',
        'Keys not collected by noon are posted to you.',
      ),
    ).toBe(false);
  });

  it('compares with the context statement the claim restates most fully', () => {
    // Both sentences share five words with the claim; the second is restated whole.
    const DESK =
      'Members with 24/7 access can enter at any time using their key fob; hot-desk members do not have out-of-hours access.';
    expect(flipped('hot-desk members can use their key fob for out-of-hours access', DESK)).toBe(true);
    expect(flipped("hot-desk members don't get out-of-hours access with their key fob", DESK)).toBe(false);
  });

  it('needs two words to compare and no condition', () => {
    expect(flipped('baths have to wait', 'Do not soak the knee in a bath.')).toBe(false);
    expect(
      flipped(
        "as long as the bin wasn't emptied, the files can be recovered",
        'Emptying the bin deletes files, and they cannot then be recovered.',
      ),
    ).toBe(false);
  });

  it('treats a segment of a clause that holds a negation as possibly under it', () => {
    // "Foam extinguishers (cream label) must not be used": the subject segment has no negator of
    // its own, so a negated claim about foam extinguishers does not contradict it.
    expect(
      flipped(
        "Don't use a foam extinguisher on electrical fires.",
        'Foam extinguishers (cream label) must not be used on electrical fires.',
      ),
    ).toBe(false);
    expect(
      flipped(
        'Green bins must not contain soil, stones or cat litter.',
        'Green bins must not contain soil, stones or cat litter.',
      ),
    ).toBe(false);
    // An elliptical reply ("Not on Tuesday, I'm afraid") states nothing to flip.
    expect(flipped("Not on Tuesday, I'm afraid.", 'Lane swimming runs Tuesday to Friday mornings.')).toBe(
      false,
    );
  });

  it('reads a negating prefix the claim adds or drops as a flip', () => {
    expect(
      prefixFlipped(
        'Drowsiness is a common side effect.',
        'Drowsiness is uncommon, affecting up to 1 in 100 people.',
      ),
    ).toBe(true);
    expect(prefixFlipped('Sale items are refundable.', 'Sale items are non-refundable.')).toBe(true);
    expect(prefixFlipped('The permit is invalid after June.', 'The permit is valid until June.')).toBe(true);
    // Agreed with a negator ("isn't available" = "unavailable"), and no prefix read off "income".
    expect(
      prefixFlipped(
        "If the instance type isn't available, it retries.",
        'If the instance type is unavailable, it retries.',
      ),
    ).toBe(false);
    expect(prefixFlipped('Your income is taxed monthly.', 'Taxed monthly: come to the office.')).toBe(false);
    expect(
      prefixFlipped('Drowsiness is uncommon.', 'Drowsiness is uncommon, affecting up to 1 in 100 people.'),
    ).toBe(false);
  });

  it('reads no flip from an idiom, an ordinary noun or a word that only looks prefixed', () => {
    expect(
      flipped('The hotel is not far from the station.', 'The hotel is a short walk from the station.'),
    ).toBe(false);
    expect(flipped('The discount is not just for students.', 'The discount is for students and staff.')).toBe(
      false,
    );
    // "bar" and "university" say nothing of polarity: the flips are still read.
    expect(
      flipped('Children are allowed in the bar area.', 'Children are not allowed in the bar area.'),
    ).toBe(true);
    expect(
      flipped('University staff can park in the main lot.', 'University staff cannot park in the main lot.'),
    ).toBe(true);
    expect(flipped('Nobody checks tickets on the ferry.', 'Staff check tickets on the ferry.')).toBe(true);
    expect(prefixFlipped('It is cheaper unless you pay by card.', 'It costs less.')).toBe(false);
    expect(
      prefixFlipped('Visiting hours for inpatients are 2pm to 8pm.', 'Patients may receive visitors.'),
    ).toBe(false);
    expect(prefixFlipped('Neither pass is valid on Sundays.', 'Both passes are invalid on Sundays.')).toBe(
      false,
    );
    expect(prefixFlipped('Nobody under 16 is eligible.', 'Under-16s are ineligible.')).toBe(false);
  });

  it('is a claim feature, never set on a statement about the documents', () => {
    const CONTEXT = passages('Overnight parking is not permitted at the Eastfield car park.');
    expect(check('Yes, overnight parking is allowed at the Eastfield car park.', CONTEXT).on).toContain(
      'negationFlipped',
    );
    expect(check('Overnight parking is not allowed at the Eastfield car park.', CONTEXT).on).not.toContain(
      'negationFlipped',
    );
    const ENCRYPTION = passages('Orbit encrypts all data in transit using TLS 1.3.');
    expect(check("The documents don't say how data is encrypted at rest.", ENCRYPTION).on).not.toContain(
      'negationFlipped',
    );
  });
});

describe('a limit on a group, or advice, the claim drops (quantifierDropped)', () => {
  const dropped = (claim: string, aligned: string) =>
    droppedQuantifier(claim, analyzeClaim(claim).terms, aligned);

  it('fires when the aligned sentence limits the group the claim restates and the claim keeps no hedge', () => {
    expect(
      dropped(
        'Octopus species live for one to two years.',
        'Most octopus species live for only one to two years.',
      ),
    ).toBe(true);
    expect(
      dropped(
        'Reference books can be borrowed overnight.',
        'Some reference books may be borrowed overnight.',
      ),
    ).toBe(true);
    expect(
      dropped(
        'Adults are required to have a check-up every year.',
        'Adults are recommended to have a check-up every year.',
      ),
    ).toBe(true);
  });

  it('reads no limit from a superlative, "as many", "a few", "make certain", or from advice that is no advice', () => {
    expect(dropped('The latest version is 4.2.', 'The most recent version is 4.2.')).toBe(false);
    expect(
      dropped('Members can borrow unlimited books.', 'Members can borrow as many books as they like.'),
    ).toBe(false);
    expect(
      dropped('The hotel is minutes from the station.', 'The hotel is a few minutes from the station.'),
    ).toBe(false);
    expect(dropped('Lock the door when you leave.', 'Make certain the door is locked when you leave.')).toBe(
      false,
    );
    expect(
      dropped(
        'The common octopus lives for about a year.',
        'Most species live one to two years; the common octopus lives about a year.',
      ),
    ).toBe(false);
    expect(
      dropped('A valid passport is required.', 'You need a valid passport, and we advise arriving early.'),
    ).toBe(false);
    expect(
      dropped(
        'You have to activate the card.',
        'Your card should arrive in five days; you need to activate it.',
      ),
    ).toBe(false);
    expect(
      dropped('Guests have to leave the pool by 9pm.', 'Guests are advised that the pool closes at 9pm.'),
    ).toBe(false);
  });

  it('does not fire when the claim keeps a hedge, or the limit is on another group', () => {
    expect(
      dropped(
        'Most octopus species live for one to two years.',
        'Most octopus species live for only one to two years.',
      ),
    ).toBe(false);
    expect(
      dropped(
        'Some reference books may be borrowed overnight.',
        'Some reference books may be borrowed overnight.',
      ),
    ).toBe(false);
    expect(
      dropped(
        'Laptops can be borrowed for four hours.',
        'Some reference books may be borrowed overnight; laptops for four hours.',
      ),
    ).toBe(false);
    expect(
      dropped(
        'Adults are advised to have a check-up every year.',
        'Adults are recommended to have a check-up every year.',
      ),
    ).toBe(false);
    expect(dropped('You must bring photo ID.', 'You must bring photo ID; we recommend arriving early.')).toBe(
      false,
    );
  });
});

describe('pointing the user to someone who may know, after saying the documents do not cover it', () => {
  const PAYROLL = passages('Overtime is paid at time and a half for hours over 40 in a week.');

  it('is advice, not a claim to check', () => {
    const answer =
      "The documents don't say how night shifts are paid. Payroll or HR would be the best people to ask.";
    expect(check(answer, PAYROLL).claims.join(' | ')).not.toContain('Payroll');
    const contact =
      "Overtime is paid at time and a half. The handbook doesn't mention night shifts, so check with the Staff Benefits Office.";
    expect(check(contact, PAYROLL).claims.join(' | ')).not.toContain('Staff Benefits');
    expect(check(contact, PAYROLL).on).not.toContain('nameMissing');
  });

  it('knows kinds of document ("the specs I have", "this SOP"), and not "the policy"', () => {
    const TV = passages('Connectivity: 4 HDMI inputs, 2 USB ports, Wi-Fi 6.');
    expect(check("The connectivity specs I have don't mention Dolby Vision.", TV).on).not.toContain(
      'nameMissing',
    );
    expect(check("Sorry, this SOP doesn't cover waste disposal.", TV).claims).toHaveLength(0);
    const INSURANCE = passages('The Home Plus policy covers fire and theft.');
    expect(check("The policy doesn't cover flood damage.", INSURANCE).claims).toHaveLength(1);
    const desk =
      "Her NPI isn't in the information I have. The clinic's front desk should be able to give you it.";
    expect(check(desk, TV).claims).toHaveLength(0);
  });

  it('exempts only a referral, never a claim about the world that follows a refusal', () => {
    const HOTEL = passages('The Oakfield Hotel has 40 rooms. Breakfast is served from 7am to 10am.');
    const refusal = "The documents don't mention Wi-Fi.";
    for (const claim of [
      'Guests may have unlimited Wi-Fi in every room.',
      'The hotel will give every guest a complimentary massage.',
      'Staff will help you carry your bags to the room.',
      'Your account manager, Priya Shah, can confirm the details.',
    ])
      expect(check(`${refusal} ${claim}`, HOTEL).claims).toHaveLength(1);
  });

  it('needs a true refusal: after a false one the referral is checked', () => {
    const PARKING = passages('Parking is available in the basement for £12 a night.');
    const falseRefusal =
      "The documents don't say whether there is parking. Reception can confirm whether spaces are free.";
    expect(check(falseRefusal, PARKING).claims.join(' | ')).toContain('Reception');
  });

  it('is checked as usual before any absence statement, or when it states a number', () => {
    expect(
      check('Payroll or HR would be the best people to ask about overtime.', PAYROLL).claims,
    ).toHaveLength(1);
    const phone = "The documents don't say how night shifts are paid; call Payroll on 0300 555 0199.";
    expect(check(phone, PAYROLL).on).toContain('numberMissing');
  });
});

describe('times written with full stops ("9 p.m.")', () => {
  it('reads "a.m." and "p.m." as am and pm', () => {
    const values = (text: string) => extractNumberMentions(text).map((m) => m.value);
    expect(values('open 8 a.m. to 9 p.m. daily')).toEqual(['8:00', '21:00']);
    expect(values('from 10 a.m to 6 p.m')).toEqual(['10:00', '18:00']);
    expect(values('open 8am to 9pm')).toEqual(['8:00', '21:00']);
  });

  it('finds the stated hours, and still flags a changed one', () => {
    const CLINIC = passages('The urgent care centre is open 08:00–21:00 every day.');
    expect(check('It is open 8 a.m. to 9 p.m. every day.', CLINIC).on).not.toContain('numberMissing');
    expect(check('It is open 8 a.m. to 10 p.m. every day.', CLINIC).unknown.join(' ')).toContain('10 p.m.');
  });
});

describe('a day the claim says something is closed, read from the gap in a timetable', () => {
  const MUSEUM = passages('The museum is open 10am to 5pm, Tuesday to Sunday.');

  it('backs "closed on Mondays" from "open Tuesday to Sunday", and no other day', () => {
    expect(check("It's closed on Mondays.", MUSEUM).unknown).not.toContain('mondays');
    expect(check("It's open on Mondays.", MUSEUM).unknown).toContain('mondays');
    expect(check("It's closed on Monday.", MUSEUM).unknown).not.toContain('monday');
    expect(closedOnUnlistedDay('closed on Sundays', 'sunday', 'Open Tuesday to Sunday.')).toBe(false);
    // Two days are no timetable to read a gap from.
    expect(closedOnUnlistedDay('closed on Mondays', 'monday', 'Late opening on Thursday and Friday.')).toBe(
      false,
    );
  });
});

describe('"St." and other titles do not end a sentence', () => {
  it('keeps "St. Aldric" and "Prof. Lee" inside their sentence', () => {
    expect(splitSentences('Visiting hours at St. Aldric are 10am to 8pm. Children may visit.')).toEqual([
      'Visiting hours at St. Aldric are 10am to 8pm.',
      'Children may visit.',
    ]);
    expect(splitSentences('Ask Prof. Lee first. Then book.')).toHaveLength(2);
  });
});

describe('"to keep in mind" gives no reason', () => {
  it('is an idiom, while "to keep costs down" is a purpose', () => {
    const none = new Set<string>();
    expect(addedReason('There are two sets of rules to keep in mind.', none, none)).toBeUndefined();
    expect(addedReason('Prices rose to keep costs down for members.', none, none)).toBe(
      'costs down for members.',
    );
  });
});

describe('a share the claim names ("a third off")', () => {
  const mention = (text: string, value: string) => {
    const found = extractNumberMentions(text).find((m) => m.value === value);
    if (!found) throw new Error(`${value} not in ${text}`);
    return found;
  };
  const PRICE = extractNumberMentions('An anytime return costs £54.');

  it('backs a share of a stated amount, or what is left of it', () => {
    const claim = 'With a third off, the £54 anytime return comes down to £36.';
    expect(derivable(mention(claim, '36'), PRICE, claim)).toBe(true);
    const quarter = 'Three-quarters of the £54 fare is £40.50.';
    expect(derivable(mention(quarter, '40.5'), PRICE, quarter)).toBe(true);
  });

  it('backs no wrong share, and no share the claim does not name', () => {
    const wrong = 'With a third off, the £54 anytime return comes down to £38.';
    expect(derivable(mention(wrong, '38'), PRICE, wrong)).toBe(false);
    const unnamed = 'With the discount, the £54 anytime return comes down to £36.';
    expect(derivable(mention(unnamed, '36'), PRICE, unnamed)).toBe(false);
  });
});

describe('working shown with words ("£3.50 x 2 people x 3 nights", "95 minutes minus 50")', () => {
  it('evaluates sums whose figures carry words or whose operators are words', () => {
    expect(evaluate('£3.50 x 2 people x 3 nights')).toBe(21);
    expect(evaluate('95 minutes minus 50 minutes')).toBe(45);
    expect(evaluate('14 in November plus 8 in December')).toBe(22);
    expect(evaluate('2,048 GB × $0.018')).toBeCloseTo(36.864);
    // "x" inside a word ("tax", "next") is no operator.
    expect(evaluate('£12 tax x 2')).toBe(24);
  });

  it('clears a right result and never a wrong one', () => {
    const backed = (a: number) => [3.5, 2, 3, 95, 50, 120].includes(a);
    expect(workedOutAmounts('£21 city tax (£3.50 x 2 people x 3 nights)', backed)).toContain(21);
    expect(workedOutAmounts('£24 city tax (£3.50 x 2 people x 3 nights)', backed).has(24)).toBe(false);
    expect(
      workedOutAmounts('about 45 minutes on the island (95 minutes minus 50 minutes of walking)', backed),
    ).toContain(45);
    expect(
      workedOutAmounts('about 55 minutes on the island (95 minutes minus 50 minutes of walking)', backed).has(
        55,
      ),
    ).toBe(false);
    // A figure neither stated nor worked out leaves the sum unproven.
    expect(workedOutAmounts('£28 city tax (£3.50 x 2 people x 4 nights)', backed).has(28)).toBe(false);
  });
});

describe('an amount worked out that the context also states as another quantity', () => {
  const PARKING = passages('Parking costs £5 per hour. Allow 15 minutes to walk to the gate.');

  it('is worked out ("three hours would be £15"), not a changed unit', () => {
    const worked = check('Three hours would be £15.', PARKING, 'How much is parking for three hours?');
    expect(worked.on).not.toContain('unitMismatch');
    expect(worked.on).toContain('numberDerived');
  });

  it('is still a changed unit when no sum makes it', () => {
    expect(check('The walk to the gate takes 15 hours.', PARKING).on).toContain('unitMismatch');
    expect(check('Parking costs £15 per minute.', PARKING).on).toContain('unitMismatch');
  });
});

describe('the second review of revision 11 (numbers, days, sentences)', () => {
  it('reads working in words only where both orders agree, and never across a number word', () => {
    // Classes at £5: 14 + 8 = 22 classes, £110; read with × first the sum gives £54.
    expect(evaluate('14 in November plus 8 in December times £5')).toBeUndefined();
    expect(evaluate('14 in November plus 8 in December')).toBe(22);
    expect(evaluate('£1.75 x 2 guests three nights + £2 fee')).toBeUndefined();
    expect(evaluate('£3.50 X 2 people X 3 nights')).toBe(21);
    // Symbols keep the usual precedence.
    expect(evaluate('25 × 9/5 + 32')).toBe(77);
  });

  it('takes a figure with words of its own as a count to be stated, never as a constant', () => {
    const backed = (a: number) => [3.5, 2, 3, 4].includes(a);
    expect(workedOutAmounts('£49 city tax (£3.50 x 2 people x 7 nights)', backed).has(49)).toBe(false);
    expect(workedOutAmounts('£96 (£4 x 24 hours)', backed).has(96)).toBe(false);
    expect(workedOutAmounts('£300 a year (25 × 12 = 300)', (a) => a === 25, 'per month')).toContain(300);
  });

  it('is fast on a long run of letters after a sum', () => {
    const start = performance.now();
    workedOutAmounts(`1 + 1 = 2 and 5 ${'a'.repeat(2000)}`, () => true);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('keeps a changed currency or rate a changed unit', () => {
    const PARKING = passages('Parking costs £15 a day. The car park has 5 levels and 3 lifts.');
    expect(check('Parking costs $15 a day.', PARKING).on).toContain('unitMismatch');
    expect(check('Parking costs £15 an hour.', PARKING).on).toContain('unitMismatch');
  });

  it('reads a closed day only from opening hours, with the closed word on the day', () => {
    expect(
      closedOnUnlistedDay(
        'The library is closed on Mondays.',
        'mondays',
        'The library is closed on Tuesdays, Wednesdays and Thursdays.',
      ),
    ).toBe(false);
    expect(
      closedOnUnlistedDay(
        'The tip is closed on Tuesdays.',
        'tuesdays',
        'Bins are collected on Monday, Wednesday and Friday.',
      ),
    ).toBe(false);
    expect(
      closedOnUnlistedDay(
        'The café is closed on bank holidays and opens on Mondays.',
        'mondays',
        'The museum is open Tuesday to Sunday.',
      ),
    ).toBe(false);
    expect(
      closedOnUnlistedDay(
        "It's closed on Mondays.",
        'mondays',
        'The museum is open 10am to 5pm, Tuesday to Sunday.',
      ),
    ).toBe(true);
  });

  it('reads a share only as a share of an amount', () => {
    const MEMBERSHIP = extractNumberMentions('Annual membership costs £60.');
    const value = (claim: string, v: string) => {
      const found = extractNumberMentions(claim).find((m) => m.value === v);
      if (!found) throw new Error(`${v} not in ${claim}`);
      return derivable(found, MEMBERSHIP, claim);
    };
    expect(value('The gym on the third floor costs £20 a year.', '20')).toBe(false);
    expect(value('Guests can use the half-size pool for £30.', '30')).toBe(false);
    expect(value('A one-third discount takes £60 to £40.', '40')).toBe(true);
    expect(value('Half price is £30.', '30')).toBe(true);
  });

  it('ends a sentence after an ordinal or an address, not after a title', () => {
    expect(splitSentences('Applications close on March 21st. Late entries cost £20.')).toHaveLength(2);
    expect(splitSentences('The office is at 12 Main St. The office opens at 9.')).toHaveLength(2);
    expect(splitSentences('Climb Mt. Kinder first. Then rest.')).toHaveLength(2);
    expect(splitSentences('St. Mary is near. It opens at 9.')).toHaveLength(2);
  });
});

describe('the third review of revision 11 (the fixes)', () => {
  const SAUNA = passages('The sauna is open from 7am to 9pm. Towels are provided.');
  const refusal = 'The documents do not say whether the sauna has a steam room.';

  it('takes a party by its capital, not the first word of a sentence', () => {
    expect(
      check(`${refusal} Contact lenses must be removed before using the sauna.`, SAUNA).claims,
    ).toHaveLength(1);
    expect(check(`${refusal} Membership will give you free use of the sauna.`, SAUNA).claims).toHaveLength(1);
    expect(
      check(`${refusal} The receptionist can tell you that it is free for members.`, SAUNA).claims,
    ).toHaveLength(1);
    expect(
      check(`${refusal} Leisure Services can confirm whether one is planned.`, SAUNA).claims,
    ).toHaveLength(0);
  });

  it('accepts a constant labelled with its own unit where the claim names the period', () => {
    const GYM = passages('Gym membership costs £50 a month.');
    expect(check('Over a year that comes to £600 (£50 × 12 months).', GYM).on).not.toContain('numberMissing');
    expect(workedOutAmounts('£96 (£4 x 24 hours)', (a) => a === 4, 'Bikes cost £4 an hour.').has(96)).toBe(
      false,
    );
  });

  it('keeps the usual precedence for symbols written with labels', () => {
    expect(evaluate('£20 fee + £50 per night × 3 nights')).toBe(170);
    expect(evaluate('14 in November plus 8 in December times £5')).toBeUndefined();
  });

  it('reads closed days in a list or before the closed word, and opening hours that say when it closes', () => {
    const OPEN = 'The museum is open Wednesday to Sunday.';
    expect(closedOnUnlistedDay('It is closed on Mondays and Tuesdays.', 'tuesdays', OPEN)).toBe(true);
    expect(closedOnUnlistedDay('On Mondays the museum is closed.', 'mondays', OPEN)).toBe(true);
    expect(
      closedOnUnlistedDay(
        'It is closed on Mondays.',
        'mondays',
        'It opens Tuesday to Sunday at 10am and closes at 5pm.',
      ),
    ).toBe(true);
  });

  it('reads "half-price", "half the usual rate" and "a third less" as shares', () => {
    const P = extractNumberMentions('Entry costs £60.');
    const derived = (claim: string, v: string) => {
      const found = extractNumberMentions(claim).find((m) => m.value === v);
      if (!found) throw new Error(`${v} not in ${claim}`);
      return derivable(found, P, claim);
    };
    expect(derived('Students pay half-price, so £30.', '30')).toBe(true);
    expect(derived('That is half the usual rate: £30.', '30')).toBe(true);
    expect(derived('Members pay a third less, £40.', '40')).toBe(true);
  });

  it('keeps a limit on a two-word group, and reads "no need", "advisable" and "most common" right', () => {
    const dropped = (claim: string, aligned: string) =>
      droppedQuantifier(claim, analyzeClaim(claim).terms, aligned);
    expect(dropped('Members get free parking.', 'Some gold members get free parking.')).toBe(true);
    expect(dropped('You must book a lane.', 'It is advisable to book a lane.')).toBe(true);
    expect(dropped('You must book a lane.', 'There is no need to book a lane on weekdays.')).toBe(false);
    expect(dropped('Side effects happen in children.', 'Side effects are most common in children.')).toBe(
      false,
    );
  });

  it('treats any currency as money', () => {
    const BIKES = passages('Bikes are 5 CHF an hour, for up to 3 hours. The deposit is 15 CHF.');
    expect(check('The deposit is £15.', BIKES).on).toContain('unitMismatch');
  });

  it('reads fenced code, and prose case aside', () => {
    const FENCED = 'Build it with\n```\nnpm run build\n```\nThe output goes to `dist`.';
    expect(unknownCodeWords('Run `npm run build`.', codeWordsOf(FENCED), FENCED, '')).toEqual([]);
    expect(
      unknownCodeWords('Go to `Privacy Settings`.', null, 'Open the privacy settings page.', ''),
    ).toEqual([]);
  });

  it('keeps "London St. Pancras" in one sentence', () => {
    expect(splitSentences('Trains run from London St. Pancras to Paris every hour.')).toHaveLength(1);
  });

  it('reads "not always" as a flip of "always", and no prefix off "invaluable"', () => {
    expect(
      flipped(
        'Refunds are not always issued to the original card.',
        'Refunds are always issued to the original card.',
      ),
    ).toBe(true);
    expect(prefixFlipped('The guide is invaluable.', 'The guide is valuable.')).toBe(false);
  });
});

describe('text in backticks is literal', () => {
  const DOCS =
    'Use `ledger-cli invoice remind <id>` to send a reminder; we notify you when it is read. Add `--cc-me` to get a copy.';
  const code = codeWordsOf(DOCS);
  const unknown = (claim: string, question = 'How do I remind invoice 4411?') =>
    unknownCodeWords(claim, code, DOCS, question);

  it('flags a command word the documents do not spell in their code, case kept', () => {
    expect(unknown('Run `ledger-cli invoice notify 4411`.')).toEqual(['notify']);
    expect(unknown('Run `ledger-cli Invoice remind 4411`.')).toEqual(['Invoice']);
    expect(check('Run `ledger-cli invoice notify 4411` to send it.', passages(DOCS)).on).toContain(
      'nameMissing',
    );
    // Without code of their own, the documents' words are compared, case kept.
    expect(
      unknownCodeWords('Set `log_level=debug`.', null, 'Set LOG_LEVEL to debug for more output.', ''),
    ).toEqual(['log_level']);
  });

  it("accepts the documented command with the question's own values", () => {
    expect(unknown('Run `ledger-cli invoice remind 4411` and add `--cc-me`.')).toEqual([]);
    expect(unknown('No code here.', '')).toEqual([]);
    expect(codeWordsOf('No code in this passage.')).toBeNull();
  });
});
