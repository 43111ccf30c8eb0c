// The passages given to the model, cut into sentences and clauses with their facts, plus term
// weights (inverse document frequency over the clauses) so rare, specific words count more than
// common ones when an answer claim is aligned to its best-supporting context. Built once per
// passage list and cached, as the support index is.
import { splitSentences } from '../../text/sentences.js';
import type { ScoringPassage } from '../scoring-input.js';
import { splitClaims } from './claim-split.js';
import { analyzeClaim, type ClaimFacts, type NumberMention } from './claim-facts.js';
import type { Quantity } from './quantities.js';
import { type Segment, splitSegments } from './negation-scope.js';
import { codeWordsOf } from './code-spans.js';

export interface ContextClause {
  facts: ClaimFacts;
  termSet: ReadonlySet<string>;
  /** Index into `sentences` of the sentence this clause belongs to. */
  sentence: number;
}

export interface ContextSentence {
  text: string;
  terms: ReadonlySet<string>;
  passage: number;
  /** Its clauses are `clauses[firstClause .. firstClause + clauseCount)`. */
  firstClause: number;
  clauseCount: number;
  /** Comma-delimited segments: the scope a negation is compared in. */
  segments: readonly Segment[];
  /** The numbers its clauses state, for one-step arithmetic on the aligned neighbourhood. */
  numbers: readonly NumberMention[];
}

export interface ContextIndex {
  clauses: readonly ContextClause[];
  sentences: readonly ContextSentence[];
  /** Every sentence's segments, for the negation check. */
  segments: readonly Segment[];
  /** Every term, number (with and without unit) and name in the context. */
  allTerms: ReadonlySet<string>;
  /** value → units it is stated with anywhere in the context ('' for none). */
  numberUnits: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every amount with a known unit scale, in base units ("14 days" and "two weeks" compare equal). */
  quantities: readonly Quantity[];
  /** value → every mention of it, with the word and rate that follow it ("23 kg", "100 per minute"). */
  mentions: ReadonlyMap<string, readonly NumberMention[]>;
  /** Every number the context states, for arithmetic over the whole context. */
  numbers: readonly NumberMention[];
  /** Inverse document frequency over clauses; a term absent from the context gets `unseenWeight`. */
  weight: (term: string) => number;
  unseenWeight: number;
  /** The words inside the passages' `code` spans (case kept), or null when they have none. */
  codeWords: ReadonlySet<string> | null;
}

interface AnalyzedSentence {
  text: string;
  terms: ReadonlySet<string>;
  segments: readonly Segment[];
  clauses: readonly { facts: ClaimFacts; termSet: ReadonlySet<string> }[];
}

// Chunks recur across the cases of a suite: analyse each passage text once. The cache is a
// small LRU: an analysed passage holds term sets per clause (several KB), so 20,000 of them
// were most of a 100,000-case run's memory when every case brought its own passage.
const MAX_CACHED_PASSAGES = 2_000;
const passageCache = new Map<string, readonly AnalyzedSentence[]>();

function analyzePassageText(text: string): readonly AnalyzedSentence[] {
  let analyzed = passageCache.get(text);
  if (analyzed) {
    // Map keeps insertion order: re-inserting marks the passage as recently used.
    passageCache.delete(text);
    passageCache.set(text, analyzed);
    return analyzed;
  }
  // Markdown emphasis and heading markers are layout, not words.
  analyzed = splitSentences(text.replace(/[*#`]+/g, ' ')).map((sentence) => {
    const clauses = splitClaims(sentence).map((clause) => {
      const facts = analyzeClaim(clause);
      return { facts, termSet: new Set(facts.terms) };
    });
    return {
      text: sentence,
      terms: new Set(clauses.flatMap((c) => c.facts.terms)),
      segments: splitSegments(sentence),
      clauses,
    };
  });
  if (passageCache.size >= MAX_CACHED_PASSAGES) passageCache.delete(passageCache.keys().next().value!);
  passageCache.set(text, analyzed);
  return analyzed;
}

export function createContextIndex(passages: readonly ScoringPassage[]): ContextIndex {
  const clauses: ContextClause[] = [];
  const sentences: ContextSentence[] = [];
  const df = new Map<string, number>();
  const allTerms = new Set<string>();
  const numberUnits = new Map<string, Set<string>>();
  const quantities: Quantity[] = [];
  const mentions = new Map<string, NumberMention[]>();
  const numbers: NumberMention[] = [];
  passages.forEach((passage, p) => {
    for (const sentence of analyzePassageText(passage.text)) {
      const s = sentences.length;
      const firstClause = clauses.length;
      for (const { facts, termSet } of sentence.clauses) {
        clauses.push({ facts, termSet, sentence: s });
        for (const term of facts.terms) {
          df.set(term, (df.get(term) ?? 0) + 1);
          allTerms.add(term);
        }
        for (const name of facts.names) allTerms.add(name);
        for (const n of facts.numbers) {
          let units = numberUnits.get(n.value);
          if (!units) numberUnits.set(n.value, (units = new Set()));
          units.add(n.unit ?? '');
          if (n.quantity) quantities.push(n.quantity);
          mentions.set(n.value, [...(mentions.get(n.value) ?? []), n]);
          numbers.push(n);
        }
      }
      sentences.push({
        text: sentence.text,
        terms: sentence.terms,
        passage: p,
        firstClause,
        clauseCount: sentence.clauses.length,
        segments: sentence.segments,
        numbers: sentence.clauses.flatMap((c) => c.facts.numbers),
      });
    }
  });
  const total = Math.max(1, clauses.length);
  const unseenWeight = Math.log((total + 1) / 0.5);
  return {
    clauses,
    sentences,
    segments: sentences.flatMap((s) => s.segments),
    allTerms,
    numberUnits,
    quantities,
    mentions,
    numbers,
    weight: (term) => {
      const d = df.get(term);
      return d === undefined ? unseenWeight : Math.log((total + 1) / (d + 0.5));
    },
    unseenWeight,
    codeWords: codeWordsOf(passages.map((p) => p.text).join('\n')),
  };
}

const cache = new WeakMap<readonly ScoringPassage[], ContextIndex>();

/** The index for this passage list, built once however many scorers ask (keyed by array identity). */
export function contextIndexFor(passages: readonly ScoringPassage[]): ContextIndex {
  let index = cache.get(passages);
  if (!index) {
    index = createContextIndex(passages);
    cache.set(passages, index);
  }
  return index;
}
