import { describe, expect, it } from 'vitest';
import { AssertionSchema } from './assertion-schema.js';
import { scoreAssertions } from './score-assertions.js';

const list = (...specs: [string, number][]) =>
  specs.map(([type, weight]) => AssertionSchema.parse({ type, value: 'x', weight }));

describe('scoreAssertions', () => {
  it('per type all-pass, overall pass, and the weighted score (hand-computed)', () => {
    const assertions = list(['contains', 1], ['contains', 1], ['regex', 2], ['rubric', 4]);
    const out = scoreAssertions(assertions, [
      { pass: true },
      { pass: false, reason: 'missing x' },
      { pass: true },
      { pass: null, reason: 'no judge' },
    ]);
    expect(out.scores).toEqual({
      'assert.contains': 0, // one of the two failed
      'assert.regex': 1,
      'assert.rubric': null, // not assessed
      'assert.pass': 0, // a failure decides it
      'assert.score': 3 / 4, // (1 + 2) passed of weight 4 assessed; the unassessed rubric is left out
    });
    expect(out.passed).toBe(false);
    expect(out.notes['assert.contains']).toBe('missing x');
  });

  it('an unassessed check with no failure leaves the case undecided, not passed', () => {
    const out = scoreAssertions(list(['contains', 1], ['rubric', 1]), [{ pass: true }, { pass: null }]);
    expect(out.scores['assert.pass']).toBeNull();
    expect(out.passed).toBeNull();
    const all = scoreAssertions(list(['contains', 1], ['rubric', 1]), [{ pass: true }, { pass: true }]);
    expect(all.scores['assert.pass']).toBe(1);
    expect(all.passed).toBe(true);
  });
});
