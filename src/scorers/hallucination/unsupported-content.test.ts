import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import { CUE_THRESHOLD } from './__fixtures__/copy-score.js';
import { PASSAGES } from './__fixtures__/passages.js';
import { DEFAULT_HALLUCINATION_THRESHOLD } from './support-model.js';
import { unsupportedContent, type UnsupportedSentence } from './unsupported-content.js';

const byName = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.name, s]));
const check = (answer: string, extra: { question?: string; hallucinationThreshold?: number } = {}) =>
  byName(unsupportedContent({ answer, passages: PASSAGES, ...extra }));
const unsupportedOf = (s: Record<string, Score>) =>
  (s['hallucination.rate'].details?.unsupported ?? []) as UnsupportedSentence[];

// Each perturbation below is paired with the supported sentence it came from: the pair must land
// on opposite sides of the cue threshold (the first step above a claim on which no cue fires), so
// a check that flags everything (or nothing) fails. The default threshold sits below it since
// revision 13, where a short answer on which no cue fires is flagged too.
const PAIRS: ReadonlyArray<readonly [string, string, UnsupportedSentence['reason']]> = [
  [
    'Refunds are issued within 30 days of purchase.',
    'Refunds are issued within 45 days of purchase.',
    'unknown-number',
  ],
  [
    'Refunds are issued within 30 days of purchase.',
    'Refunds are issued within 30 hours of purchase.',
    'unit-mismatch',
  ],
  ['Orders over $1,000 need two approvals.', 'Orders over $1,000 need three approvals.', 'unknown-number'],
  [
    'Contact Acme support to request a refund.',
    'Contact Globex support to request a refund.',
    'unknown-name',
  ],
  [
    'Orders over $1,000 need two approvals.',
    'Orders over $1,000 do not need approvals.',
    'negation-mismatch',
  ],
  ['Prices changed on 2024-01-05.', 'Prices changed on 2024-01-06.', 'unknown-number'],
  [
    'Refunds take 30 days, and the Pro plan costs $4.99 per month.',
    'Refunds take 30 days, and the Pro plan costs $5.99 per month.',
    'unknown-number',
  ],
];

describe('unsupportedContent (offline check)', () => {
  it.each(PAIRS)('passes "%s" and flags "%s" (%s)', (supported, perturbed, reason) => {
    const ok = check(supported, { hallucinationThreshold: CUE_THRESHOLD });
    expect(ok['hallucination.rate'].value).toBe(0);
    expect(ok['hallucination.score'].value).toBeLessThan(CUE_THRESHOLD);
    expect(ok.groundedness.value).toBe(1);
    const bad = check(perturbed, { hallucinationThreshold: CUE_THRESHOLD });
    expect(bad['hallucination.rate'].value).toBe(1);
    expect(bad['hallucination.score'].value).toBeGreaterThanOrEqual(CUE_THRESHOLD);
    expect(unsupportedOf(bad)[0].reason).toBe(reason);
  });

  it('names what the context does not back, as written', () => {
    expect(unsupportedOf(check('Refunds are issued within 45 days of purchase.'))[0]).toMatchObject({
      unknown: ['45 days'],
      evidence: 'Refunds are issued within 30 days of purchase.',
    });
    expect(check('Contact Globex support.')['hallucination.rate'].reason).toContain('unknown-name: globex');
  });

  it('decomposes a compound sentence: one unsupported claim flags it, and the claim is named', () => {
    const s = check('The Pro plan costs $4.99 per month, and the Team plan includes free phone support.');
    expect(s['hallucination.rate'].value).toBe(1);
    expect(unsupportedOf(s)[0]).toMatchObject({
      reason: 'low-coverage',
      claim: 'the Team plan includes free phone support.',
    });
    // Both halves supported → not flagged.
    expect(
      check('The Pro plan costs $4.99 per month, and the Team plan costs $12.50 per seat.')[
        'hallucination.rate'
      ].value,
    ).toBe(0);
  });

  it('tolerates paraphrase, filler and spelled-out numbers', () => {
    for (const answer of [
      'Great question! Based on the context, refunds are issued within 30 days of purchase.',
      'Refunds are issued within thirty days of purchase.',
      'Orders over $1000 need 2 approvals.',
      'The Team plan costs $12.5 per seat.',
    ])
      expect(
        check(answer, { hallucinationThreshold: CUE_THRESHOLD })['hallucination.rate'].value,
        answer,
      ).toBe(0);
  });

  it('counts a sentence no cue speaks against as grounded, though the default flags the short answer', () => {
    // A reworded one-claim answer scores at the no-cue level (0.261), above the default 0.24.
    const reworded = check('Refunds are issued within thirty days of purchase.');
    expect(reworded['hallucination.score'].value).toBeGreaterThanOrEqual(DEFAULT_HALLUCINATION_THRESHOLD);
    expect(reworded['hallucination.rate'].value).toBe(1);
    expect(reworded.groundedness.value).toBe(1);
    expect(reworded.groundedness.details).toMatchObject({ threshold: CUE_THRESHOLD });
    // A cue against the sentence makes it ungrounded.
    expect(check('Refunds are issued within 45 days of purchase.').groundedness.value).toBe(0);
    // A configured threshold above the cue level counts for groundedness too.
    const strict = check('Refunds are issued within 45 days of purchase.', { hallucinationThreshold: 0.99 });
    expect(strict.groundedness.value).toBe(1);
    expect(strict.groundedness.details).toMatchObject({ threshold: 0.99 });
  });

  it('scores per sentence and per response; the response takes its worst claim', () => {
    const s = check(
      'Refunds are issued within 30 days of purchase. Contact Globex support to request a refund.',
    );
    const sentenceScores = s['hallucination.score'].details?.sentenceScores as number[];
    expect(sentenceScores).toHaveLength(2);
    expect(sentenceScores[0]).toBeLessThan(DEFAULT_HALLUCINATION_THRESHOLD);
    expect(sentenceScores[1]).toBeGreaterThan(0.6);
    // One claim per sentence: the response is its worst claim, calibrated for two claims, so it
    // scores a little below that sentence alone (a long answer's maximum runs high by chance).
    const worst = Math.max(...sentenceScores);
    expect(s['hallucination.score'].value).toBeLessThan(worst);
    expect(s['hallucination.score'].value).toBeGreaterThan(DEFAULT_HALLUCINATION_THRESHOLD);
    expect(s['hallucination.rate'].value).toBe(1);
    expect(s.groundedness.details).toEqual({ supported: 1, checked: 2, threshold: CUE_THRESHOLD });
  });

  it('flags by the given threshold: the same score passes a higher one', () => {
    const answer = 'Orders over $1,000 do not need approvals.';
    // The reported score is rounded to 3 decimals; the decision uses the exact one.
    const score = check(answer)['hallucination.score'].value as number;
    expect(check(answer, { hallucinationThreshold: score - 0.001 })['hallucination.rate'].value).toBe(1);
    expect(check(answer, { hallucinationThreshold: score + 0.001 })['hallucination.rate'].value).toBe(0);
  });

  it('gives words taken from the question half credit', () => {
    // Enough unbacked words that they count (beyond the allowance of uncoveredExcess).
    const answer =
      'Refunds for annual family renewals bought through partner resellers are issued within 30 days of purchase.';
    const without = check(answer)['hallucination.score'].value as number;
    const withQuestion = check(answer, {
      question: 'Are annual family renewals bought through partner resellers refunded?',
    })['hallucination.score'].value as number;
    expect(withQuestion).toBeLessThan(without);
  });

  it('passes sentences copied from the context, however their negations are placed', () => {
    // Found on the sample: a negation in one clause, a heading sharing the claim's words, and
    // "two-step" (not the number 2) each used to flag a verbatim sentence.
    const passages = [
      {
        id: 'a#0',
        docId: 'a',
        text: [
          '# Deleting your account',
          'A suspended member is signed out everywhere and can’t sign in to the workspace.',
          'They aren’t deleted when you delete your account; an admin decides who they’re transferred to.',
          'A password reset never turns off two-step verification.',
        ].join('\n'),
      },
    ];
    for (const answer of [
      'A suspended member is signed out everywhere and can’t sign in to the workspace.',
      'They aren’t deleted when you delete your account; an admin decides who they’re transferred to.',
      'A password reset never turns off two-step verification.',
    ])
      expect(unsupportedContent({ answer, passages })[0].value, answer).toBe(0);
    // …while the flipped sentence is still caught.
    expect(
      unsupportedContent({ answer: 'A suspended member is not signed out everywhere.', passages })[0].value,
    ).toBe(1);
  });

  it('ignores decline sentences and citation markers', () => {
    const s = check(
      "Refunds are issued within 30 days [billing/refunds.md#0]. I can't find anything about exchanges.",
      { hallucinationThreshold: CUE_THRESHOLD },
    );
    expect(s.groundedness.details).toEqual({ supported: 1, checked: 1, threshold: CUE_THRESHOLD });
  });

  it('is null without an answer, for a decline, or without passages', () => {
    expect(unsupportedContent({ answer: null, passages: PASSAGES }).map((s) => s.value)).toEqual([
      null,
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
});
