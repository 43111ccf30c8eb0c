import { describe, expect, it } from 'vitest';
import { parseLabel } from './parse-label.js';

const labels = ['billing', 'technical', 'general', 'escalate'];

describe('parseLabel', () => {
  it('matches exactly, then case-insensitively (ignoring wrapping punctuation)', () => {
    expect(parseLabel('billing', labels)).toBe('billing');
    expect(parseLabel(' "Technical." ', labels)).toBe('technical');
    expect(parseLabel('**ESCALATE**', labels)).toBe('escalate');
  });
  it('falls back to the first label word found', () => {
    expect(parseLabel('The category is technical.', labels)).toBe('technical');
    expect(parseLabel('Either general or billing, probably general.', labels)).toBe('general');
  });
  it('matches whole words only and prefers the longer label at the same position', () => {
    expect(parseLabel('non-billing issue', labels)).toBeNull();
    expect(parseLabel('billing-dispute', ['billing', 'billing-dispute'])).toBe('billing-dispute');
  });
  it('returns null for outputs that are no label', () => {
    expect(parseLabel('refund please', labels)).toBeNull();
    expect(parseLabel('', labels)).toBeNull();
  });
});
