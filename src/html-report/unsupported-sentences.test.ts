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
        'Refunds are issued to the original payment method within 5 business days. Every refund also includes a free year of the Enterprise plan.',
    });
    expect(unsupportedSentences(result, passages)).toEqual([
      'Every refund also includes a free year of the Enterprise plan.',
    ]);
  });

  it('finds nothing in a fully supported answer', () => {
    const result = caseResult({
      caseId: 'a',
      output: 'Refunds are issued within 5 business days of approval.',
    });
    expect(unsupportedSentences(result, passages)).toEqual([]);
  });
});
