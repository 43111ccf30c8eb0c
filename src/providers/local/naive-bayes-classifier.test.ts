import { describe, expect, it } from 'vitest';
import { classifyNaiveBayes, trainNaiveBayes } from './naive-bayes-classifier.js';

// Features are stemmed content terms plus bigrams (term-features.ts). For these examples:
//   "refund card" → refund, card, "refund card"   (billing)
//   "refund"      → refund                        (billing)
//   "sync error"  → sync, error, "sync error"     (technical)
// Vocabulary |V| = 6. Billing: 2 examples, 4 feature occurrences (refund 2, card 1,
// "refund card" 1). Technical: 1 example, 3 occurrences (1 each). Priors 2/3 and 1/3.
// With alpha = 1, P(f | c) = (count(f, c) + 1) / (total(c) + 6).
const EXAMPLES = [
  { input: 'refund card', output: 'billing' },
  { input: 'refund', output: 'billing' },
  { input: 'sync error', output: 'technical' },
];
const LABELS = ['billing', 'technical'];

describe('classifyNaiveBayes', () => {
  it('matches the hand-computed posterior', () => {
    // "refund error crash" → refund, error, crash, "refund error", "error crash"; only refund
    // and error are in the vocabulary, the rest carry no evidence and are skipped.
    //   log P(billing, x)   = log(2/3) + log((2+1)/(4+6)) + log((0+1)/(4+6))
    //                       = −0.405465 − 1.203973 − 2.302585 = −3.912023  (= log 1/50)
    //   log P(technical, x) = log(1/3) + log((0+1)/(3+6)) + log((1+1)/(3+6))
    //                       = −1.098612 − 2.197225 − 1.504077 = −4.799914  (= log 2/243)
    //   P(billing | x) = (1/50) / (1/50 + 2/243) = 243/343 = 0.708455
    const result = classifyNaiveBayes(trainNaiveBayes(EXAMPLES, LABELS), 'refund error crash');
    expect(result.label).toBe('billing');
    expect(result.confidence).toBeCloseTo(243 / 343, 6);
    expect(result.probabilities.billing).toBeCloseTo(243 / 343, 6);
    expect(result.probabilities.technical).toBeCloseTo(100 / 343, 6);
  });

  it('counts a repeated term once per occurrence (multinomial, not binary)', () => {
    // "refund refund" → refund ×2 (the bigram "refund refund" is unseen):
    //   P(billing, x) = 2/3 · (3/10)² = 0.06;  P(technical, x) = 1/3 · (1/9)² = 1/243
    //   P(billing | x) = 0.06 / (0.06 + 1/243) = 14.58 / 15.58 = 729/779 = 0.935815
    const result = classifyNaiveBayes(trainNaiveBayes(EXAMPLES, LABELS), 'Refund, refund!');
    expect(result.probabilities.billing).toBeCloseTo(729 / 779, 6);
  });

  it('falls back to the priors when every word is unseen', () => {
    const result = classifyNaiveBayes(trainNaiveBayes(EXAMPLES, LABELS), 'password reset link expired');
    expect(result).toEqual({
      label: 'billing',
      confidence: 0.666667,
      probabilities: { billing: 0.666667, technical: 0.333333 },
    });
  });

  it('gives a label with no examples probability 0 and leaves the others unchanged', () => {
    const model = trainNaiveBayes(EXAMPLES, ['general', ...LABELS]);
    const result = classifyNaiveBayes(model, 'refund error crash');
    expect(result.probabilities.general).toBe(0);
    expect(result.label).toBe('billing');
    expect(result.probabilities.billing).toBeCloseTo(243 / 343, 6);
    // Even with no evidence at all, the empty label is not chosen.
    expect(classifyNaiveBayes(model, 'hello').label).toBe('billing');
  });

  it('is uniform over the labels, choosing the first, when there are no usable examples', () => {
    const expected = { label: 'general', confidence: 0.5, probabilities: { general: 0.5, escalate: 0.5 } };
    expect(classifyNaiveBayes(trainNaiveBayes([], ['general', 'escalate']), 'refund')).toEqual(expected);
    // Outputs that are not among the labels are ignored, not learned.
    expect(classifyNaiveBayes(trainNaiveBayes(EXAMPLES, ['general', 'escalate']), 'refund')).toEqual(
      expected,
    );
  });

  it('breaks an exact tie by label order, whatever the example order', () => {
    // P(billing, x) = 1/2 · 2/3 · 1/3 = P(technical, x) = 1/2 · 1/3 · 2/3: a tie in exact
    // arithmetic, which float sums in a different order need not reproduce bit for bit.
    const examples = [
      { input: 'invoice', output: 'billing' },
      { input: 'crash', output: 'technical' },
    ];
    for (const ordered of [examples, [...examples].reverse()]) {
      expect(classifyNaiveBayes(trainNaiveBayes(ordered, ['billing', 'technical']), 'invoice crash')).toEqual(
        { label: 'billing', confidence: 0.5, probabilities: { billing: 0.5, technical: 0.5 } },
      );
      expect(
        classifyNaiveBayes(trainNaiveBayes(ordered, ['technical', 'billing']), 'invoice crash').label,
      ).toBe('technical');
    }
  });

  it('is deterministic: same examples in any order give identical output', () => {
    const input = 'my card was charged twice after the sync error';
    const first = classifyNaiveBayes(trainNaiveBayes(EXAMPLES, LABELS), input);
    expect(classifyNaiveBayes(trainNaiveBayes(EXAMPLES, LABELS), input)).toEqual(first);
    expect(classifyNaiveBayes(trainNaiveBayes([...EXAMPLES].reverse(), LABELS), input)).toEqual(first);
  });

  it('trims example outputs before matching them to labels', () => {
    const model = trainNaiveBayes(
      [
        { input: 'refund', output: ' billing\n' },
        { input: 'crash', output: 'technical' },
      ],
      LABELS,
    );
    expect(model.documents).toEqual([1, 1]);
  });
});
