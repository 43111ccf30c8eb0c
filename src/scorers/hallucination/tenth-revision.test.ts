// The mechanisms the tenth revision of the offline check added, each with the case that must fire
// and the close case that must not, and the review's must-still-flag twins. Tested on claim
// features and verdicts of parts, which do not depend on the fitted coefficients.
import { describe, expect, it } from 'vitest';
import { check, passages } from './__fixtures__/check-answer.js';
import { spelledOutIn } from './claim-names.js';
import { normalizeClaimText } from './claim-facts.js';
import { splitClaims } from './claim-split.js';
import { summaryItems } from './context-statements.js';
import { calendarWeekdays, spellOutDays } from './day-names.js';
import { evaluate, workedOutAmounts } from './shown-working.js';
import { CUE_THRESHOLD } from './__fixtures__/copy-score.js';

describe('days of the week', () => {
  const FOOD_BANK = passages(
    "Take your voucher to St Mark's Church (Tue 10–12) or the Community Hub (Thu 13–15).",
  );
  const OFFICE = passages('The office is open Mon–Fri, 9am to 5pm.');

  it('spells out abbreviations where a timetable puts them, and ranges day by day', () => {
    expect(spellOutDays('Tue 10–12')).toBe('Tuesday 10–12');
    expect(spellOutDays('open Mon–Thu')).toBe('open Monday, Tuesday, Wednesday and Thursday');
    expect(spellOutDays('Fri to Mon')).toBe('Friday, Saturday, Sunday and Monday');
    expect(spellOutDays('Mon, Wed and Fri')).toBe('Monday, Wednesday and Friday');
    // "Sat nav", "Sun Life" and lower-case words are no days; "Monday to Monday" is no range; and
    // "weekends" is left alone ("closed at weekends" must not back "open on Saturdays").
    expect(spellOutDays('Sat nav comes as standard')).toBe('Sat nav comes as standard');
    expect(spellOutDays('Sun Life cover')).toBe('Sun Life cover');
    expect(spellOutDays('she sat in the sun')).toBe('she sat in the sun');
    expect(spellOutDays('Monday to Monday')).toBe('Monday to Monday');
    expect(spellOutDays('closed at weekends')).toBe('closed at weekends');
  });

  it('finds a day the context abbreviates or covers by a range, and not one it leaves out', () => {
    expect(check("Go to St Mark's Church on a Tuesday morning.", FOOD_BANK).on).not.toContain('nameMissing');
    expect(check("Go to St Mark's Church on a Wednesday morning.", FOOD_BANK).unknown).toContain('wednesday');
    expect(check('The office is open on Wednesdays.', OFFICE).on).not.toContain('nameMissing');
    expect(check('The office is open on Sundays.', OFFICE).unknown).toContain('sundays');
  });

  it('takes a weekday beside a date from the calendar of the year written with it', () => {
    expect(calendarWeekdays('on Monday 11 November 2024')).toEqual(['monday']);
    expect(calendarWeekdays('on Monday, November 11, 2024')).toEqual(['monday']);
    expect(calendarWeekdays('on Tuesday 11 November 2024')).toEqual([]);
    // Without its year a date names no weekday, whatever years the texts mention.
    expect(calendarWeekdays('on Monday 11 November')).toEqual([]);
    const INTAKE = passages(
      'Policy last reviewed in 2022. Applications for the 2025 intake close on 15 January 2025.',
    );
    // 15 January 2025 was a Wednesday (15 January 2022 a Saturday).
    expect(check('Applications close on Wednesday 15 January 2025.', INTAKE).on).not.toContain('nameMissing');
    expect(check('Applications close on Saturday 15 January 2025.', INTAKE).unknown).toContain('saturday');
  });
});

describe('dates worked out by whole months', () => {
  const PROBATION = passages('Probation lasts six months from your start date.');
  const Q = 'I started on 14 October 2024. When does my probation end?';

  it('backs the same day six months on, in the year the arithmetic reaches', () => {
    expect(check('It ends on 14 April 2025.', PROBATION, Q).on).not.toContain('numberMissing');
    expect(check('It ends on 14 April 2025.', PROBATION, Q).on).not.toContain('nameMissing');
    expect(check('It ends on 14 April 2023.', PROBATION, Q).unknown).toContain('2023');
    expect(check('It ends on 14 May 2025.', PROBATION, Q).unknown).toContain('may');
    expect(check('It ends on 15 April 2025.', PROBATION, Q).unknown).toContain('15');
  });

  it('goes forwards only, unless the claim or the context says "before"', () => {
    const NOTICE = passages("You must give three months' notice.");
    const handedIn = 'I handed in my notice on 10 June. When is my last day?';
    expect(check('Your notice runs out on 10 September.', NOTICE, handedIn).on).not.toContain('nameMissing');
    expect(check('Your notice runs out on 10 March.', NOTICE, handedIn).unknown).toContain('march');
    const REVIEW = passages('The review is held two months before the end of the contract.');
    const ends = 'My contract ends on 30 November. When is the review?';
    expect(check('The review is on 30 September.', REVIEW, ends).on).not.toContain('nameMissing');
  });

  it('takes a month span from the sentence the claim aligns with or the question, not a neighbour', () => {
    const RETURNS = passages(
      'Returns are accepted within 30 days of delivery. All appliances carry an 18-month warranty.',
    );
    const delivered = 'It was delivered on 3 May. When is the last day to return it?';
    expect(check('You can return it until 3 November.', RETURNS, delivered).unknown).toContain('november');
  });
});

describe('abbreviations of the context’s words', () => {
  it('reads capitals as the initials of content words one sentence spells out', () => {
    const text = 'Your property must have a valid Energy Performance Certificate. Value added tax applies.';
    expect(spelledOutIn('You need a valid EPC.', 'epc', text)).toBe(true);
    expect(spelledOutIn('VAT is charged.', 'vat', text)).toBe(true);
    expect(spelledOutIn('SARs are free.', 'sars', 'Subject access requests are free.')).toBe(true);
    expect(spelledOutIn('Ask HR.', 'hr', 'Contact Human Resources.')).toBe(true);
    expect(spelledOutIn('You need a valid EPS.', 'eps', text)).toBe(false);
    // Only a name written in capitals is an abbreviation.
    expect(spelledOutIn('Ask Epc about it.', 'epc', text)).toBe(false);
    // Never from small words, across sentences, or two letters from words that are not names.
    const claims =
      'Cover is provided for contents and accidental damage. Please attach the form. It can also be sent.';
    expect(spelledOutIn('Claims go to the FCA.', 'fca', claims)).toBe(false);
    expect(spelledOutIn('Do a PAT test.', 'pat', claims)).toBe(false);
    expect(spelledOutIn('Ask the CAB.', 'cab', claims)).toBe(false);
    expect(spelledOutIn('Ask HR.', 'hr', 'Holiday requests are approved weekly.')).toBe(false);
    expect(spelledOutIn('A valid EPC.', 'epc', 'A valid Energy. Performance Certificate.')).toBe(false);
  });

  it('does not count a spelt-out abbreviation as a made-up name', () => {
    const GRANT = passages('To be eligible, your property must have a valid Energy Performance Certificate.');
    expect(check('You need a valid EPC.', GRANT).on).not.toContain('nameMissing');
    expect(check('You need a valid EPS.', GRANT).on).toContain('nameMissing');
  });
});

describe('summaries of what the documents do say', () => {
  const PLANS = passages(
    'Premium lets you stream on 4 screens at once in Ultra HD. Standard allows 2 screens in HD.',
    'Downloads are available in the iOS and Android apps.',
  );
  const refusal = (summary: string) =>
    `The passages don't give prices for any of the Vistaflix plans. They only say that ${summary}.`;

  it('splits a summary after an absence statement into items', () => {
    expect(
      summaryItems('They only say that Premium streams on 4 screens, and downloads work in the apps', true),
    ).toEqual(['Premium streams on 4 screens', 'downloads work in the apps']);
    // A pronoun names the documents only after the answer said what they don't cover, and only
    // with a verb of reporting or a restriction: "It includes a milk frother" is about the product.
    expect(summaryItems('They only say that Premium streams on 4 screens', false)).toBeUndefined();
    expect(summaryItems('It includes a milk frother and brews two cups', true)).toBeUndefined();
    expect(summaryItems('They cover only prices: £5 and £12', true)).toEqual(['prices', '£5', '£12']);
    expect(
      summaryItems('The passages describe two plans: Premium with 4 screens and Standard with 2', false),
    ).toEqual(['two plans', 'Premium with 4 screens', 'Standard with 2']);
    // A piece too small to state a fact joins the item before it.
    expect(summaryItems('The passages cover two plans: Premium and Standard', false)).toEqual([
      'two plans Premium Standard',
    ]);
    expect(summaryItems('Premium streams on 4 screens', true)).toBeUndefined();
    // What the documents don't say is an absence statement, not a summary.
    expect(summaryItems('The documents mention nothing about a family discount', false)).toBeUndefined();
  });

  it('keeps the subject of a summary on the items after the first', () => {
    expect(
      summaryItems('They only say that Basic costs £5 a month and includes 10 GB of storage', true),
    ).toEqual(['Basic costs £5 a month', 'Basic includes 10 GB of storage']);
    expect(
      summaryItems(
        'The passages say that the Starter plan includes daily backups, hourly backups and immutable copies',
        false,
      ),
    ).toEqual([
      'the Starter plan includes daily backups',
      'the Starter plan includes hourly backups',
      'the Starter plan includes immutable copies',
    ]);
  });

  it('flags a wrong figure, a made-up item, and a figure given to the wrong thing', () => {
    const faithful = check(
      refusal('Premium streams on 4 screens in Ultra HD, against 2 in HD on Standard'),
      PLANS,
    );
    expect(faithful.on).not.toContain('numberMissing');
    expect(faithful.on).not.toContain('nameConflict');
    expect(check(refusal('Premium streams on 6 screens in Ultra HD'), PLANS).unknown).toContain('6');
    expect(check(refusal('Premium includes a free Spotify subscription'), PLANS).unknown).toContain(
      'spotify',
    );
    const TIERS = passages(
      'Basic costs £5 a month and includes 2 GB of storage.',
      'Premium costs £12 a month and includes 10 GB of storage.',
    );
    const summary = (gb: number) =>
      check(
        `The documents don't mention a family plan. They only say that Basic costs £5 a month and includes ${gb} GB of storage.`,
        TIERS,
      );
    expect(summary(10).score).toBeGreaterThan(summary(2).score);
    expect(summary(10).score).toBeGreaterThanOrEqual(CUE_THRESHOLD);
  });

  it('leaves a refusal that says what the documents do not mention unchecked', () => {
    const TICKETS = passages('Adult tickets cost £15. Child tickets cost £8.');
    expect(check('The documents mention nothing about a family discount.', TICKETS).claims).toHaveLength(0);
  });
});

describe('working the answer shows', () => {
  it('evaluates with × and ÷ before + and −', () => {
    expect(evaluate('25 × 9/5 + 32')).toBe(77);
    expect(evaluate('1,800 ÷ 150')).toBe(12);
    expect(evaluate('£74.71 + £15.96')).toBeCloseTo(90.67);
    expect(evaluate('10 ÷ 0')).toBeUndefined();
  });

  it('backs a right sum on the context’s figures, and not a wrong one or one on made-up figures', () => {
    const stated = new Set([1.8, 150, 25]);
    const backed = (a: number) => stated.has(a);
    expect(workedOutAmounts('about 12 cups (1,800 ÷ 150 = 12)', backed)).toContain(12);
    expect(workedOutAmounts('about 14 cups (1,800 ÷ 150 = 14)', backed).has(14)).toBe(false);
    expect(workedOutAmounts('77 °F (25 × 9/5 + 32)', backed)).toContain(77);
    expect(workedOutAmounts('500 points (50 × 10 = 500)', backed).has(500)).toBe(false);
  });

  it('uses a constant only with the words of its conversion', () => {
    const monthly = (a: number) => a === 25;
    const context = 'Membership costs £25 per month.';
    expect(workedOutAmounts('£300 a year (25 × 12 = 300)', monthly, context)).toContain(300);
    expect(workedOutAmounts('£9,125 a year (25 × 365 = 9,125)', monthly, context).has(9125)).toBe(false);
  });

  it('clears the result and its constants in the claim that shows the working, and nowhere else', () => {
    const LABEL = passages('Store below 25 °C in a dry place.');
    expect(check('25 °C is 77 °F (25 × 9/5 + 32).', LABEL).on).not.toContain('numberMissing');
    expect(check('25 °C is 79 °F (25 × 9/5 + 32).', LABEL).unknown).toContain('79 °F');
    const FEES = passages('Each session costs £18. The late cancellation fee is £10.');
    const answer = 'Ten sessions come to £180 (10 × 18 = 180). The late cancellation fee is £180.';
    expect(check(answer, FEES).unknown).toContain('180');
  });
});

describe('arithmetic on counts, years and the question’s figures', () => {
  const ENROLMENT = passages(
    'Total undergraduate enrolment was 1,250 in autumn 2022 and 1,400 in autumn 2023.',
  );
  const Q = 'By how much did undergraduate enrolment grow?';
  const unknown = (answer: string, context = ENROLMENT, question: string | undefined = Q) =>
    check(answer, context, question).unknown;

  it('takes a rise as a difference and a percentage change on the first figure, years aside', () => {
    expect(check('Enrolment rose by 150 students, a 12% increase.', ENROLMENT, Q).on).not.toContain(
      'numberMissing',
    );
    expect(unknown('Enrolment rose by 160 students.')).toContain('160');
    expect(unknown('Enrolment rose by 150 students, a 15% increase.')).toContain('15%');
    // 150 of 1,400 is 11 %: the wrong base.
    expect(unknown('Enrolment rose by 150 students, an 11% increase.')).toContain('11%');
    // A spelled-out figure is a change too.
    const SMALL = passages('Enrolment was 10 in 2022 and 13 in 2023.');
    expect(check('Enrolment rose by three students.', SMALL).on).not.toContain('numberMissing');
    expect(check('Enrolment fell by three students.', SMALL).on).toContain('numberMissing');
    // A count written like a year is still a count.
    const COUNTS = passages('Enrolment was 1800 in 2022 and 2000 in 2023.');
    expect(check('Enrolment rose by 200 students.', COUNTS).on).not.toContain('numberMissing');
  });

  it('takes a difference only where the claim calls its figure a change', () => {
    const PLANS = passages('The Basic plan costs £5 a month and the Pro plan costs £12 a month.');
    expect(unknown('The Pro plan is the more expensive option at £7 a month.', PLANS, undefined)).toContain(
      '7',
    );
    const RETURNS = passages('Refunds are accepted within 14 days and exchanges within 30 days.');
    expect(unknown('Exchanges are accepted for up to 16 days.', RETURNS, undefined)).toContain('16 days');
  });

  it('works out an amount as the user’s figure times a stated one, and nothing else with it', () => {
    const BAKERY = passages('Daily bakes: White sourdough loaf £4.20; Seeded rye £4.80; Cinnamon bun £2.10.');
    const order = 'If I order 3 white sourdough loaves, what is the total?';
    expect(check('Three white sourdough loaves come to £12.60.', BAKERY, order).on).not.toContain(
      'numberMissing',
    );
    expect(unknown('Three white sourdough loaves come to £12.90.', BAKERY, order)).toContain('12.90');
    // £4.20 ÷ 3 and £4.20 + 3 answer nothing the user asked.
    expect(unknown('Three white sourdough loaves come to £1.40.', BAKERY, order)).toContain('1.40');
    expect(unknown('Three white sourdough loaves come to £7.20.', BAKERY, order)).toContain('7.20');
    // Without the user's 3, £12.60 stands where the context states other prices.
    expect(check('White sourdough loaves come to £12.60.', BAKERY).on).toContain('numberMissing');
  });
});

describe('dropped conditions', () => {
  const OVERTIME = passages(
    'Hours worked in excess of 40 in a week are paid at 1.5 times the basic hourly rate, provided the overtime was authorised in advance by the line manager.',
  );
  const claim = 'Anything over 40 hours a week is paid at 1.5 times your basic rate.';

  it('fires when the answer carries none of the condition’s words, and not when it states them anywhere', () => {
    expect(check(claim, OVERTIME).on).toContain('conditionDropped');
    const withCondition = `${claim} Your line manager has to authorise it in advance.`;
    expect(check(withCondition, OVERTIME).on).not.toContain('conditionDropped');
  });

  it('lets the question settle the condition, unless it denies it', () => {
    const asked = (question: string) =>
      check('Yes, it is paid at 1.5 times your basic rate.', OVERTIME, question).on;
    expect(asked('My line manager authorised my overtime in advance. How is it paid?')).not.toContain(
      'conditionDropped',
    );
    expect(
      asked("My overtime wasn't authorised in advance by my line manager. Is it paid at 1.5 times?"),
    ).toContain('conditionDropped');
  });

  it('reads the condition of the clause the claim restates, names included', () => {
    const LIBRARY = passages(
      'You can renew a book twice, and you can reserve items only if you have a library card.',
    );
    expect(check('You can renew a book twice.', LIBRARY).on).not.toContain('conditionDropped');
    const CLINIC = passages('The clinic runs every weekday except Wednesday.');
    expect(check('The clinic runs every weekday.', CLINIC).on).toContain('conditionDropped');
    expect(check('The clinic runs every weekday but Wednesday.', CLINIC).on).not.toContain(
      'conditionDropped',
    );
  });
});

describe('polarity', () => {
  it('reads "no" and "none" as negations, but not a number, "no one" or the answer word', () => {
    expect(normalizeClaimText('there are no late fees')).toBe('there are not any late fees');
    expect(normalizeClaimText('there are none.')).toBe('there are not any.');
    expect(normalizeClaimText('No, it is free')).toBe('No, it is free');
    expect(normalizeClaimText('Take bus No 7')).toBe('Take bus number 7');
    expect(normalizeClaimText('No one under 18 can apply')).toBe('No one under 18 can apply');
    expect(normalizeClaimText('it is no longer sold')).toBe('it is no longer sold');
    // "non-EU" stays a word of its own.
    expect(normalizeClaimText('Non-EU students pay more')).toBe('Non-EU students pay more');
  });

  const FEES = passages('Titles return automatically, so there are no late fees.');
  it('agrees with a paraphrase of a negation and disagrees with its opposite', () => {
    expect(check('There are never any late fees.', FEES).on).not.toContain('negationMismatch');
    expect(check('There are late fees.', FEES).on).toContain('negationMismatch');
  });

  it('compares a claim with a context statement it contains whole', () => {
    const MSK = passages(
      'Adults registered with a Tamworth Vale GP can refer themselves to physiotherapy. You do not need a referral from your GP.',
    );
    const claim = (need: string) =>
      `${need} a referral from your GP before you can get physiotherapy through the MSK service.`;
    expect(check(claim("You'll need"), MSK).on).toContain('negationMismatch');
    expect(check(claim("You don't need"), MSK).on).not.toContain('negationMismatch');
  });
});

describe('things of the context mixed up', () => {
  const BURSARIES = passages(
    'The Hartley Bursary provides £1,200 per year to students from households with an income below £25,000.',
    'The Penrose Award offers £2,000 per year, plus free accommodation during holidays, to students who have been in care.',
  );
  it('gives a leading pronoun the names of the claim before it', () => {
    const answer = (award: string) =>
      check(
        `That would be the ${award}. It gives care leavers free accommodation during holidays.`,
        BURSARIES,
      );
    expect(answer('Hartley Bursary').on).toContain('nameConflict');
    expect(answer('Penrose Award').on).not.toContain('nameConflict');
  });

  it('does not read a pronoun about the same thing as a mix-up, and tells apart things sharing a brand', () => {
    const SHOP = passages(
      'The Aerobrew Mini is available in black or white.',
      'Orders are shipped by Royal Mail and usually arrive within 4 working days.',
    );
    const answer = 'Yes, the Aerobrew Mini comes in black. It usually arrives within 4 working days.';
    expect(check(answer, SHOP).on).not.toContain('nameConflict');
    const MACHINES = passages(
      'The Aerobrew Mini makes one cup at a time and has a 600 ml removable water tank.',
      'The Aerobrew Duo can brew two cups simultaneously, includes a milk frother and has a 1.2 litre water tank.',
    );
    const frother = (model: string) =>
      check(`That would be the Aerobrew ${model}. It includes a milk frother.`, MACHINES);
    expect(frother('Mini').on).toContain('nameConflict');
    expect(frother('Duo').on).not.toContain('nameConflict');
  });

  const COFFEE = passages(
    'The Aerobrew Mini makes one cup at a time and has a 600 ml removable water tank.',
    'The Aerobrew Duo can brew two cups simultaneously and includes a milk frother; its water tank holds 1.2 litres.',
  );
  it('flags a figure the context gives only to another named thing', () => {
    expect(check('The Aerobrew Mini has a 1.2-litre water tank.', COFFEE).on).toContain('figureOfAnother');
    expect(check('The Aerobrew Duo has a 1.2-litre water tank.', COFFEE).on).not.toContain('figureOfAnother');
    // A figure of a thing the context does not name is left to the other checks.
    expect(check('The Aerobrew Max has a 1.2-litre water tank.', COFFEE).on).not.toContain('figureOfAnother');
  });

  const BACKUP = passages(
    'Hestia Backup Starter: daily backups, 14-day retention, restore via web console only.',
    'Hestia Backup Business: hourly backups, 90-day retention, restore via web console or API, plus immutable copies.',
  );
  it('flags a word the context uses only about another named thing', () => {
    const plan = (name: string, terms: string) =>
      check(`The ${name} plan keeps ${terms} and makes immutable copies.`, BACKUP);
    expect(plan('Starter', 'daily backups for 14 days').on).toContain('wordOfAnother');
    expect(plan('Business', 'hourly backups for 90 days').on).not.toContain('wordOfAnother');
  });

  it('keeps ", which" with a name it describes, and splits it after any other clause', () => {
    expect(splitClaims("You'll want route 12, which runs to the hospital")).toHaveLength(1);
    expect(splitClaims('Take it to the Marsh Lane depot, which accepts sofas')).toHaveLength(1);
    expect(splitClaims('Premium costs £12 a month, which includes 4 screens')).toHaveLength(2);
    expect(splitClaims('The fee is waived for students, which saves £40')).toHaveLength(2);
    const ROUTES = passages(
      'Route 7 runs from Millbrook Station to Hollins Hospital every 15 minutes during the day.',
      'Route 12 runs from Millbrook Station to Westgate Retail Park every 30 minutes.',
    );
    const route = (n: number) =>
      check(
        `You'll want route ${n}, which runs from Millbrook Station to Hollins Hospital every 15 minutes.`,
        ROUTES,
      );
    expect(route(12).claims).toHaveLength(1);
    expect(route(12).score).toBeGreaterThan(route(7).score);
  });
});

describe('the second review’s cases', () => {
  it('does not multiply a rate by the user’s count', () => {
    const PETS = passages('The pet fee is £25 per pet per night.');
    const dogs = 'I am bringing 2 dogs. What is the pet fee?';
    expect(check('The pet fee is £50 per pet per night.', PETS, dogs).unknown).toContain('50');
    expect(check('For your 2 dogs the pet fee is £50 a night.', PETS, dogs).on).not.toContain(
      'numberMissing',
    );
  });

  it('holds a change to its direction and its time order', () => {
    const ENROLMENT = passages(
      'Total undergraduate enrolment was 1,250 in autumn 2022 and 1,400 in autumn 2023.',
    );
    expect(check('Enrolment fell by 150 students.', ENROLMENT).unknown).toContain('150');
    const UP_FROM = passages('Enrolment was 1,400 in autumn 2023, up from 1,250 in autumn 2022.');
    expect(check('Enrolment rose by 150 students, a 12% increase.', UP_FROM).on).not.toContain(
      'numberMissing',
    );
    expect(check('Enrolment rose by 150 students, an 11% increase.', UP_FROM).unknown).toContain('11%');
    const PLANS = passages('The Basic plan costs £5 a month and the Pro plan costs £12 a month.');
    expect(check('The Pro plan costs £7 more than it did last year.', PLANS).unknown).toContain('7');
    const TOTALS = passages('Membership grew from a total of 1850 to a total of 2000.');
    expect(check('Membership rose by 150.', TOTALS).on).not.toContain('numberMissing');
  });

  it('runs month arithmetic backwards only for a span the context counts back', () => {
    const NOTICE = passages("Staff must give 3 months' notice before their last day of employment.");
    const handedIn = 'I handed in my notice on 10 June. When is my last day?';
    expect(check('Your last day will be 10 March.', NOTICE, handedIn).unknown).toContain('march');
    expect(check('Your last day will be 10 September.', NOTICE, handedIn).on).not.toContain('nameMissing');
    const ORDER = passages(
      'Returns are accepted within 30 days of delivery.',
      'Every order comes with an 18-month warranty.',
    );
    const delivered = 'It was delivered on 3 May. When is the last day to return my order?';
    expect(check('You can return your order until 3 November.', ORDER, delivered).unknown).toContain(
      'november',
    );
  });

  it('does not work from one amount said twice', () => {
    const COURSE = passages('The course runs for 12 weeks. Your deposit is refunded by bank transfer.');
    const answer = 'The course lasts 12 weeks, which is 84 days. Your deposit is refunded within 7 days.';
    expect(check(answer, COURSE).unknown).toContain('7 days');
  });

  it('reads "it only includes" after a refusal as the product, and keeps an item’s own subject', () => {
    expect(summaryItems('It only includes a milk frother and brews two cups', true)).toBeUndefined();
    expect(summaryItems('It only lists the prices', true)).toEqual(['the prices']);
    expect(summaryItems('They only say that the Mini costs £89 and the Duo costs £149', true)).toEqual([
      'the Mini costs £89',
      'the Duo costs £149',
    ]);
  });

  it('tells a rival of the same kind from a sentence about something else', () => {
    const KETTLE = passages(
      'The Kettle Pro is available in red and is delivered free.',
      'All orders are delivered by DPD within 3 days.',
    );
    expect(
      check('Yes, the Kettle Pro comes in red. It is delivered within 3 days.', KETTLE).on,
    ).not.toContain('nameConflict');
  });

  it('reads negations with a figure, and day abbreviations only in timetables', () => {
    const HELPLINE = passages('Our 24-hour helpline is free to call.');
    expect(check('There is no 24-hour helpline.', HELPLINE).on).toContain('negationMismatch');
    expect(spellOutDays('Air con and Sat nav')).toBe('Air con and Sat nav');
    expect(spellOutDays('Tools & Sun cream')).toBe('Tools & Sun cream');
    expect(spellOutDays('Sun, sea and cocktails')).toBe('Sun, sea and cocktails');
    expect(spellOutDays('Monday and Tue')).toBe('Monday and Tuesday');
  });

  it('lets one affirming clause of the question settle a condition', () => {
    const OVERTIME = passages(
      'Hours worked in excess of 40 in a week are paid at 1.5 times the basic hourly rate, provided the overtime was authorised in advance by the line manager.',
    );
    const question =
      "I don't get paid extra often. My overtime was authorised in advance by my line manager. Will it be paid at 1.5 times?";
    expect(check('Yes, it is paid at 1.5 times your basic rate.', OVERTIME, question).on).not.toContain(
      'conditionDropped',
    );
  });
});
