import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { unsupportedContent } from '../scorers/hallucination/unsupported-content.js';
import { unsupportedSentences } from './unsupported-sentences.js';

const passages = [
  {
    id: 'billing/refunds.md#0',
    docId: 'billing/refunds.md',
    text: 'Refunds are issued to the original payment method within 5 business days of approval.',
  },
];

describe('unsupportedSentences', () => {
  it('names the sentence the passages do not support and leaves the supported one out', () => {
    const result = caseResult({
      caseId: 'a',
      output:
        'Refunds are issued to the original payment method within 5 business days of approval. Every refund also includes a free year of the Enterprise plan.',
    });
    expect(unsupportedSentences(result, passages)).toEqual([
      'Every refund also includes a free year of the Enterprise plan.',
    ]);
  });

  it('finds nothing in an answer that restates the passage', () => {
    const result = caseResult({
      caseId: 'a',
      output: 'Refunds are issued to the original payment method within 5 business days of approval.',
    });
    expect(unsupportedSentences(result, passages)).toEqual([]);
  });

  it('leaves out a short answer the default flags only because no cue can check it', () => {
    // Revision 13's default flags it (its recall rule), but nothing speaks against its sentence:
    // groundedness counts it as grounded, and the report does not mark it.
    const result = caseResult({
      caseId: 'a',
      output: 'Refunds are issued within 5 business days of approval.',
    });
    expect(unsupportedSentences(result, passages)).toEqual([]);
  });

  it("marks a sentence a cue speaks against only up to the run's own threshold", () => {
    const invented = caseResult({
      caseId: 'a',
      output: 'Refunds are issued within 9 business days of approval.',
    });
    expect(unsupportedSentences(invented, passages)).toEqual([
      'Refunds are issued within 9 business days of approval.',
    ]);
    const [score] = (
      unsupportedContent({ answer: invented.output, passages })[1].details as { sentenceScores: number[] }
    ).sentenceScores;
    expect(score).toBeGreaterThan(0.3);
    expect(unsupportedSentences(invented, passages, score - 0.01)).toHaveLength(1);
    expect(unsupportedSentences(invented, passages, score + 0.01)).toEqual([]);
  });

  it("re-runs the check with the case's question, as the run scored it", () => {
    const plan = [{ id: 'p#0', docId: 'p', text: 'The premium plan costs $40 per month.' }];
    const answer = 'For 3 months the premium plan costs $120.';
    const asked = caseResult({
      caseId: 'q',
      input: 'How much is the premium plan for 3 months?',
      output: answer,
    });
    expect(unsupportedSentences(asked, plan)).toEqual([]);
    const unasked = caseResult({ caseId: 'q', input: 'How much is the premium plan?', output: answer });
    expect(unsupportedSentences(unasked, plan)).toEqual([answer]);
  });
});
