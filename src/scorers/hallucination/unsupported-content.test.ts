import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import { PASSAGES } from './__fixtures__/passages.js';
import { unsupportedContent, type UnsupportedSentence } from './unsupported-content.js';

const byName = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.name, s]));
const unsupportedOf = (scores: Score[]) =>
  (byName(scores)['hallucination.rate'].details?.unsupported ?? []) as UnsupportedSentence[];

describe('unsupportedContent', () => {
  it('passes sentences covered by one passage, with known numbers and names', () => {
    const s = byName(
      unsupportedContent({
        answer:
          'Refunds are issued within 30 days [billing/refunds.md#0]. Contact Acme support to request one.',
        passages: PASSAGES,
      }),
    );
    expect(s['hallucination.rate'].value).toBe(0);
    expect(s.groundedness.value).toBe(1);
  });

  it('flags unknown numbers, unknown names and low coverage', () => {
    const scores = unsupportedContent({
      answer: [
        'Refunds are issued within 30 days of purchase.', // supported
        'The Pro plan costs $5.99 per month.', // covered 5/6 by pricing, but 5.99 appears nowhere
        'Refunds are also handled by Globex.', // "Globex" (not sentence-initial) appears nowhere
        'Refunds require a receipt and manager approval.', // terms refund, requir, receipt, manag, approv: refunds passage has refund, approv(als) = 2/5
      ].join(' '),
      passages: PASSAGES,
    });
    const s = byName(scores);
    expect(s['hallucination.rate'].value).toBe(1);
    // 1 supported of 4 checked
    expect(s.groundedness.value).toBe(0.25);
    expect(unsupportedOf(scores).map((u) => [u.reason, u.unknown])).toEqual([
      ['unknown-number', ['5.99']],
      ['unknown-name', ['globex']],
      ['low-coverage', undefined],
    ]);
    expect(unsupportedOf(scores)[2].coverage).toBe(0.4);
  });

  it('requires coverage from a single passage, not the union', () => {
    // terms: team, seat, cost, 12.5, refund, take, 30, day (8). refunds passage: refund, 30, day = 3/8;
    // pricing passage: team, seat, cost, 12.5 = 4/8 = 0.5 < 0.6 → unsupported although the union covers 7/8.
    const scores = unsupportedContent({
      answer: 'Team seats cost $12.50 and refunds take 30 days.',
      passages: PASSAGES,
    });
    expect(unsupportedOf(scores)).toEqual([
      { sentence: 'Team seats cost $12.50 and refunds take 30 days.', reason: 'low-coverage', coverage: 0.5 },
    ]);
    // With a threshold of 0.5 the same sentence passes.
    expect(
      unsupportedContent({
        answer: 'Team seats cost $12.50 and refunds take 30 days.',
        passages: PASSAGES,
        threshold: 0.5,
      })[0].value,
    ).toBe(0);
  });

  it('matches numbers written differently (1,000 = 1000, 12.5 = 12.50, two = 2) and checks dates', () => {
    expect(
      unsupportedContent({ answer: 'Orders over $1000 need 2 approvals.', passages: PASSAGES })[0].value,
    ).toBe(0);
    const dated = unsupportedContent({ answer: 'Prices changed on 2024-01-06.', passages: PASSAGES });
    expect(unsupportedOf(dated)[0]).toMatchObject({ reason: 'unknown-number', unknown: ['2024-01-06'] });
  });

  it('ignores decline sentences and citation markers', () => {
    const s = byName(
      unsupportedContent({
        answer:
          "Refunds are issued within 30 days [billing/refunds.md#0]. I can't find anything about exchanges.",
        passages: PASSAGES,
      }),
    );
    expect(s.groundedness.details).toEqual({ supported: 1, checked: 1 });
  });

  it('is null without an answer, for a decline, or without passages', () => {
    expect(unsupportedContent({ answer: null, passages: PASSAGES }).map((s) => s.value)).toEqual([
      null,
      null,
    ]);
    expect(unsupportedContent({ answer: "I don't know.", passages: PASSAGES })[0].reason).toBe(
      'the model declined',
    );
    expect(unsupportedContent({ answer: 'Refunds take 30 days.', passages: [] })[0].reason).toBe(
      'no passages given to the model',
    );
    expect(unsupportedContent({ answer: 'Here it is.', passages: PASSAGES })[0].reason).toBe(
      'no checkable sentences',
    );
  });

  it('is fast: under 0.2 ms per case when chunks recur (as across a suite), and cheap even cold', () => {
    // 5 passages of ~160 words each. Measured on a dev machine: ~0.05 ms warm, ~0.12 ms cold.
    const answer =
      'Refunds are issued within 30 days [doc0.md#0]. The Pro plan costs $4.99 per month [doc1.md#0]. Contact Acme support to request a refund.';
    const passagesFor = (i: number) =>
      Array.from({ length: 5 }, (_, j) => ({
        id: `doc${j}.md#0`,
        docId: `doc${j}.md`,
        text: `Case ${i}. ${PASSAGES[j % 2].text.repeat(8)}`,
      }));
    const perCase = (inputs: { answer: string; passages: ReturnType<typeof passagesFor> }[]) => {
      const start = performance.now();
      for (const input of inputs) unsupportedContent(input);
      return (performance.now() - start) / inputs.length;
    };
    const runs = 2000;
    perCase(Array.from({ length: 200 }, (_, i) => ({ answer: answer + i, passages: passagesFor(-1 - i) })));
    // Warm: 20 distinct chunk sets shared by 2,000 cases; every case a new answer and a new passage array.
    expect(
      perCase(
        Array.from({ length: runs }, (_, i) => ({ answer: answer + i, passages: passagesFor(i % 20) })),
      ),
    ).toBeLessThan(0.2);
    // Cold: every case brings passages never seen before (bound kept loose so a busy CI is not flaky).
    expect(
      perCase(
        Array.from({ length: runs }, (_, i) => ({ answer: answer + i, passages: passagesFor(1000 + i) })),
      ),
    ).toBeLessThan(0.4);
  });
});
