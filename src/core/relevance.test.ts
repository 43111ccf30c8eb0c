import { describe, expect, it } from 'vitest';
import { gradeOf, isRelevant, relevantCount, relevantDocIds } from './relevance.js';

describe('relevance judgements', () => {
  const qrels = { 'a.md': 2, 'b.md': 1, 'c.md': 0, 'd.md': -1 };

  it('counts a document as relevant only when its grade is above 0', () => {
    expect(relevantDocIds(qrels)).toEqual(['a.md', 'b.md']);
    expect(relevantCount(qrels)).toBe(2);
    expect(isRelevant(qrels, 'b.md')).toBe(true);
    expect(isRelevant(qrels, 'c.md')).toBe(false);
    expect(isRelevant(qrels, 'd.md')).toBe(false);
    expect(isRelevant(qrels, 'unjudged.md')).toBe(false);
  });

  it('reads grades as trec_eval does: unjudged and negative grades are 0', () => {
    expect(gradeOf(qrels, 'a.md')).toBe(2);
    expect(gradeOf(qrels, 'd.md')).toBe(0);
    expect(gradeOf(qrels, 'unjudged.md')).toBe(0);
    // Inherited object keys are not judgements.
    expect(gradeOf(qrels, 'constructor')).toBe(0);
  });
});
