// trec_eval ignores the rank column of a run and re-sorts by score, descending, breaking ties by
// document id DESCENDING (strcmp(b, a) in its comparator). To agree with trec_eval on tied scores,
// order retrieved documents this way before computing ranking metrics.

export interface ScoredDocument {
  docId: string;
  score: number;
}

/** Byte-order comparison like C strcmp for ASCII ids (UTF-16 code-unit order otherwise). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function trecOrder<T extends ScoredDocument>(results: readonly T[]): T[] {
  return results.slice().sort((a, b) => b.score - a.score || compareIds(b.docId, a.docId));
}
