import { describe, expect, it } from 'vitest';
import { analyzeSentence, extractNames, extractNumbers, normalizeNumber } from './sentence-evidence.js';

describe('sentence evidence', () => {
  it('normalises numbers', () => {
    expect(['1,000', '12.50', '12.00', '4.99', '2024-01-05'].map(normalizeNumber)).toEqual([
      '1000',
      '12.5',
      '12',
      '4.99',
      '2024-01-05',
    ]);
    expect(extractNumbers('Pay $4.99 within 30 days, items 1, 2.')).toEqual(['4.99', '30', '1', '2']);
    expect(extractNumbers('See doc1 and SSO-2 on 12:30.')).toEqual(['2', '12:30']);
  });
  it('takes capitalised words after the first word as names, skipping stopwords and "I"', () => {
    expect(
      extractNames('Refunds go to Acme’s Billing team, and I approve The rest: Monday applies.'),
    ).toEqual(['acme', 'billing']);
  });
  it('collects unique content terms', () => {
    expect(analyzeSentence('Refunds refund the refunds').terms).toEqual(['refund']);
  });
});
