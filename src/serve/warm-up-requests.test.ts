import { describe, expect, it } from 'vitest';
import { SCRIPTED_SUITES } from './scripted-pipeline.js';
import { warmUpBody, warmUpSamples } from './warm-up-requests.js';

describe('warmUpBody', () => {
  const [qa, qa2, intent] = SCRIPTED_SUITES;

  it('sends both shapes a client may send: with `suite` on even rounds, without on odd ones', () => {
    expect(JSON.parse(warmUpBody(qa, 'q', 0, SCRIPTED_SUITES))).toEqual({ question: 'q', suite: 'qa' });
    expect(JSON.parse(warmUpBody(qa, 'q', 1, SCRIPTED_SUITES))).toEqual({ question: 'q' });
    expect(JSON.parse(warmUpBody(intent, 'x', 2, SCRIPTED_SUITES))).toEqual({ input: 'x', suite: 'intent' });
    expect(JSON.parse(warmUpBody(intent, 'x', 3, SCRIPTED_SUITES))).toEqual({ input: 'x' });
  });

  it("always names a suite that is not its route's default (leaving it out would reach another)", () => {
    for (const round of [0, 1, 2, 3])
      expect(JSON.parse(warmUpBody(qa2, 'q', round, SCRIPTED_SUITES))).toEqual({
        question: 'q',
        suite: 'qa-2',
      });
  });
});

describe('warmUpSamples', () => {
  it('cuts texts to the input limit and sends each distinct text once', () => {
    expect(warmUpSamples(['abcdef', 'abcxyz', 'ab'], 3)).toEqual(['abc', 'ab']);
  });
});
