import { describe, expect, it } from 'vitest';
import { PASSAGES } from './__fixtures__/passages.js';
import { citations, type InvalidCitation } from './citations.js';

describe('citations', () => {
  it('counts markers that name a given passage which supports the sentence', () => {
    const [precision, coverage] = citations({
      answer: [
        'Refunds are issued within 30 days of purchase [billing/refunds.md#0].', // valid
        'The Pro plan costs $4.99 per month [billing/refunds.md#0].', // cites the wrong passage: coverage 0 there
        'The Team plan costs $12.50 per seat [plans/missing.md#3].', // not a passage given to the model
        'Contact Acme support to request a refund.', // no marker
      ].join(' '),
      passages: PASSAGES,
    });
    // precision: 1 valid of 3 markers; coverage: 3 of 4 sentences carry a marker
    expect(precision.value).toBeCloseTo(1 / 3, 10);
    expect(coverage.value).toBe(0.75);
    expect((precision.details!.invalid as InvalidCitation[]).map((i) => [i.id, i.reason])).toEqual([
      ['billing/refunds.md#0', 'low-coverage'],
      ['plans/missing.md#3', 'not-given'],
    ]);
  });

  it('checks every id of a grouped marker', () => {
    // The sentence is fully covered by pricing; refunds covers none of it → 1 of 2 valid.
    const [precision] = citations({
      answer: 'The Pro plan costs $4.99 per month [plans/pricing.md#0, billing/refunds.md#0].',
      passages: PASSAGES,
    });
    expect(precision.value).toBe(0.5);
  });

  it('has no precision without markers, and coverage 0', () => {
    const [precision, coverage] = citations({
      answer: 'Refunds are issued within 30 days.',
      passages: PASSAGES,
    });
    expect(precision.value).toBeNull();
    expect(coverage.value).toBe(0);
  });

  it('is null for declines and missing answers', () => {
    expect(
      citations({ answer: 'That is not covered [billing/refunds.md#0].', passages: PASSAGES }).map(
        (s) => s.value,
      ),
    ).toEqual([null, null]);
    expect(citations({ answer: null, passages: PASSAGES }).map((s) => s.value)).toEqual([null, null]);
  });
});
