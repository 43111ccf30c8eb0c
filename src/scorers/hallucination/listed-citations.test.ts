// An application's citation list (context ids, no inline markers), hand-counted.
import { describe, expect, it } from 'vitest';
import { PASSAGES } from './__fixtures__/passages.js';
import { citations } from './citations.js';

const ANSWER = [
  'Refunds are issued within 30 days of purchase.', // supported by billing/refunds.md#0
  'The Pro plan costs $4.99 per month.', // supported by plans/pricing.md#0
].join(' ');

describe('citations from a citation list', () => {
  it('precision: listed ids that name a given passage supporting some sentence; coverage: sentences a cited passage supports', () => {
    const [precision, coverage] = citations({
      answer: ANSWER,
      passages: PASSAGES,
      citedIds: ['billing/refunds.md#0', 'plans/missing.md#1'],
    });
    expect(precision.value).toBe(0.5); // refunds valid; missing not given
    expect(precision.details?.invalid).toEqual([{ id: 'plans/missing.md#1', reason: 'not-given' }]);
    expect(coverage.value).toBe(0.5); // only the refund sentence is backed by a cited passage
  });

  it('a document id cites its passages; citing every supporting passage covers every sentence', () => {
    const [precision, coverage] = citations({
      answer: ANSWER,
      passages: PASSAGES,
      citedIds: ['billing/refunds.md', 'plans/pricing.md#0'],
    });
    expect(precision.value).toBe(1);
    expect(coverage.value).toBe(1);
  });

  it('a cited passage that supports no sentence is not a valid citation', () => {
    const [precision, coverage] = citations({
      answer: 'Refunds are issued within 30 days of purchase.',
      passages: PASSAGES,
      citedIds: ['plans/pricing.md#0'],
    });
    expect(precision.value).toBe(0);
    expect(precision.details?.invalid).toEqual([{ id: 'plans/pricing.md#0', reason: 'supports-nothing' }]);
    expect(coverage.value).toBe(0);
  });

  it('inline markers win over the list when the answer has them', () => {
    const [precision] = citations({
      answer: 'Refunds are issued within 30 days of purchase [billing/refunds.md#0].',
      passages: PASSAGES,
      citedIds: ['plans/missing.md#1'],
    });
    expect(precision.value).toBe(1);
  });
});
