// A bounded min-heap of (document, score) over typed arrays for exact top-k selection: it keeps
// the best `capacity` offers under one order (higher score, then lower document), whatever order
// they are offered in.
import { compareScored } from './top-k.js';
import type { Scored } from './top-k.js';

export interface BoundedHeap {
  readonly size: number;
  /** Keeps (doc, score) if it is among the best k so far; false when it is not. */
  offer(doc: number, score: number): boolean;
  worstScore(): number;
  sorted(): Scored[];
}

/** Min-heap on "better" (higher score, then lower doc) over typed arrays: the root is the worst kept. */
export function createBoundedHeap(capacity: number): BoundedHeap {
  const docs = new Uint32Array(capacity);
  const scores = new Float64Array(capacity);
  let size = 0;
  const better = (a: number, b: number): boolean =>
    scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]);
  const swap = (a: number, b: number): void => {
    const d = docs[a];
    docs[a] = docs[b];
    docs[b] = d;
    const s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  };
  return {
    get size() {
      return size;
    },
    offer(doc, score) {
      if (size < capacity) {
        docs[size] = doc;
        scores[size] = score;
        for (let i = size++; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!better(parent, i)) break;
          swap(parent, i);
          i = parent;
        }
        return true;
      }
      if (!(score > scores[0] || (score === scores[0] && doc < docs[0]))) return false;
      docs[0] = doc;
      scores[0] = score;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < size && better(worst, left)) worst = left;
        if (right < size && better(worst, right)) worst = right;
        if (worst === i) break;
        swap(worst, i);
        i = worst;
      }
      return true;
    },
    worstScore: () => scores[0],
    sorted: () =>
      Array.from({ length: size }, (_, i) => ({ label: docs[i], score: scores[i] })).sort(compareScored),
  };
}
