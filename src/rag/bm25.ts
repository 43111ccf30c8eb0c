// Lucene-style BM25 over title + text:
//   idf(t)      = ln(1 + (N - df + 0.5) / (df + 0.5))
//   score(d, q) = Σ over query terms t of qtf(t) · idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·dl/avgdl))
// Two analyzers (text/bm25-analyzers.ts): `standard` (evalgate's own: words kept whole across
// hyphens and dots, 127 stop words, each distinct query term once, qtf = 1) and `lucene`
// (Lucene's EnglishAnalyzer, and a query term counts as often as it occurs, as in Lucene's
// bag-of-words queries). dl is the number of terms, exact or, with `norms: lucene`, decoded from
// Lucene's one-byte norm; avgdl is exact either way, as in Lucene. Lucene ≥ 8 drops the constant
// (k1 + 1) factor; kept here, it scales every score alike and changes no ranking.
// The inverted index is CSR-style typed arrays (offsets, doc ids, term frequencies), so the
// state is plain data that saves and loads without parsing numbers.
import { BM25_ANALYZERS } from '../text/bm25-analyzers.js';
import type { Bm25AnalyzerName } from '../text/bm25-analyzers.js';
import { luceneFieldLength } from './lucene-length-norm.js';
import { createBm25Scorer } from './bm25-top-k.js';
import type { WeightedTerm } from './bm25-top-k.js';
import { toShared } from './lexical-share.js';
import type { LexicalShare } from './lexical-share.js';

export type Bm25Norms = 'exact' | 'lucene';

export interface Bm25Document {
  id: string;
  text: string;
  title?: string;
}

export interface Bm25Options {
  /** Term-frequency saturation; 0.9 is Anserini's tuned default for passage retrieval. */
  k1?: number;
  /** Length normalisation; 0.4 (Anserini) suits short, similar-length chunks. */
  b?: number;
  /** `standard` (default) or `lucene` (EnglishAnalyzer; query terms counted with multiplicity). */
  analyzer?: Bm25AnalyzerName;
  /** `exact` (default) document lengths or Lucene's one-byte `lucene` norms. */
  norms?: Bm25Norms;
}

export interface Bm25Hit {
  /** Position of the document in the input order. */
  index: number;
  id: string;
  score: number;
}

/** Plain data; postings of term t are docs/freqs[offsets[t] .. offsets[t + 1]). */
export interface Bm25State {
  version: 1;
  k1: number;
  b: number;
  /** Absent in indexes saved before analyzers existed: `standard`. */
  analyzer?: Bm25AnalyzerName;
  /** Absent in indexes saved before norms existed: `exact`. */
  norms?: Bm25Norms;
  ids: string[];
  terms: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
  lengths: Uint32Array;
}

export type Bm25Json = Omit<Bm25State, 'offsets' | 'docs' | 'freqs' | 'lengths'> &
  Record<'offsets' | 'docs' | 'freqs' | 'lengths', number[]>;

export interface Bm25Index {
  readonly size: number;
  search(query: string, k: number): Bm25Hit[];
  /**
   * The same search as a share for a store's split-phase search (lexical-share.ts): the store's
   * thread may rank some documents; `hits` then equals `search`'s (as labels and scores).
   */
  share?(query: string, k: number): LexicalShare;
  /** The index itself as plain data (typed arrays; shared, not copied) for binary persistence. */
  toState(): Bm25State;
  /** JSON-safe copy (numbers arrays) for JSON.stringify. */
  toJSON(): Bm25Json;
}

/**
 * evalgate's own index always offers its share; `share` is optional on Bm25Index so a caller's
 * own BM25 object (a wrapper, a test double) still works: its side then runs on the caller's thread.
 */
export type BuiltBm25Index = Bm25Index & { share(query: string, k: number): LexicalShare };

export function createBm25Index(
  documents: readonly Bm25Document[],
  options: Bm25Options = {},
): BuiltBm25Index {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const lengths = new Uint32Array(documents.length);
  // (term, doc, tf) triples, later bucketed by term into CSR arrays.
  let tripleTerms: Uint32Array = new Uint32Array(1024);
  let tripleDocs: Uint32Array = new Uint32Array(1024);
  let tripleFreqs: Uint32Array = new Uint32Array(1024);
  let triples = 0;
  const local = new Map<number, number>();
  const analyzer = options.analyzer ?? 'standard';
  const analyze = BM25_ANALYZERS[analyzer];
  for (let d = 0; d < documents.length; d++) {
    const doc = documents[d];
    const docTerms = analyze(doc.title ? `${doc.title}\n${doc.text}` : doc.text);
    lengths[d] = docTerms.length;
    local.clear();
    for (const term of docTerms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    if (triples + local.size > tripleTerms.length) {
      const capacity = Math.max(triples + local.size, tripleTerms.length * 2);
      tripleTerms = grow(tripleTerms, capacity);
      tripleDocs = grow(tripleDocs, capacity);
      tripleFreqs = grow(tripleFreqs, capacity);
    }
    for (const [id, tf] of local) {
      tripleTerms[triples] = id;
      tripleDocs[triples] = d;
      tripleFreqs[triples] = tf;
      triples++;
    }
  }
  // In shared memory, so a search thread can read the postings (lexical-share.ts).
  const offsets = new Uint32Array(new SharedArrayBuffer((terms.length + 1) * 4));
  for (let i = 0; i < triples; i++) offsets[tripleTerms[i] + 1]++;
  for (let t = 0; t < terms.length; t++) offsets[t + 1] += offsets[t];
  const cursor = offsets.slice(0, terms.length);
  const docs = new Uint32Array(new SharedArrayBuffer(triples * 4));
  const freqs = new Uint32Array(new SharedArrayBuffer(triples * 4));
  // Triples are in doc order, so each posting list comes out sorted by doc.
  for (let i = 0; i < triples; i++) {
    const at = cursor[tripleTerms[i]]++;
    docs[at] = tripleDocs[i];
    freqs[at] = tripleFreqs[i];
  }
  return restoreBm25Index(
    {
      version: 1,
      k1: options.k1 ?? 0.9,
      b: options.b ?? 0.4,
      analyzer,
      norms: options.norms ?? 'exact',
      ids: documents.map((doc) => doc.id),
      terms,
      offsets,
      docs,
      freqs,
      lengths,
    },
    termIds,
  );
}

export function restoreBm25Index(restored: Bm25State, knownTermIds?: Map<string, number>): BuiltBm25Index {
  // Postings in shared memory (a copy only when they were not: a JSON index, a test's arrays).
  const state: Bm25State = {
    ...restored,
    offsets: toShared(restored.offsets),
    docs: toShared(restored.docs),
    freqs: toShared(restored.freqs),
  };
  const { k1, b, ids, terms, offsets, docs, freqs, lengths } = state;
  const analyzer = state.analyzer ?? 'standard';
  const analyze = BM25_ANALYZERS[analyzer];
  // Lucene scores every occurrence of a query term; the standard analyzer each distinct term once.
  const countRepeats = analyzer === 'lucene';
  const fieldLength = state.norms === 'lucene' ? luceneFieldLength : (length: number) => length;
  const n = ids.length;
  // Lucene's docCount and average length count only documents with at least one indexed term
  // (a chunk of stop words alone has none); the standard analyzer keeps today's exact counts.
  let total = 0;
  let counted = 0;
  for (let d = 0; d < n; d++) {
    total += lengths[d];
    if (lengths[d] > 0 || analyzer !== 'lucene') counted++;
  }
  const avgdl = counted > 0 ? total / counted : 0;
  // k1·(1 − b + b·dl/avgdl) per document, computed once.
  const norms = new Float64Array(new SharedArrayBuffer(n * 8));
  for (let d = 0; d < n; d++)
    norms[d] = k1 * (1 - b + (avgdl > 0 ? (b * fieldLength(lengths[d])) / avgdl : 0));
  // Built on first search: loading an index that is then only checked should stay cheap.
  let termIds = knownTermIds;
  const scorer = createBm25Scorer({ offsets, docs, freqs }, norms, k1);
  const postings = { offsets, docs, freqs, norms, k1 };
  /** The query's terms with their weights (qtf · idf), in query order. */
  const weigh = (query: string): WeightedTerm[] => {
    termIds ??= new Map(terms.map((term, i) => [term, i]));
    const queryTerms = new Map<number, number>();
    for (const term of analyze(query)) {
      const id = termIds.get(term);
      if (id !== undefined) queryTerms.set(id, countRepeats ? (queryTerms.get(id) ?? 0) + 1 : 1);
    }
    const weighted: WeightedTerm[] = [];
    for (const [t, qtf] of queryTerms) {
      const df = offsets[t + 1] - offsets[t];
      weighted.push({ term: t, weight: qtf * Math.log(1 + (counted - df + 0.5) / (df + 0.5)) });
    }
    return weighted;
  };

  return {
    size: n,
    search(query, k) {
      // Exact top-k with MaxScore pruning (bm25-top-k.ts): the exhaustive ranking and scores.
      return scorer
        .topK(weigh(query), k)
        .map(({ label, score }) => ({ index: label, id: ids[label], score }));
    },
    share(query, k) {
      const weighted = weigh(query);
      return {
        postings,
        terms: Int32Array.from(weighted, (t) => t.term),
        weights: Float64Array.from(weighted, (t) => t.weight),
        k,
        size: n,
        searchRange: (from, to) => scorer.topK(weighted, k, undefined, { from, to }),
      };
    },
    toState: () => state,
    toJSON: () => ({
      ...state,
      offsets: Array.from(offsets),
      docs: Array.from(docs),
      freqs: Array.from(freqs),
      lengths: Array.from(lengths),
    }),
  };
}

export function bm25FromJSON(json: Bm25Json | Bm25State): BuiltBm25Index {
  // The postings straight into shared memory (restoreBm25Index would copy ordinary arrays again).
  const shared = (values: ArrayLike<number>) => {
    const out = new Uint32Array(new SharedArrayBuffer(values.length * 4));
    out.set(values);
    return out;
  };
  return restoreBm25Index({
    ...json,
    offsets: shared(json.offsets),
    docs: shared(json.docs),
    freqs: shared(json.freqs),
    lengths: Uint32Array.from(json.lengths),
  });
}

function grow(array: Uint32Array, capacity: number): Uint32Array {
  const out = new Uint32Array(capacity);
  out.set(array);
  return out;
}
