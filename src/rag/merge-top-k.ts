// Merges two best-first lists of scored documents into the best k of both, under the one order
// of top-k.ts (higher score, then lower label). When the lists are the exact top k of two
// disjoint sets of documents (two document ranges of a BM25 search), the result is the exact top
// k of their union: every member of the union's top k is in its own set's top k.
import { compareScored } from './top-k.js';
import type { Scored } from './top-k.js';

export function mergeTopK(a: readonly Scored[], b: readonly Scored[], k: number): Scored[] {
  const out: Scored[] = [];
  let i = 0;
  let j = 0;
  while (out.length < k && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && compareScored(a[i], b[j]) <= 0)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
