// Exact top-k for BM25 with MaxScore pruning (Turtle & Flood 1995), document at a time: query
// terms are ordered by the most any one posting can add; once k documents are held, the terms
// whose bounds together cannot lift a document past the k-th score are "non-essential". Only
// documents found in an essential term's postings are candidates, and a candidate's
// non-essential postings are looked up (by galloping search) only while its bound still beats
// the k-th score. At 100k chunks, queries of common words touch tens of thousands of postings
// per term, and most documents are never scored. The result is the exhaustive scorer's, bit for
// bit: each score is summed in the query's term order, as bm25.ts sums it, and a bound prunes
// only with a margin far above the rounding of a few additions.
// A search can be restricted to a range of documents: two ranges' top k, merged by (score,
// document) (merge-top-k.ts), are the whole collection's top k, score for score, so a hybrid query
// scores half of the documents on the HNSW store's search thread (hnsw-shard-thread.ts).
// createBm25Scorer is self-contained (no imports, no module-level names): the search thread
// evaluates its source text (BM25_SCORER_SOURCE), so both threads run the same code.
import type { Scored } from './top-k.js';

export interface PostingLists {
  /** Postings of term t are docs/freqs[offsets[t] .. offsets[t + 1]), docs ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
}

export interface WeightedTerm {
  term: number;
  /** qtf · idf: the factor in front of the term's saturation tf·(k1 + 1) / (tf + norm). */
  weight: number;
}

export interface Bm25Scorer {
  /**
   * The best k documents for the weighted terms (in query order); ties by lower document.
   * `stats.scored` counts the documents scored in full (for tests and benches). With `range`,
   * only documents from ≤ d < to are ranked.
   */
  topK(
    query: readonly WeightedTerm[],
    k: number,
    stats?: { scored: number },
    range?: { from: number; to: number },
  ): Scored[];
}

/**
 * `norms[d]` = k1·(1 − b + b·dl/avgdl). A term's bound (its largest tf·(k1 + 1) / (tf + norm)
 * over its postings) is computed on the term's first use and kept.
 */
export function createBm25Scorer(postings: PostingLists, norms: Float64Array, k1: number): Bm25Scorer {
  /** Relative margin on every bound: rounding in a sum of a few terms is ~1e-16 relative. */
  const MARGIN = 1e-9;
  /** Past the last document: a cursor at the end of its postings. */
  const NONE = 0x7fffffff;
  const { offsets, docs, freqs } = postings;
  const saturationBound = new Float64Array(offsets.length - 1).fill(-1);
  const boundOf = (term: number): number => {
    if (saturationBound[term] < 0) {
      let max = 0;
      for (let p = offsets[term]; p < offsets[term + 1]; p++) {
        const tf = freqs[p];
        const s = (tf * (k1 + 1)) / (tf + norms[docs[p]]);
        if (s > max) max = s;
      }
      saturationBound[term] = max;
    }
    return saturationBound[term];
  };

  return {
    topK(query, k, stats, range) {
      const n = query.length;
      if (k <= 0 || n === 0) return [];
      // Terms by ascending bound; `slot` is each one's position in the query (summing order).
      const order = query
        .map(({ term, weight }, slot) => ({
          term,
          weight,
          slot,
          bound: weight * boundOf(term) * (1 + MARGIN),
        }))
        .sort((a, b) => a.bound - b.bound || a.slot - b.slot);
      const weight = Float64Array.from(order, (t) => t.weight);
      const slot = Int32Array.from(order, (t) => t.slot);
      // prefix[i]: the most terms 0 .. i-1 of `order` can add together.
      const prefix = new Float64Array(n + 1);
      for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + order[i].bound;
      const cursor = Uint32Array.from(order, (t) => offsets[t.term]);
      const end = Uint32Array.from(order, (t) => offsets[t.term + 1]);
      if (range) {
        for (let i = 0; i < n; i++) {
          cursor[i] = seek(docs, cursor[i], end[i], range.from);
          end[i] = seek(docs, cursor[i], end[i], range.to);
        }
      }
      // The document at each essential term's cursor (NONE once its postings are used up), so the
      // loop below reads one array per term instead of two.
      const current = Int32Array.from(order, (_, i) => (cursor[i] < end[i] ? docs[cursor[i]] : NONE));
      // Each document's contributions by query slot; every slot is written (c or 0) before a sum.
      const contribution = new Float64Array(n);
      const k1p1 = k1 + 1;

      // No more documents can match than the query's posting lists hold: k may be Infinity.
      let postings = 0;
      for (let i = 0; i < n; i++) postings += end[i] - cursor[i];
      const heap = boundedHeap(Math.min(k, postings));
      let threshold = Number.NEGATIVE_INFINITY;
      let firstEssential = 0;
      for (;;) {
        let d = NONE;
        for (let i = firstEssential; i < n; i++) if (current[i] < d) d = current[i];
        if (d === NONE) break;
        const norm = norms[d];
        let partial = 0;
        for (let i = firstEssential; i < n; i++) {
          if (current[i] === d) {
            const p = cursor[i];
            const tf = freqs[p];
            // Grouped as bm25.ts groups it: ((weight · tf) · (k1 + 1)) / (tf + norm).
            const c = (weight[i] * tf * k1p1) / (tf + norm);
            contribution[slot[i]] = c;
            partial += c;
            const next = p + 1;
            cursor[i] = next;
            current[i] = next < end[i] ? docs[next] : NONE;
          } else contribution[slot[i]] = 0;
        }
        let pruned = false;
        for (let i = firstEssential - 1; i >= 0; i--) {
          if (partial * (1 + MARGIN) + prefix[i + 1] <= threshold) {
            pruned = true;
            break;
          }
          const p = seek(docs, cursor[i], end[i], d);
          cursor[i] = p;
          if (p < end[i] && docs[p] === d) {
            const tf = freqs[p];
            const c = (weight[i] * tf * k1p1) / (tf + norm);
            contribution[slot[i]] = c;
            partial += c;
          } else contribution[slot[i]] = 0;
        }
        if (pruned) continue;
        if (stats) stats.scored++;
        // In query order, zeros included (adding 0 changes nothing): the exhaustive sum exactly.
        let score = 0;
        for (let s = 0; s < n; s++) score += contribution[s];
        if (!heap.offer(d, score)) continue;
        if (heap.size === k) {
          threshold = heap.worstScore() * (1 - MARGIN);
          while (firstEssential < n && prefix[firstEssential + 1] <= threshold) {
            // A term leaving the essential set is looked up by seeking from its cursor; its
            // `current` is no longer read.
            firstEssential++;
          }
        }
      }
      return heap.sorted();
    },
  };

  /**
   * A bounded min-heap on "better" (higher score, then lower document) over typed arrays: the
   * root is the worst kept. Offers in any order keep the best `capacity`.
   */
  function boundedHeap(capacity: number) {
    const ids = new Uint32Array(capacity);
    const scores = new Float64Array(capacity);
    let size = 0;
    const better = (a: number, b: number): boolean =>
      scores[a] > scores[b] || (scores[a] === scores[b] && ids[a] < ids[b]);
    const swap = (a: number, b: number): void => {
      const d = ids[a];
      ids[a] = ids[b];
      ids[b] = d;
      const s = scores[a];
      scores[a] = scores[b];
      scores[b] = s;
    };
    return {
      get size() {
        return size;
      },
      /** Keeps (doc, score) if it is among the best so far; false when it is not. */
      offer(doc: number, score: number): boolean {
        if (size < capacity) {
          ids[size] = doc;
          scores[size] = score;
          for (let i = size++; i > 0; ) {
            const parent = (i - 1) >> 1;
            if (!better(parent, i)) break;
            swap(parent, i);
            i = parent;
          }
          return true;
        }
        if (!(score > scores[0] || (score === scores[0] && doc < ids[0]))) return false;
        ids[0] = doc;
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
      sorted: (): Scored[] =>
        Array.from({ length: size }, (_, i) => ({ label: ids[i], score: scores[i] })).sort(
          (a, b) => b.score - a.score || a.label - b.label,
        ),
    };
  }

  /** The first position in docs[from .. to) holding a document ≥ target (galloping, then binary search). */
  function seek(docs: Uint32Array, from: number, to: number, target: number): number {
    if (from >= to || docs[from] >= target) return from;
    let step = 1;
    let lo = from;
    let hi = from + 1;
    while (hi < to && docs[hi] < target) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > to) hi = to;
    // docs[lo] < target; docs[hi] ≥ target or hi = to.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid] < target) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

/** The scorer's source text, evaluated by the HNSW search thread (a function expression). */
export const BM25_SCORER_SOURCE = createBm25Scorer.toString();
