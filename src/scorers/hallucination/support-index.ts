// Evidence from the passages given to the model, built once per passage text: each passage's
// content-term set (support is judged against one passage at a time) and the numbers it states
// (for the unknown-number check). Chunks recur across the cases of a suite, so evidence is kept
// in a bounded cache keyed by chunk text; a case's index is then just a list of lookups.
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { words } from '../../text/tokenize.js';
import type { ScoringPassage } from '../scoring-input.js';
import { extractNumbers } from './sentence-evidence.js';

export interface PassageEvidence {
  /** Content terms (stopword-free, stemmed), the same analysis as the answer sentences. */
  terms: ReadonlySet<string>;
  /** Normalised numbers, including spelled-out ones ("two" → 2). */
  numbers: ReadonlySet<string>;
}

export interface EvidencePassage extends PassageEvidence {
  id: string;
  docId: string;
}

export interface SupportIndex {
  passages: readonly EvidencePassage[];
  byId: ReadonlyMap<string, EvidencePassage>;
}

// Spelled-out numbers in a passage vouch for digits in an answer ("two weeks" → 2).
const NUMBER_WORDS: ReadonlyArray<readonly [string, string]> = (
  [
    ['zero', '0'],
    ['one', '1'],
    ['two', '2'],
    ['three', '3'],
    ['four', '4'],
    ['five', '5'],
    ['six', '6'],
    ['seven', '7'],
    ['eight', '8'],
    ['nine', '9'],
    ['ten', '10'],
    ['eleven', '11'],
    ['twelve', '12'],
    ['fifteen', '15'],
    ['twenty', '20'],
    ['thirty', '30'],
    ['forty', '40'],
    ['fifty', '50'],
    ['sixty', '60'],
    ['ninety', '90'],
    ['hundred', '100'],
  ] as const
).map(([word, digits]) => [stem(word), digits] as const);

// word → content term ('' for a stopword): one lookup per word on the hot path instead of a
// stopword check plus a stem lookup.
const MAX_CACHED_WORDS = 200_000;
const termCache = new Map<string, string>();

function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    term = isStopword(word) ? '' : stem(word);
    if (termCache.size < MAX_CACHED_WORDS) termCache.set(word, term);
  }
  return term;
}

export function analyzePassage(text: string): PassageEvidence {
  const terms = new Set<string>();
  for (const word of words(text)) {
    const term = termOf(word);
    if (term) terms.add(term);
  }
  const numbers = new Set<string>();
  for (const [term, digits] of NUMBER_WORDS) if (terms.has(term)) numbers.add(digits);
  if (/\d/.test(text)) for (const number of extractNumbers(text)) numbers.add(number);
  return { terms, numbers };
}

// A small LRU, like the analysed-clause cache (context-clauses.ts): at ~1 KB per passage, 20,000
// entries were ~19 MB of a large run's live heap, and V8 sizes the heap at a multiple of what is
// live. 2,000 still holds a case's passages across its providers and repeats (adjacent jobs)
// and the chunks a RAG suite keeps retrieving.
const MAX_CACHED_PASSAGES = 2_000;
const evidenceCache = new Map<string, PassageEvidence>();

function cachedEvidence(text: string): PassageEvidence {
  let evidence = evidenceCache.get(text);
  if (evidence) {
    // Map keeps insertion order: re-inserting marks the passage as recently used.
    evidenceCache.delete(text);
    evidenceCache.set(text, evidence);
    return evidence;
  }
  evidence = analyzePassage(text);
  if (evidenceCache.size >= MAX_CACHED_PASSAGES) evidenceCache.delete(evidenceCache.keys().next().value!);
  evidenceCache.set(text, evidence);
  return evidence;
}

export function createSupportIndex(passages: readonly ScoringPassage[]): SupportIndex {
  const evidence: EvidencePassage[] = [];
  const byId = new Map<string, EvidencePassage>();
  for (const passage of passages) {
    const entry: EvidencePassage = { id: passage.id, docId: passage.docId, ...cachedEvidence(passage.text) };
    evidence.push(entry);
    if (!byId.has(passage.id)) byId.set(passage.id, entry);
  }
  return { passages: evidence, byId };
}

const indexCache = new WeakMap<readonly ScoringPassage[], SupportIndex>();

/** The index for this passage list, built once however many scorers ask (keyed by array identity). */
export function supportIndexFor(passages: readonly ScoringPassage[]): SupportIndex {
  let index = indexCache.get(passages);
  if (!index) {
    index = createSupportIndex(passages);
    indexCache.set(passages, index);
  }
  return index;
}
