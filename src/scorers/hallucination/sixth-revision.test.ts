// The mechanisms the sixth revision of the offline check added, each with the case that must be
// flagged and the close case that must pass: a dropped limit ("up to four hours", "only on
// weekdays", "on Tuesdays"), who-does-what swaps, "No X is required" read with its polarity, times
// "at night" and meridiem ranges, currency codes, spelled-out speed units, and numbers two steps
// of arithmetic (or a cents conversion) away from the stated ones.
import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import type { ScoringPassage } from '../scoring-input.js';
import { extractNumberMentions, isNegated } from './claim-facts.js';
import { normalizeWording } from './claim-wording.js';
import { droppedLimit } from './dropped-limit.js';
import { swappedRoles } from './role-swap.js';
import { CUE_THRESHOLD, PARAPHRASE_MARGIN, UNCUED_SCORE } from './__fixtures__/copy-score.js';
import { derivableInMinorUnits, derivableInTwoSteps } from './two-step-arithmetic.js';
import { unsupportedContent } from './unsupported-content.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p${i}`, docId: 'doc', text }));

function check(answer: string, context: ScoringPassage[], question?: string) {
  const scores: Score[] = unsupportedContent({ answer, passages: context, question });
  const byName = Object.fromEntries(scores.map((s) => [s.name, s]));
  const unsupported = byName['hallucination.rate'].details?.unsupported as { reason: string }[] | undefined;
  return {
    flagged: byName['hallucination.rate'].value === 1,
    score: byName['hallucination.score'].value as number,
    reason: unsupported?.[0]?.reason,
  };
}

const PARKING = passages(
  'Parking in the visitor lot is free for up to four hours. After that, a fee of $2 per hour applies.',
);
const SHUTTLE = passages('The shuttle bus runs only on weekdays, every 20 minutes from 7 am.');
const CLINIC = passages('The clinic is open on Tuesdays and Thursdays from 9 am to 1 pm.');
const RESERVATION = passages('No reservation is required for groups of fewer than eight people.');
const DEAL = passages('Acme Corp acquired Beta Labs in 2019 for $40 million.');
const POOL = passages('The pool closes at 23:00 every day.');
const BREAKFAST = passages('Breakfast is served from 6:00 to 9:00.');
const FEE = passages('The annual fee is $15.');
const SPEED = passages('The speed limit on campus is 30 mph.');

// [what, context, supported answer, near miss, the near miss's reason, question?]
const PAIRS: ReadonlyArray<readonly [string, ScoringPassage[], string, string, string, string?]> = [
  [
    'a dropped "up to" limit',
    PARKING,
    'You can park in the visitor lot for free for up to four hours.',
    'Parking in the visitor lot is free.',
    'dropped-condition',
  ],
  [
    'a dropped "only on weekdays"',
    SHUTTLE,
    'On weekdays the shuttle runs every 20 minutes, starting at 7 am.',
    'The shuttle bus runs every 20 minutes from 7 am.',
    'dropped-condition',
  ],
  [
    'dropped days of a schedule',
    CLINIC,
    'On Tuesdays and Thursdays the clinic is open from 9 am to 1 pm.',
    'The clinic is open from 9 am to 1 pm.',
    'dropped-condition',
  ],
  [
    '"No X is required" against "you need X"',
    RESERVATION,
    "Groups of fewer than eight people don't need a reservation.",
    'You need a reservation for groups of fewer than eight.',
    'negation-mismatch',
  ],
  [
    'who acquired whom',
    DEAL,
    'In 2019 Acme Corp bought Beta Labs for $40 million.',
    'Beta Labs acquired Acme Corp in 2019 for $40 million.',
    'misplaced-name',
  ],
  [
    '"11 at night" for 23:00',
    POOL,
    'The pool closes at 11 at night.',
    'The pool closes at 10 at night.',
    'unknown-number',
  ],
  [
    'a meridiem written once for a range',
    BREAKFAST,
    'Breakfast is served from 6 to 9 am.',
    'Breakfast is served from 7 to 10 am.',
    'unknown-number',
  ],
  [
    'a currency code for a symbol',
    FEE,
    'The annual fee is 15 USD.',
    'The annual fee is 15 EUR.',
    'unit-mismatch',
  ],
  [
    '"miles per hour" for "mph"',
    SPEED,
    'The speed limit on campus is 30 miles per hour.',
    'The speed limit on campus is 30 kilometres per hour.',
    'unit-mismatch',
  ],
];

describe('the sixth revision of the offline check', () => {
  for (const [what, context, supported, nearMiss, reason, question] of PAIRS) {
    it(`${what}: ranks the supported answer with a claim no cue fires on, a cue flags the near miss`, () => {
      const ok = check(supported, context, question);
      expect(ok.score, supported).toBeLessThan(UNCUED_SCORE + PARAPHRASE_MARGIN);
      const bad = check(nearMiss, context, question);
      expect(bad.score, nearMiss).toBeGreaterThanOrEqual(CUE_THRESHOLD);
      expect(bad.reason).toBe(reason);
    });
  }

  it('a number two operations away is reasoned, a wrong one is not', () => {
    const context = passages('A return ticket costs €18 for adults and €9 for children.');
    const q = 'How much for two adults and one child?';
    // 2 × 18 + 9 = 45: two steps, weighed by the model but far below an unstated number.
    const reasoned = check('Two adults and one child pay €45 in total.', context, q);
    const wrong = check('Two adults and one child pay €47 in total.', context, q);
    expect(reasoned.score).toBeLessThan(wrong.score);
    expect(wrong.score).toBeGreaterThanOrEqual(CUE_THRESHOLD);
    expect(wrong.reason).toBe('unknown-number');
  });

  it('a word-for-word restatement is never flagged at the default threshold', () => {
    for (const [, context] of PAIRS) {
      const sentence = context[0].text.split(/(?<=\.)\s/)[0];
      expect(check(sentence, context).flagged, sentence).toBe(false);
    }
  });
});

describe('the sixth revision, its parts', () => {
  it('normalizeWording: times, ranges, units and "No X is required"', () => {
    expect(normalizeWording('It closes at 11 at night.')).toBe('It closes at 11 pm.');
    expect(normalizeWording('It opens at 2 at night.')).toBe('It opens at 2 am.');
    expect(normalizeWording('from 6 to 9 am')).toBe('from 6 am to 9 am');
    // A start later on the clock than the end crosses noon.
    expect(normalizeWording('from 10 to 2 pm')).toBe('from 10 am to 2 pm');
    expect(normalizeWording('from 7 to 11 in the morning')).toBe('from 7 am to 11 am');
    expect(normalizeWording('open until midnight')).toBe('open until 12 am');
    expect(normalizeWording('30 miles per hour')).toBe('30 mph');
    expect(normalizeWording('No reservation is required.')).toBe('reservation is not required.');
    expect(normalizeWording('cancel without a fee')).toBe('cancel free');
    expect(extractNumberMentions(normalizeWording('from 6 to 9 am')).map((n) => n.value)).toEqual([
      '6:00',
      '9:00',
    ]);
    expect(extractNumberMentions(normalizeWording('at 11 at night')).map((n) => n.value)).toEqual(['23:00']);
    expect(isNegated('No reservation is required.')).toBe(true);
    // "at no extra cost" is still no negation.
    expect(isNegated('Bikes travel at no extra cost.')).toBe(false);
  });

  it('droppedLimit: the limit must be stated somewhere in the answer, in its words or its number', () => {
    const clause = 'Parking is free for up to four hours';
    expect(droppedLimit('Parking is free.', clause)).toBe('maximum');
    expect(droppedLimit('Parking is free for 4 hours.', clause)).toBeUndefined();
    expect(
      droppedLimit('Parking is free, but the longest you can stay is four hours.', clause),
    ).toBeUndefined();
    expect(
      droppedLimit('The bus runs every 20 minutes.', 'The bus runs only on weekdays, every 20 minutes'),
    ).toBe('days');
    expect(droppedLimit('Members may enter.', 'Only members with a valid card may enter')).toBe('only');
    expect(
      droppedLimit('Members with a valid card may enter.', 'Only members with a valid card may enter'),
    ).toBeUndefined();
    expect(
      droppedLimit(
        'On weekdays the bus runs every 20 minutes.',
        'The bus runs only on weekdays, every 20 minutes',
      ),
    ).toBeUndefined();
    // A single day is a date, not a recurring restriction.
    expect(droppedLimit('Riverside won 3–1.', 'On Saturday, Riverside won 3–1')).toBeUndefined();
    expect(droppedLimit('It is open 9 to 1.', 'It is open on Tuesdays and Thursdays, 9 to 1')).toBe('days');
    expect(
      droppedLimit('It is open on Tuesdays, 9 to 1.', 'It is open on Tuesdays and Thursdays, 9 to 1'),
    ).toBeUndefined();
  });

  it('swappedRoles: two parties in the opposite order, unless a passive or a list explains it', () => {
    const sentence = 'Acme Corp acquired Beta Labs in 2019.';
    expect(swappedRoles('Beta Labs acquired Acme Corp.', sentence)).toEqual(['beta labs', 'acme corp']);
    expect(swappedRoles('Beta Labs was acquired by Acme Corp.', sentence)).toEqual([]);
    expect(swappedRoles('Acme acquired Beta Labs.', sentence)).toEqual([]);
    expect(swappedRoles('Beta Labs and Acme Corp merged.', 'Acme Corp and Beta Labs merged.')).toEqual([]);
    const lease = 'The tenant must give the landlord 60 days notice.';
    expect(swappedRoles('The landlord must give the tenant 60 days notice.', lease)).toEqual([
      'landlord',
      'tenant',
    ]);
    expect(swappedRoles('Tenants give their landlord 60 days notice.', lease)).toEqual([]);
  });

  it('derivableInTwoSteps: two operations on three stated amounts (hand-computed)', () => {
    const amounts = (...xs: number[]) => xs.map((x) => ({ value: String(x), text: String(x), amount: x }));
    const target = (x: number, word?: string) => ({
      value: String(x),
      text: String(x),
      amount: x,
      ...(word ? { word } : {}),
    });
    expect(derivableInTwoSteps(target(45), amounts(2, 18, 9))).toBe(true); // 2 × 18 + 9
    expect(derivableInTwoSteps(target(24), amounts(12, 10, 120))).toBe(true); // 120 ÷ 10 + 12
    expect(derivableInTwoSteps(target(47), amounts(2, 18, 9))).toBe(false);
    // 20 cents × 2 × 3 = 120 cents = $1.20.
    expect(derivableInTwoSteps(target(1.2), [...amounts(2, 3), { ...target(20, 'cent') }])).toBe(true);
    // $6 for 12 → 50 cents: one step once cents are converted.
    expect(derivableInMinorUnits(target(50, 'cent'), amounts(6, 12))).toBe(true);
    expect(derivableInMinorUnits(target(60, 'cent'), amounts(6, 12))).toBe(false);
    expect(derivableInMinorUnits(target(50), amounts(6, 12))).toBe(false);
  });
});
