import { describe, expect, it } from 'vitest';
import { squadNormalize, squadTokens } from './squad-normalize.js';

describe('squadNormalize', () => {
  it('lower-cases, drops punctuation, then articles, then fixes whitespace', () => {
    expect(squadNormalize('The Cat sat!')).toBe('cat sat');
    expect(squadNormalize('  An apple,  a   day. ')).toBe('apple day');
  });
  it('removes articles only as whole words', () => {
    expect(squadNormalize('theater another thea')).toBe('theater another thea');
  });
  it('removes punctuation before articles, so "the-end" becomes one word', () => {
    // "the-end" → "theend" (hyphen removed first) → no article left.
    expect(squadNormalize('the-end')).toBe('theend');
  });
  it('removes ASCII punctuation only (as Python string.punctuation)', () => {
    expect(squadNormalize("Don't pay $4.99")).toBe('dont pay 499');
    expect(squadNormalize('“quoted”')).toBe('“quoted”');
  });
  it('treats non-ASCII letters as word characters around articles', () => {
    expect(squadNormalize('éthe the')).toBe('éthe');
  });
  it('tokenises the normalised text', () => {
    expect(squadTokens('The a an')).toEqual([]);
    expect(squadTokens('A cat, the hat')).toEqual(['cat', 'hat']);
  });
});
