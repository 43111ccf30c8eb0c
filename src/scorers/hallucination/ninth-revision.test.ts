// The mechanisms the ninth revision of the offline check added or corrected, each with the case
// that must fire and the close case that must not, and the review's must-still-flag twins. They
// are tested on the claim features, which do not depend on the fitted coefficients.
import { describe, expect, it } from 'vitest';
import type { ScoringPassage } from '../scoring-input.js';
import { analyzeAnswer } from './answer-sentences.js';
import { checkAnswerSupport } from './answer-support.js';
import type { ClaimFeatures } from './claim-check.js';
import { analyzeClaim, extractNumberMentions, normalizeClaimText } from './claim-facts.js';
import { extractNames } from './sentence-evidence.js';
import { swappedIdentifiers, swappedSlotNumbers } from './identifiers.js';
import { derivable } from './number-reasoning.js';
import { derivableInTwoSteps } from './two-step-arithmetic.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p${i}`, docId: 'doc', text }));

/** Every feature some claim of the answer fires, with what the check names as unbacked. */
function fired(answer: string, context: ScoringPassage[], question?: string) {
  const analysis = analyzeAnswer(answer);
  const support = checkAnswerSupport({ sentences: analysis.sentences, passages: context, question });
  const claims = support.sentences.flatMap((s) => s.claims);
  const on = new Set<keyof ClaimFeatures>();
  for (const c of claims)
    for (const [k, v] of Object.entries(c.features)) if (v === 1) on.add(k as keyof ClaimFeatures);
  return { on, unknown: claims.flatMap((c) => c.unknown) };
}

const values = (text: string) => extractNumberMentions(text).map((n) => n.value);

describe('rates', () => {
  const CHARGER = passages('On rapid chargers, an overstay fee of £1 per minute applies after 10 minutes.');
  const MILEAGE = passages('Business mileage is paid at 45p per mile for the first 10,000 miles.');

  it('reads the rate of "£1 per hour", whose unit word is "per" itself', () => {
    expect(extractNumberMentions('a fee of £1 per hour')[0]).toMatchObject({ value: '1', per: 'hour' });
    expect(extractNumberMentions('45p per mile')[0]).toMatchObject({ value: '45', per: 'mile' });
    expect(extractNumberMentions('45p per kilometre')[0].per).toBe(
      extractNumberMentions('45p per km')[0].per,
    );
  });

  it('flags a changed rate, and passes the same rate', () => {
    expect(fired('There is an overstay fee of £1 per hour.', CHARGER).on).toContain('unitMismatch');
    expect(fired('There is an overstay fee of £1 per minute.', CHARGER).on).not.toContain('unitMismatch');
    expect(fired("You're paid 45p per kilometre.", MILEAGE).on).toContain('unitMismatch');
    expect(fired("You're paid 45p a mile.", MILEAGE).on).not.toContain('unitMismatch');
    const APPLES = passages('Apples cost £5 per kg.');
    expect(fired('Apples are £5 per kilo.', APPLES).on).not.toContain('unitMismatch');
  });
});

describe('percentages', () => {
  const pct = (text: string) => extractNumberMentions(text);
  it('scale an amount and are never added to or taken from it', () => {
    const operands = pct('15% off the £80 pass');
    expect(derivable(extractNumberMentions('£68')[0], operands, '')).toBe(true);
    expect(derivable(extractNumberMentions('£12')[0], operands, '')).toBe(true);
    expect(derivable(extractNumberMentions('£92')[0], operands, '')).toBe(true);
    expect(derivable(extractNumberMentions('£65')[0], operands, '')).toBe(false);
    expect(derivable(extractNumberMentions('£95')[0], operands, '')).toBe(false);
    // Two plain amounts still add up.
    expect(derivable(extractNumberMentions('£95')[0], pct('£80 and £15'), '')).toBe(true);
  });

  it('are left out of two-step arithmetic', () => {
    expect(derivableInTwoSteps(extractNumberMentions('£70')[0], pct('15%, £80 and £5'))).toBe(false);
    expect(derivableInTwoSteps(extractNumberMentions('£70')[0], pct('15, £80 and £5'))).toBe(true);
  });
});

describe('numbers written together', () => {
  it('splits a hyphenated range into its ends, but not a date', () => {
    expect(values('open 8:00-18:30')).toEqual(['8:00', '18:30']);
    expect(values('1-22 November')).toEqual(['1', '22']);
    expect(values('10-12 kg')).toEqual(['10', '12']);
    expect(values('on 2024-01-05')).toEqual(['2024-01-05']);
    // A descending pair is a score or a vote, compared whole.
    expect(values('the council voted 7-2')).toEqual(['7-2']);
    expect(fired('The council vote was 2-7.', passages('The council voted 7-2 in favour.')).on).toContain(
      'numberMissing',
    );
    expect(analyzeClaim('from 4-6:30pm').numbers.map((n) => n.value)).toEqual(['16:00', '18:30']);
  });

  it('reads hours and minutes as one duration', () => {
    expect(extractNumberMentions('takes 2 hours 35 minutes')).toEqual([
      expect.objectContaining({ value: '2h35', quantity: { dim: 'time', base: 155 * 60 } }),
    ]);
    expect(values('1 hour and 50 minutes')).toEqual(['1h50']);
    // Not across other words.
    expect(values('2 hours, then 35 minutes')).toEqual(['2', '35']);
    // Not minutes that make an hour or more.
    expect(values('3 hours 70 minutes')).toEqual(['3', '70']);
  });

  it('reads "three-quarters of an hour" as 45 minutes', () => {
    expect(analyzeClaim('three-quarters of an hour').numbers[0].quantity).toEqual({
      dim: 'time',
      base: 2700,
    });
  });
});

describe('timetable arithmetic', () => {
  const TRAIN = passages('The 09:35 from Carrick Central takes 1 hour 50 minutes to reach Port Elsby.');
  const COACH = passages('The coach leaves Halden at 09:42 and arrives in Corvik at 12:17.');

  it('backs an arrival time worked out from a departure and a journey time', () => {
    expect(fired('It gets into Port Elsby at 11:25.', TRAIN).on).not.toContain('numberMissing');
    expect(fired('It gets into Port Elsby at 11:45.', TRAIN).on).toContain('numberMissing');
  });

  it('backs a journey time worked out from two times', () => {
    expect(fired('The coach takes 2 hours 35 minutes end to end.', COACH).on).not.toContain('numberMissing');
    expect(fired('The coach takes 2 hours 45 minutes end to end.', COACH).on).toContain('numberMissing');
  });

  it('runs arithmetic backwards only when the claim says so, and forwards past midnight', () => {
    // 09:35 minus 1 hour 50 minutes would be an arrival before the departure; "by" is no cue.
    expect(fired('It gets into Port Elsby at 07:45.', TRAIN).on).toContain('numberMissing');
    expect(fired("You'll be in Port Elsby by 07:45.", TRAIN).on).toContain('numberMissing');
    const GATE = passages('Boarding closes 40 minutes before the 09:35 departure.');
    // The context's "before" runs it backwards as well.
    expect(fired('Be at the gate by 08:55.', GATE).on).not.toContain('numberMissing');
    expect(fired('Be at the gate by 08:45.', GATE).on).toContain('numberMissing');
    expect(fired('Boarding closes 40 minutes before, at 08:55.', GATE).on).not.toContain('numberMissing');
    const NIGHT_BUS = passages('The night bus leaves at 23:40 and takes 1 hour 30 minutes.');
    expect(fired('It arrives at 01:10.', NIGHT_BUS).on).not.toContain('numberMissing');
    const SHOP = passages('The shop is open from 09:00 to 17:00.');
    expect(fired('It is open for 8 hours a day.', SHOP).on).not.toContain('numberMissing');
    // The other way round the clock.
    expect(fired('It is open for 16 hours a day.', SHOP).on).toContain('numberMissing');
    const QUIET = passages('Quiet hours run from 23:00 to 07:00.');
    expect(fired('Quiet hours last 8 hours.', QUIET).on).not.toContain('numberMissing');
    expect(fired('Quiet hours last 16 hours.', QUIET).on).toContain('numberMissing');
  });
});

describe('arithmetic the answer shows', () => {
  const HOTEL = passages('Rooms cost £120 a night. City tax is £3.50 per person per night.');
  it("counts the claim's own numbers as operands when the context backs them", () => {
    const shown = fired('That is £360 for the room (3 x £120).', HOTEL, 'We are 2 people for 3 nights.');
    expect(shown.on).toContain('numberDerived');
    expect(shown.on).not.toContain('numberMissing');
    expect(fired('That is £350 for the room (3 x £120).', HOTEL).on).toContain('numberMissing');
    // A made-up rate does not make its own product right.
    const POINTS = passages('You earn 2 points for every £1 you spend.');
    expect(fired('You get 10 points per £1, so 500 points for £50.', POINTS).on).toContain('numberMissing');
    // With the question stating the £50, and the rate in a sentence of its own.
    const q = 'How many points do I get for £50?';
    expect(fired('You get 10 points per £1, so 500 points for £50.', POINTS, q).on).toContain(
      'numberMissing',
    );
    expect(fired('You get 10 points per £1. So that is 500 points for £50.', POINTS, q).on).toContain(
      'numberMissing',
    );
    expect(fired('You get 2 points per £1, so 100 points for £50.', POINTS, q).on).not.toContain(
      'numberMissing',
    );
    // A number the question gives in its own words backs the working: 7 days.
    const FEE = passages('The late fee is £5 per day.');
    expect(
      fired('The fee is £5 per day, so £35 for 7 days.', FEE, 'What is the fee for 7 days late?').on,
    ).not.toContain('numberMissing');
  });

  it('takes an amount the question states, or a backed one the claim states, in other units as given', () => {
    const TRIP = passages('Annual multi-trip policies cover trips of up to 45 days each.');
    const q = 'We are going for six weeks. Are we covered?';
    expect(fired('Six weeks is 42 days, so you are covered.', TRIP, q).on).not.toContain('numberMissing');
    expect(fired('Six weeks is 44 days, so you are covered.', TRIP, q).on).toContain('numberMissing');
    // A wrong amount does not back its own conversion.
    const WARRANTY = passages('All appliances come with a 1 year warranty.');
    expect(fired('The warranty lasts 2 years (24 months).', WARRANTY).on).toContain('numberMissing');
  });
});

describe('dates', () => {
  const ENROL = passages('The enrolment window opens on 1 September and closes on 19 September.');
  it("reaches a date's day by date arithmetic only, never by sums of other numbers", () => {
    expect(fired('Enrolment closes on 21 September.', ENROL).on).toContain('numberMissing');
    // 19 + 1 would reach 20: a sum of the context's numbers says nothing about a date's day.
    expect(fired('Enrolment closes on 20 September.', ENROL).on).toContain('numberMissing');
    expect(fired('Enrolment closes on 19 September.', ENROL).on).not.toContain('numberMissing');
    expect(fired('Enrolment closes on 19 September.', ENROL).unknown).toEqual([]);
  });
});

describe('names', () => {
  it('does not read a capital after a sentence end inside a claim as a name', () => {
    expect(extractNames('Sadly no. Extra drivers pay more')).toEqual([]);
    expect(extractNames('Sadly no, Extra drivers pay more')).toEqual(['extra']);
    // After "Dr." the capital is a name.
    expect(extractNames('Appointments are with Dr. Patel')).toContain('patel');
    expect(
      fired('Appointments are with Dr. Patel.', passages('Appointments are with Dr. Shah.')).on,
    ).toContain('nameMissing');
  });

  it("takes a name from the user's question as given", () => {
    const THEATRE = passages('Tickets can be exchanged up to 48 hours before the original performance.');
    const q = "I can't make Saturday's show. Can I swap?";
    expect(fired("Yes, if you swap 48 hours before Saturday's show.", THEATRE, q).on).not.toContain(
      'nameMissing',
    );
    expect(fired("Yes, if you swap 48 hours before Friday's show.", THEATRE, q).on).toContain('nameMissing');
  });

  it('does not take a name from the question where the aligned sentence names another (a false premise)', () => {
    const CLINIC = passages('Dr Shah sees patients on Mondays.');
    const q = 'Does Dr Patel see patients on Mondays?';
    expect(fired('Yes, Dr Patel sees patients on Mondays.', CLINIC, q).on).toContain('nameMissing');
    // After a lower-case word in the claim and a capital in the context, with letters beyond ASCII,
    // and a two-word name.
    const PLAN = passages('The Platinum plan includes airport lounge access.');
    expect(
      fired('Yes, the Gold plan includes lounge access.', PLAN, 'Does the Gold plan include lounge access?')
        .on,
    ).toContain('nameMissing');
    expect(
      fired('Yes, Dr José sees patients on Mondays.', CLINIC, 'Does Dr José see patients on Mondays?').on,
    ).toContain('nameMissing');
    const CLASS = passages('Sarah Jones teaches the Monday class.');
    expect(
      fired('Yes, Emma Martin teaches the Monday class.', CLASS, 'Does Emma Martin teach the Monday class?')
        .on,
    ).toContain('nameMissing');
    // Another name elsewhere in the sentence is no reason to doubt the question's own.
    const THEATRE = passages('Exchanges at the Lyric Theatre are free up to 48 hours before the show.');
    const swap = 'Can I swap my Saturday ticket?';
    expect(
      fired('Yes, you can swap your Saturday ticket for free up to 48 hours before the show.', THEATRE, swap)
        .on,
    ).not.toContain('nameMissing');
  });

  it('finds a hyphenated name by its parts', () => {
    const LIBRARY = passages('Wi-Fi is free and does not require a library card.');
    expect(fired('Anyone can use the Wi-Fi for free.', LIBRARY).on).not.toContain('nameMissing');
  });
});

describe('hyphenated compounds', () => {
  it('match their words written apart, unless a prefix negates them', () => {
    expect(analyzeClaim('escape-of-water claims').terms).toEqual(
      analyzeClaim('escape of water claims').terms,
    );
    expect(analyzeClaim('non-folding bikes').terms).toContain('non-fold');
  });
});

describe('swapped identifiers and slot numbers', () => {
  it('finds an identifier swapped for another of its series', () => {
    expect(swappedIdentifiers('E21 is a door lock fault.', 'Error E35 indicates a door lock fault.')).toEqual(
      ['e21'],
    );
    expect(
      swappedIdentifiers(
        'You want the Route 22 bus to Fairview Hospital.',
        'Route 14 runs to Fairview Hospital.',
      ),
    ).toEqual(['route 22']);
    // A capital that starts the claim's sentence is a verb, not a series: "Take 2", "Book 3".
    expect(swappedIdentifiers('Take 2 tablets every 4 hours.', 'Take 1 or 2 tablets every 4 hours.')).toEqual(
      [],
    );
    expect(swappedIdentifiers('Book 3 weeks ahead.', 'Book 2 weeks ahead in winter.')).toEqual([]);
    expect(swappedIdentifiers('E35 is a door lock fault.', 'Error E35 indicates a door lock fault.')).toEqual(
      [],
    );
    // A comparison names the aligned one too.
    expect(swappedIdentifiers('The Corvex 16 is heavier than the Corvex 14.', 'Corvex 14: 1.3 kg.')).toEqual(
      [],
    );
    // A day and a time are not identifiers.
    expect(swappedIdentifiers('Family swim is on Saturdays 2–4pm.', 'Sundays 10 to 12.')).toEqual([]);
  });

  it('finds a number in the slot of another', () => {
    const aligned = 'SEPA transfers are free and arrive within 1 business day.';
    expect(swappedSlotNumbers('SEPA transfers arrive within 3 business days.', aligned)).toEqual(['3']);
    expect(swappedSlotNumbers('SEPA transfers arrive within 1 business day.', aligned)).toEqual([]);
    // A number the aligned sentence states elsewhere has moved, not been swapped.
    expect(swappedSlotNumbers('Set it to 180°C.', 'Preheat the oven to 200°C (180°C fan).')).toEqual([]);
  });

  it("names the swapped number as written, and leaves the question's numbers alone", () => {
    const SHIPPING = passages('Orders over 25 pounds arrive within 3 days.');
    const out = fired('Orders over 25 pounds arrive within 2 days.', SHIPPING);
    expect(out.on).toContain('numberSwapped');
    expect(out.unknown).toContain('2 days');
    expect(out.unknown).not.toContain('25');
    const ROOM = passages('The double room is £120 a night for 2 people.');
    expect(fired('The room costs £360 for 3 nights.', ROOM, 'How much for 3 nights?').on).not.toContain(
      'numberSwapped',
    );
  });

  it('fire the name and number features', () => {
    const MACHINE = passages(
      'If error E21 appears, the machine cannot drain.',
      'Error E35 indicates a door lock fault.',
    );
    expect(fired('E21 is a door lock fault.', MACHINE).on).toContain('nameConflict');
    expect(fired('E35 is a door lock fault.', MACHINE).on).not.toContain('nameConflict');
    const BANK = passages(
      'SEPA transfers are free and arrive within 1 business day. SWIFT transfers take 2 to 4 days.',
    );
    expect(fired('SEPA transfers arrive within 4 business days.', BANK).on).toContain('numberSwapped');
  });
});

describe('quantifiers', () => {
  const GALLERY = passages('Photography without flash is permitted in most galleries for personal use.');
  const ROUTER = passages('All settings, including your Wi-Fi name and password, will be erased.');
  it('counts an added universal only where the context hedges', () => {
    expect(fired('You can take photos in every gallery without flash.', GALLERY).on).toContain(
      'quantifierAdded',
    );
    expect(
      fired('The reset wipes everything, your Wi-Fi name and password included.', ROUTER).on,
    ).not.toContain('quantifierAdded');
  });
});

describe('reasons', () => {
  const PRICE = passages('From 1 April, the monthly fee for Standard will increase from £8.99 to £9.99.');
  const FEE = passages('A £2 booking fee applies to cover card processing costs.');
  it('flags a reason the context does not give, and passes one it does', () => {
    const added = fired('From 1 April Standard goes up to £9.99 to cover rising licensing costs.', PRICE);
    expect(added.on).toContain('causeAdded');
    expect(added.unknown).toContain('rising licensing costs.');
    expect(fired('There is a £2 booking fee to cover card processing costs.', FEE).on).not.toContain(
      'causeAdded',
    );
  });
});

describe('wordings read as one', () => {
  it('keeps the negation of "don\'t pay", so a pay/free flip is still caught', () => {
    const PARKING = passages('Members pay £2 a day for parking.');
    expect(fired("Members don't pay for parking.", PARKING).on).toContain('negationMismatch');
    const CARD = passages("Customers don't pay for a replacement card.");
    expect(fired('You pay for the replacement card.', CARD).on).toContain('negationMismatch');
  });

  it('reads "as many as three" as a maximum, and "as long as" as a condition', () => {
    expect(normalizeClaimText('for as many as three years')).toContain('maximum');
    expect(normalizeClaimText('as long as you bring 2 forms of ID')).not.toContain('maximum');
    expect(normalizeClaimText('as long as 2 forms of ID are shown')).not.toContain('maximum');
  });

  it('"as many as three years" keeps an "up to three years" limit', () => {
    const GRANT = passages('The bursary pays £2,000 a year for up to three years.');
    expect(fired('It pays £2,000 a year for as many as three years.', GRANT).on).not.toContain(
      'limitDropped',
    );
    expect(fired('It pays £2,000 a year.', GRANT).on).toContain('limitDropped');
  });

  it('"30 degrees" is 30°C', () => {
    const WASH = passages('The Quick 30 programme washes at 30°C in 30 minutes.');
    expect(fired('It washes at 30 degrees.', WASH).on).not.toContain('unitMismatch');
    expect(fired('It washes at 30 °F.', WASH).on).toContain('unitMismatch');
  });
});
