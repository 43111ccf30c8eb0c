// The mechanisms the fifth revision of the offline check added, each with the case that must be
// flagged and the close case that must pass: units and rates written after a number, numbers moved
// to the wrong words (by clause and by position), spelled-out amounts and times of day, answer
// words ("Not yet —") read as negation, and connectives counted as content.
import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import type { ScoringPassage } from '../scoring-input.js';
import { extractNumberMentions, isNegated } from './claim-facts.js';
import { bindNumbers } from './number-words-binding.js';
import { CUE_THRESHOLD, PARAPHRASE_MARGIN, UNCUED_SCORE } from './__fixtures__/copy-score.js';
import { DEFAULT_HALLUCINATION_THRESHOLD, responseProbability } from './support-model.js';
import { unsupportedContent } from './unsupported-content.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p${i}`, docId: 'doc', text }));

function check(answer: string, context: ScoringPassage[], hallucinationThreshold?: number) {
  const scores: Score[] = unsupportedContent({ answer, passages: context, hallucinationThreshold });
  const byName = Object.fromEntries(scores.map((s) => [s.name, s]));
  const unsupported = byName['hallucination.rate'].details?.unsupported as { reason: string }[] | undefined;
  return {
    flagged: byName['hallucination.rate'].value === 1,
    score: byName['hallucination.score'].value as number,
    reason: unsupported?.[0]?.reason,
  };
}

const PAIRS: ReadonlyArray<readonly [string, ScoringPassage[], string, string, string]> = [
  [
    'a unit the context never puts after the number',
    passages('Each checked bag can weigh up to 23 kg. A cabin bag can weigh up to 8 kg.'),
    'Your checked bag can weigh up to 23 kg.',
    'Your checked bag can weigh up to 23 lb.',
    'unit-mismatch',
  ],
  [
    'another electrical unit',
    passages('The charger supplies 65 W over USB-C.'),
    'The charger supplies 65 W.',
    'The charger supplies 65 V.',
    'unit-mismatch',
  ],
  [
    'a rate per another time unit',
    passages('The API allows 100 requests per minute per key.'),
    'You can make 100 requests per minute.',
    'You can make 100 requests per second.',
    'unit-mismatch',
  ],
  [
    'a number moved to the other clause',
    passages('Adults pay €12 per visit, and children pay €6 per visit.'),
    'Children pay €6 per visit.',
    'Children pay €12 per visit.',
    'misplaced-number',
  ],
  [
    'a number moved to the other words of one clause',
    passages('Set the blades to 4 cm in spring and raise them to 5 cm during summer droughts.'),
    'Set the blades to 4 cm in spring.',
    'Set the blades to 5 cm in spring.',
    'misplaced-number',
  ],
  [
    '"N and a half" as a number',
    passages('With noise cancellation on, the buds play for up to 4.5 hours per charge.'),
    'With noise cancellation on, you get up to four and a half hours per charge.',
    'With noise cancellation on, you get up to five and a half hours per charge.',
    'unknown-number',
  ],
  [
    'a time of day in words',
    passages('Bins must be at the kerb by 7am on collection day.'),
    'Put the bins at the kerb by 7 in the morning on collection day.',
    'Put the bins at the kerb by 7 in the evening on collection day.',
    'unknown-number',
  ],
];

describe('offline check, fifth revision', () => {
  for (const [name, context, supported, wrong, reason] of PAIRS) {
    it(`${name}: ranks the supported answer with a claim no cue fires on, a cue flags the near miss`, () => {
      expect(check(supported, context).score).toBeLessThan(UNCUED_SCORE + PARAPHRASE_MARGIN);
      const bad = check(wrong, context);
      expect(bad.score).toBeGreaterThanOrEqual(CUE_THRESHOLD);
      expect(bad.reason).toBe(reason);
    });
  }

  // Review probes: a correct answer that spells out the unit the context abbreviates (or writes
  // as a currency symbol) names the same unit; these scored ~0.9 before unit spellings shared a key.
  const SPELLED_OUT: ReadonlyArray<readonly [string, string, string]> = [
    [
      'The charger supplies 65 W over USB-C.',
      'The charger supplies 65 watts.',
      'The charger supplies 65 volts.',
    ],
    ['The adapter outputs 5 V.', 'The adapter outputs 5 volts.', 'The adapter outputs 5 watts.'],
    ['Add 2 tbsp of olive oil.', 'Add 2 tablespoons of olive oil.', 'Add 2 teaspoons of olive oil.'],
    ['Add 2 tsp of salt.', 'Add 2 teaspoons of salt.', 'Add 2 cups of salt.'],
    [
      'Each jar holds 16 oz of honey.',
      'Each jar holds 16 ounces of honey.',
      'Each jar holds 16 pounds of honey.',
    ],
    [
      'Bags can weigh up to 50 lb each.',
      'Bags can weigh up to 50 pounds each.',
      'Bags can weigh up to 50 kg each.',
    ],
    [
      'The €15 fee is charged once.',
      'The fee is 15 euros, charged once.',
      'The fee is 15 dollars, charged once.',
    ],
    ['There is a €5 entry fee.', 'Entry costs 5 euros.', 'Entry costs 5 dollars.'],
  ];
  // Review probes: swaps of one unit for another stay flagged, currency symbols included.
  const SWAPPED: ReadonlyArray<readonly [string, string]> = [
    ['The ladder reaches 6 ft.', 'The ladder reaches 6 inches.'],
    ['The trail is 6 mi long.', 'The trail is 6 yards long.'],
    ['The fee is 10 USD.', 'The fee is 10 euros.'],
    ['The fee is 15 GBP.', 'The fee is 15 euros.'],
    ['The battery holds 40 Wh.', 'The battery holds 40 watts.'],
    ['The fan turns at 300 rpm.', 'The fan turns at 300 mph.'],
    ['Add 3 cloves of garlic.', 'Add 3 cups of garlic.'],
    ['There is a €5 entry fee.', 'There is a $5 entry fee.'],
    ['Entry costs 5 euros.', 'Entry costs £5.'],
  ];
  for (const [context, wrong] of SWAPPED) {
    it(`flags a unit swapped for another: "${wrong}"`, () => {
      expect(check(wrong, passages(context)).score).toBeGreaterThanOrEqual(CUE_THRESHOLD);
    });
  }
  for (const [context, supported, wrong] of SPELLED_OUT) {
    it(`names the same unit spelled out: "${supported}" ranks with a claim no cue fires on, "${wrong}" is flagged by a cue`, () => {
      expect(check(supported, passages(context)).score).toBeLessThan(UNCUED_SCORE + PARAPHRASE_MARGIN);
      expect(check(wrong, passages(context)).score).toBeGreaterThanOrEqual(CUE_THRESHOLD);
    });
  }

  it('reads the word and rate after a number, and a number inside a name as a label', () => {
    const [lb] = extractNumberMentions('up to 23 lb per day');
    expect(lb).toMatchObject({ value: '23', word: 'lb', per: 'dai' });
    expect(extractNumberMentions('The NovaBook 14 charges at 45 W')[0]).toMatchObject({
      value: '14',
      label: true,
    });
    // The first word of a sentence is capitalised anyway: "Take 10 mg" states an amount.
    expect(extractNumberMentions('Take 10 mg')[0].label).toBeUndefined();
  });

  it('binds each word to the nearest number within five tokens', () => {
    expect(
      bindNumbers('Set the blades to 4 cm in spring and raise them to 5 cm during summer droughts.').map(
        (b) => [b.value, b.kind, [...b.terms].sort()],
      ),
    ).toEqual([
      ['4', 'cm', ['blade', 'set', 'spring']],
      ['5', 'cm', ['drought', 'rais', 'summer']],
    ]);
  });

  it('reads a leading "Not yet —" or "Unfortunately not:" as an answer word, not a negated claim', () => {
    expect(isNegated('Not yet — a team needs a lead of at least 2 points.')).toBe(false);
    expect(isNegated('Unfortunately not: bibs are only handed out at the expo.')).toBe(false);
    expect(isNegated('Not all trains stop here.')).toBe(true);
    const context = passages(
      'A set is won by the first team to reach 25 points with a lead of at least 2 points.',
    );
    expect(check('Not yet — a team needs a lead of at least 2 points.', context, CUE_THRESHOLD).flagged).toBe(
      false,
    );
  });

  it('gives connectives and approximators no weight', () => {
    // The context says more than the answer, so neither answer is a whole copy (`copied`).
    const context = passages('Refunds are issued within 14 days of the return, by bank transfer.');
    const plain = check('Refunds are issued within 14 days of the return.', context).score;
    expect(plain).toBeCloseTo(UNCUED_SCORE, 3);
    expect(check('Refunds are issued within roughly 14 days of the return, altogether.', context).score).toBe(
      plain,
    );
  });

  it('calibrates the response for its number of claims: one claim keeps its (scaled) log-odds', () => {
    const c = { intercept: 0, worstLogit: 1.5, claimCount: -0.5 };
    const logit = Math.log(0.3 / 0.7);
    expect(responseProbability(0.3, 1, c)).toBeCloseTo(1 / (1 + Math.exp(-1.5 * logit)), 12);
    expect(responseProbability(0.3, 4, c)).toBeCloseTo(
      1 / (1 + Math.exp(-(1.5 * logit - 0.5 * Math.log(4)))),
      12,
    );
    expect(responseProbability(0.3, 4, c)).toBeLessThan(responseProbability(0.3, 1, c));
    // The identity calibration leaves the worst claim's probability as it is.
    expect(responseProbability(0.3, 7, { intercept: 0, worstLogit: 1, claimCount: 0 })).toBeCloseTo(0.3, 12);
  });

  it('flags a response exactly when its score reaches the threshold, naming at least one sentence', () => {
    const context = passages('Refunds are issued within 14 days of the return. Shipping is free over €50.');
    const answer = 'Refunds are issued within 14 days of the return. Shipping is free over €80.';
    const scores = Object.fromEntries(
      unsupportedContent({ answer, passages: context }).map((s) => [s.name, s]),
    );
    const score = scores['hallucination.score'].value as number;
    expect(score).toBeGreaterThanOrEqual(DEFAULT_HALLUCINATION_THRESHOLD);
    expect(scores['hallucination.rate'].value).toBe(1);
    expect(
      (scores['hallucination.rate'].details?.unsupported as unknown[] | undefined)?.length,
    ).toBeGreaterThan(0);
    const above = unsupportedContent({ answer, passages: context, hallucinationThreshold: score + 0.01 });
    expect(above.find((s) => s.name === 'hallucination.rate')?.value).toBe(0);
  });
});
