import { describe, expect, it } from 'vitest';
import { contentTerms } from './analyze.js';
import { splitSentences } from './sentences.js';
import { words } from './tokenize.js';

describe('words', () => {
  it('keeps decimals, hyphenated and apostrophe words together', () => {
    expect(words('Pro costs $4.99/month; sign-in isn’t SSO-2.')).toEqual([
      'pro',
      'costs',
      '4.99',
      'month',
      'sign-in',
      'isn’t',
      'sso-2',
    ]);
  });
});

describe('contentTerms', () => {
  it('drops stopwords and stems', () => {
    expect(contentTerms('The connections were running')).toEqual(['connect', 'run']);
  });
});

describe('splitSentences', () => {
  it('splits on terminal punctuation before a capital, keeping decimals and abbreviations', () => {
    expect(
      splitSentences('Plans cost 4.99 per seat. Refunds take 5 days, e.g. for card payments. Done!'),
    ).toEqual(['Plans cost 4.99 per seat.', 'Refunds take 5 days, e.g. for card payments.', 'Done!']);
  });
  it('keeps a trailing citation marker with its sentence', () => {
    expect(splitSentences('Exports run nightly. [data/export.md#0] Then they expire.')).toEqual([
      'Exports run nightly. [data/export.md#0]',
      'Then they expire.',
    ]);
  });
  it('treats lines and list items as separate sentences', () => {
    expect(splitSentences('Steps:\n- Open Settings\n- Click Billing')).toEqual([
      'Steps:',
      'Open Settings',
      'Click Billing',
    ]);
  });
});
