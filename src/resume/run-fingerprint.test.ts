// What --resume refuses: any change to what the written results depend on, named in one phrase;
// and nothing when only the pace (or nothing) changed.
import { describe, expect, it } from 'vitest';
import { fingerprintChange, type RunFingerprint } from './run-fingerprint.js';

const before: RunFingerprint = {
  configHash: 'c1',
  corpusHash: 'k1',
  seed: 7,
  prompts: { answer: 'answer@v1#aaa' },
  cases: { qa: { file: 'test_cases/qa.jsonl', hash: 'h1' } },
  providers: ['local/extractive', 'openai/gpt-4o-mini'],
  metricDefinitions: { 'hallucination.rate': 'offline-check-6.1' },
};

describe('fingerprintChange', () => {
  it('is null for the same fingerprint', () => {
    expect(fingerprintChange(before, structuredClone(before))).toBeNull();
  });

  it.each([
    ['config', { configHash: 'c2' }, 'the config changed (hash c1 → c2)'],
    ['corpus', { corpusHash: 'k2' }, 'the corpus changed (hash k1 → k2)'],
    ['seed', { seed: 8 }, 'the seed changed (7 → 8)'],
    [
      'prompt',
      { prompts: { answer: 'answer@v1#bbb' } },
      'prompt answer changed (answer@v1#aaa → answer@v1#bbb)',
    ],
    [
      'cases',
      { cases: { qa: { file: 'test_cases/qa.jsonl', hash: 'h2' } } },
      'the cases of suite qa changed (test_cases/qa.jsonl)',
    ],
    ['suites', { cases: {} }, 'suite qa no longer runs'],
    [
      'a provider gone (its key unset)',
      { providers: ['local/extractive'] },
      'provider openai/gpt-4o-mini ran when the run began but is not available now',
    ],
    [
      'scorer definition',
      { metricDefinitions: { 'hallucination.rate': 'offline-check-7' } },
      'the scorers changed since the run began (hallucination.rate: offline-check-6.1 → offline-check-7)',
    ],
  ])('names a changed %s', (_what, change, message) => {
    expect(fingerprintChange(before, { ...before, ...change } as RunFingerprint)).toBe(message);
  });

  it('refuses a run begun by an evalgate that did not record its scorer definitions', () => {
    expect(fingerprintChange({ ...before, metricDefinitions: undefined }, before)).toBe(
      'the scorers changed since the run began (hallucination.rate: unversioned → offline-check-6.1)',
    );
  });
});
