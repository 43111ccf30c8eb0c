import { describe, expect, it } from 'vitest';
import { trecOrder } from './trec-order.js';

describe('trecOrder', () => {
  it('sorts by score descending, ties by document id descending (as trec_eval)', () => {
    const ordered = trecOrder([
      { docId: 'a', score: 0.5 },
      { docId: 'b', score: 0.9 },
      { docId: 'c', score: 0.5 },
      { docId: 'B', score: 0.5 },
    ]);
    // tie at 0.5: strcmp order descending → c, a, B ('B' < 'a' in byte order)
    expect(ordered.map((d) => d.docId)).toEqual(['b', 'c', 'a', 'B']);
  });
});
