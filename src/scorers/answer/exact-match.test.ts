import { describe, expect, it } from 'vitest';
import { exactMatch } from './exact-match.js';

describe('exactMatch', () => {
  it('compares normalised strings', () => {
    // "The Cat sat" → "cat sat"; "cat sat on" → "cat sat on": different.
    expect(exactMatch('The Cat sat', ['cat sat on'])).toBe(0);
    expect(exactMatch('The Cat sat', ['cat  sat.'])).toBe(1);
  });
  it('takes the max over references', () => {
    expect(exactMatch('Paris', ['London', 'paris'])).toBe(1);
  });
  it('is null without a reference', () => {
    expect(exactMatch('Paris', [])).toBeNull();
  });
});
