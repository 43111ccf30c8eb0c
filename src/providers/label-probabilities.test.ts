import { describe, expect, it } from 'vitest';
import { labelProbabilities } from './label-probabilities.js';

const lp = (token: string, p: number) => ({ token, logprob: Math.log(p) });

describe('labelProbabilities', () => {
  it('matches top tokens to label prefixes, case- and space-insensitively, and normalises', () => {
    const out = labelProbabilities(
      [lp('Bill', 0.5), lp(' tech', 0.3), lp('zzz', 0.2)],
      ['billing', 'technical', 'general'],
    );
    expect(out?.billing).toBeCloseTo(0.5 / 0.8, 12);
    expect(out?.technical).toBeCloseTo(0.3 / 0.8, 12);
    expect(out?.general).toBe(0);
  });

  it('splits a token shared by several labels evenly', () => {
    const out = labelProbabilities([lp('e', 0.4), lp('general', 0.4)], ['escalate', 'email', 'general']);
    expect(out).toEqual({ escalate: 0.25, email: 0.25, general: 0.5 });
  });

  it('returns undefined when no top token starts a label', () => {
    expect(labelProbabilities([lp('hello', 0.9)], ['billing'])).toBeUndefined();
    expect(labelProbabilities([], ['billing'])).toBeUndefined();
  });
});
