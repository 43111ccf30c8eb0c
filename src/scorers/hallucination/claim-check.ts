// Checks one answer claim against the context: aligns it to its best-supporting clause and the
// sentences around it, then measures what the alignment leaves unexplained — uncovered content
// (weighted by rarity), numbers, units and names the context does not state (near the aligned
// sentence, or anywhere), a negation that disagrees with the aligned clause, and an antonym in
// place of the claim's word. The features feed the calibrated model in support-model.ts.
import { stem } from '../../text/analyze.js';
import type { ClaimFacts } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import { negationDisagrees, type Segment } from './negation-scope.js';
import { GENERIC_TERMS } from './word-classes.js';

export interface ClaimFeatures {
  /** Weighted share of the claim's terms NOT found in the aligned sentences (0 = all found). */
  uncoveredLocal: number;
  /** The same against the whole context. */
  uncoveredGlobal: number;
  /** Summed weight of uncovered terms, scaled by the weight of a term unseen in the context. */
  uncoveredMass: number;
  /** 1 when the claim states numbers and the aligned sentence states every one of them. */
  numbersAligned: 0 | 1;
  numberMissing: 0 | 1;
  numberElsewhere: 0 | 1;
  unitMismatch: 0 | 1;
  /** The claim's number is not in the aligned sentence, which states a different one. */
  numberConflict: 0 | 1;
  nameMissing: 0 | 1;
  nameElsewhere: 0 | 1;
  /** The claim's name is not in the aligned sentence, which names something else ("Team" for "Pro"). */
  nameConflict: 0 | 1;
  negationMismatch: 0 | 1;
  antonym: 0 | 1;
}

export interface ClaimAlignment {
  features: ClaimFeatures;
  /** The best-supporting context sentence, or null when nothing overlaps. */
  evidence: string | null;
  /** Numbers, units and names the context does not back, for the report. */
  unknown: string[];
}

const ANTONYM_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['higher', 'lower'],
  ['more', 'less'],
  ['before', 'after'],
  ['always', 'never'],
  ['include', 'exclude'],
  ['increase', 'decrease'],
  ['minimum', 'maximum'],
  ['free', 'paid'],
  ['open', 'closed'],
  ['enable', 'disable'],
  ['allow', 'block'],
  ['earliest', 'latest'],
  ['first', 'last'],
  ['monthly', 'annual'],
  ['public', 'private'],
  ['automatic', 'manual'],
].map(([a, b]) => [stem(a), stem(b)] as const);
const ANTONYMS = new Map<string, string[]>();
for (const [a, b] of ANTONYM_PAIRS) {
  ANTONYMS.set(a, [...(ANTONYMS.get(a) ?? []), b]);
  ANTONYMS.set(b, [...(ANTONYMS.get(b) ?? []), a]);
}

const NUMBER_BONUS = 0.5;
const GENERIC_WEIGHT = 0.3;

/** Question words count as half-given: echoing the question is not inventing a fact. */
const QUESTION_CREDIT = 0.5;

export function alignClaim(
  index: ContextIndex,
  claim: ClaimFacts,
  claimSegments: readonly Segment[],
  questionTerms: ReadonlySet<string>,
): ClaimAlignment {
  // Everyday words count for less: their absence from the context is usually paraphrase.
  const weights = claim.terms.map((t) => index.weight(t) * (GENERIC_TERMS.has(t) ? GENERIC_WEIGHT : 1));
  let best = -1;
  let bestScore = 0;
  let second = -1;
  let secondScore = 0;
  index.clauses.forEach((clause, i) => {
    let score = 0;
    for (let j = 0; j < claim.terms.length; j++) if (clause.termSet.has(claim.terms[j])) score += weights[j];
    // A shared number breaks ties between sentences on the same topic ("200 items" → the limits
    // sentence), too small to outweigh the words of a sentence about something else.
    for (const n of claim.numbers)
      if (clause.facts.numbers.some((m) => m.value === n.value)) score += NUMBER_BONUS;
    if (score > bestScore) {
      if (best >= 0 && index.clauses[best].sentence !== clause.sentence)
        [second, secondScore] = [best, bestScore];
      [best, bestScore] = [i, score];
    } else if (score > secondScore && (best < 0 || index.clauses[best].sentence !== clause.sentence)) {
      [second, secondScore] = [i, score];
    }
  });

  // The aligned window: the best clause's sentence, its neighbours in the same passage, and the
  // runner-up's sentence (an answer often fuses two adjacent statements).
  const window = new Set<number>();
  if (best >= 0) {
    const s = index.clauses[best].sentence;
    for (const n of [s - 1, s, s + 1]) {
      if (index.sentences[n] && index.sentences[n].passage === index.sentences[s].passage) window.add(n);
    }
  }
  if (second >= 0) window.add(index.clauses[second].sentence);
  // Numbers and names must sit in the aligned sentence itself: the commonest slip is a figure
  // or a name that the context does state, but about something else (alignment is by words
  // only, so a wrong number cannot pull the claim towards the sentence that states it).
  const aligned = best >= 0 ? index.clauses[best].sentence : -1;
  const windowTerms = new Set<string>();
  const alignedTerms = new Set<string>();
  const alignedNumbers = new Set<string>();
  const alignedNames = new Set<string>();
  for (const s of window) for (const t of index.sentences[s].terms) windowTerms.add(t);
  const alignedSentence = aligned >= 0 ? index.sentences[aligned] : undefined;
  const alignedClauses = alignedSentence
    ? index.clauses.slice(
        alignedSentence.firstClause,
        alignedSentence.firstClause + alignedSentence.clauseCount,
      )
    : [];
  for (const clause of alignedClauses) {
    for (const t of clause.facts.terms) alignedTerms.add(t);
    for (const n of clause.facts.numbers) alignedNumbers.add(n.value);
    for (const n of clause.facts.names) alignedNames.add(n);
  }

  let total = 0;
  let missLocal = 0;
  let missGlobal = 0;
  claim.terms.forEach((t, j) => {
    const w = weights[j];
    total += w;
    const credit = questionTerms.has(t) ? QUESTION_CREDIT : 0;
    if (!windowTerms.has(t)) missLocal += w * (1 - credit);
    if (!index.allTerms.has(t)) missGlobal += w * (1 - credit);
  });

  const unknown: string[] = [];
  let numberMissing: 0 | 1 = 0;
  let numberElsewhere: 0 | 1 = 0;
  let unitMismatch: 0 | 1 = 0;
  for (const n of claim.numbers) {
    const units = index.numberUnits.get(n.value);
    if (!units) {
      numberMissing = 1;
      unknown.push(n.text);
      continue;
    }
    if (!alignedNumbers.has(n.value)) numberElsewhere = 1;
    // A unit mismatch needs the context to state this number only with other units.
    if (n.unit && !units.has(n.unit) && [...units].some((u) => u !== '')) {
      unitMismatch = 1;
      unknown.push(n.text);
    }
  }
  const claimNames = new Set(claim.names.flatMap((n) => [n, stem(n)]));
  let nameMissing: 0 | 1 = 0;
  let nameElsewhere: 0 | 1 = 0;
  for (const name of claim.names) {
    const term = stem(name);
    if (!index.allTerms.has(name) && !index.allTerms.has(term)) {
      nameMissing = 1;
      unknown.push(name);
    } else if (!alignedNames.has(name) && !alignedTerms.has(term)) {
      nameElsewhere = 1;
    }
  }

  const negationMismatch: 0 | 1 = best >= 0 && negationDisagrees(claimSegments, index.segments) ? 1 : 0;
  let antonym: 0 | 1 = 0;
  for (const t of claim.terms) {
    if (windowTerms.has(t)) continue;
    if ((ANTONYMS.get(t) ?? []).some((a) => windowTerms.has(a))) antonym = 1;
  }

  return {
    features: {
      uncoveredLocal: total > 0 ? missLocal / total : 0,
      uncoveredGlobal: total > 0 ? missGlobal / total : 0,
      uncoveredMass: missLocal / index.unseenWeight,
      numbersAligned:
        claim.numbers.length > 0 && claim.numbers.every((n) => alignedNumbers.has(n.value)) ? 1 : 0,
      numberMissing,
      numberElsewhere,
      unitMismatch,
      numberConflict: numberElsewhere && alignedNumbers.size > 0 ? 1 : 0,
      nameMissing,
      nameElsewhere,
      nameConflict: nameElsewhere && [...alignedNames].some((n) => !claimNames.has(n)) ? 1 : 0,
      negationMismatch,
      antonym,
    },
    evidence: best >= 0 ? index.sentences[index.clauses[best].sentence].text : null,
    unknown,
  };
}
