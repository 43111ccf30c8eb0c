import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
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

  it("marks at the run's own threshold: one that flags only answers with a cue leaves it out", () => {
    const reworded = caseResult({
      caseId: 'a',
      output: 'Refunds are issued within 5 business days of approval.',
    });
    expect(unsupportedSentences(reworded, passages, 0.27)).toEqual([]);
    const invented = caseResult({
      caseId: 'a',
      output: 'Refunds are issued within 9 business days of approval.',
    });
    expect(unsupportedSentences(invented, passages, 0.27)).toEqual([
      'Refunds are issued within 9 business days of approval.',
    ]);
  });
});
