// Near misses an independent review found excused as supported by the fourth revision of the
// offline check, each with the correct answer that must stay supported.
import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import type { ScoringPassage } from '../scoring-input.js';
import { isPleasantry } from './claim-cues.js';
import { sameQuantity, toQuantity, unitKey } from './quantities.js';
import { CUE_THRESHOLD } from './__fixtures__/copy-score.js';
import { unsupportedContent } from './unsupported-content.js';

const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p#${i}`, docId: 'p', text }));

const score = (answer: string, context: ScoringPassage[]) => {
  const scores: Score[] = unsupportedContent({ answer, passages: context });
  return scores.find((s) => s.name === 'hallucination.score')?.value as number | null;
};

const LOCKOUT = passages(
  'Your account is locked for 15 minutes after 5 failed sign-in attempts. A reset link is valid for 30 minutes.',
);

describe('review near misses', () => {
  it('a count that replaced the stated one is not excused by arithmetic on other numbers', () => {
    // Read at the cue threshold: the correct answer sets no cue, each wrong count does.
    expect(score('Your account is locked after 5 failed sign-in attempts.', LOCKOUT)).toBeLessThan(
      CUE_THRESHOLD,
    );
    for (const wrong of ['3', '2', '10'])
      expect(
        score(`Your account is locked after ${wrong} failed sign-in attempts.`, LOCKOUT),
      ).toBeGreaterThanOrEqual(CUE_THRESHOLD);
  });

  it('whole numbers of days are compared exactly; months and years against days keep their tolerance', () => {
    const q = (n: number, unit: string) => toQuantity(n, unitKey(unit))!;
    const days = (n: number) => q(n, 'days');
    expect(sameQuantity(days(90), days(91))).toBe(false);
    expect(sameQuantity(days(365), days(360))).toBe(false);
    expect(sameQuantity(days(90), days(90))).toBe(true);
    expect(sameQuantity(q(1, 'year'), days(365))).toBe(true);
    expect(sameQuantity(q(3, 'months'), days(91))).toBe(true);
    // Decided by the unit, not by whether the product happens to be whole days.
    expect(sameQuantity(q(4, 'years'), q(208, 'weeks'))).toBe(true);
    expect(sameQuantity(q(48, 'months'), days(1460))).toBe(true);
    expect(sameQuantity(q(16, 'months'), q(70, 'weeks'))).toBe(true);
  });

  it('"Thanks to …" states something; "Thanks!" does not', () => {
    expect(isPleasantry('Thanks to our partners, deleted files are kept for 400 days.')).toBe(false);
    expect(isPleasantry('Thank you to everyone who reported it.')).toBe(false);
    expect(isPleasantry('Thanks!')).toBe(true);
    expect(isPleasantry('Thank you for asking!')).toBe(true);
  });
});
