// Conflation of two things the context describes: "The Aerobrew Mini has a 1.2-litre tank" where
// the context gives 1.2 litres to the Aerobrew Duo and 600 ml to the Mini. The figure is stated,
// so no number check fires; what is wrong is whose figure it is. Here a figure the claim states
// belongs to another thing when every context sentence stating it names something the claim
// does not ("Duo") and leaves out a name the claim gives ("Mini") that the context does use.
import { stem } from '../../text/analyze.js';
import type { NumberMention } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import { DAYS } from './day-names.js';
import { MONTHS } from './number-reasoning.js';
import { DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';

// Days and months are dates, not the things a figure belongs to.
const NOT_THINGS: ReadonlySet<string> = new Set([...DAYS, ...MONTHS]);

// Each context sentence's names, worked out once per context (every claim of every answer over
// that context asks for them).
const namesByIndex = new WeakMap<ContextIndex, ReadonlySet<string>[]>();

function sentenceNames(index: ContextIndex, s: number): ReadonlySet<string> {
  let all = namesByIndex.get(index);
  if (!all) {
    all = index.sentences.map((sentence) => {
      const names = new Set<string>();
      for (let c = sentence.firstClause; c < sentence.firstClause + sentence.clauseCount; c++)
        for (const n of index.clauses[c].facts.names) if (!NOT_THINGS.has(n)) names.add(stem(n));
      return names;
    });
    namesByIndex.set(index, all);
  }
  return all[s];
}

/** The claim's figures that the context states only about another named thing (see above). */
export function figuresOfAnotherThing(
  claimNames: readonly string[],
  numbers: readonly NumberMention[],
  index: ContextIndex,
): string[] {
  const own = claimNames.filter((n) => !NOT_THINGS.has(n)).map(stem);
  const named = own.filter((n) => index.allTerms.has(n));
  if (named.length === 0) return [];
  const out: string[] = [];
  for (const n of numbers) {
    const stating = index.sentences.flatMap((s, i) =>
      s.numbers.some((m) => m.value === n.value) ? [i] : [],
    );
    if (stating.length === 0) continue;
    const another = stating.every((s) => {
      const names = sentenceNames(index, s);
      return named.some((name) => !names.has(name)) && [...names].some((name) => !own.includes(name));
    });
    if (another) out.push(n.text);
  }
  return out;
}

/**
 * The same for words: "Swim Only … covers the pool as well as classes" where only the Gym & Swim
 * sentence mentions classes. Only where the claim is about one of the context's things (the
 * aligned sentence names it) and the word is in no sentence that names it, but in one that names
 * another thing.
 */
export function wordsOfAnotherThing(
  claimNames: readonly string[],
  terms: readonly string[],
  aligned: number,
  index: ContextIndex,
): string[] {
  if (aligned < 0) return [];
  const own = claimNames.filter((n) => !NOT_THINGS.has(n)).map(stem);
  const alignedNames = sentenceNames(index, aligned);
  const thing = own.filter((n) => alignedNames.has(n));
  if (thing.length === 0) return [];
  const out: string[] = [];
  for (const t of terms) {
    if (own.includes(t) || index.sentences[aligned].terms.has(t)) continue;
    const stating = index.sentences.flatMap((s, i) => (s.terms.has(t) ? [i] : []));
    if (stating.length === 0) continue;
    const another = stating.every(
      (s) =>
        thing.every((n) => !sentenceNames(index, s).has(n)) &&
        [...sentenceNames(index, s)].some((n) => !own.includes(n)),
    );
    if (another) out.push(t);
  }
  return out;
}

// Sentences about two things of one kind say parallel things: "The Hartley Bursary provides
// £1,200 per year to students …" and "The Penrose Award offers £2,000 per year … to students …";
// "The Aerobrew Mini makes one cup … water tank" and "The Aerobrew Duo can brew two cups … water
// tank". Everyday words ("usually", "available") do not count.
const PARALLEL_TERMS = 2;

/**
 * "That would be the Hartley Bursary. It gives care leavers free accommodation": the pronoun
 * stands for a thing the context names (its distinguishing name, not a brand word both share),
 * the sentence the claim aligns with names a rival thing and not that one, and the two things'
 * sentences are parallel (a rival of the same kind, not "Orders are shipped by Royal Mail").
 */
export function pronounConflict(
  subjectNames: readonly string[],
  aligned: number,
  index: ContextIndex,
  claimNames: ReadonlySet<string>,
): boolean {
  if (subjectNames.length === 0 || aligned < 0) return false;
  const own = subjectNames.filter((n) => !NOT_THINGS.has(n)).map(stem);
  const alignedNames = sentenceNames(index, aligned);
  const distinct = own.filter((n) => !alignedNames.has(n) && index.allTerms.has(n));
  if (distinct.length === 0) return false;
  const rivals = [...alignedNames].filter((n) => !own.includes(n) && !claimNames.has(n));
  if (rivals.length === 0) return false;
  const alignedTerms = index.sentences[aligned].terms;
  const isName = new Set([...own, ...alignedNames]);
  return index.sentences.some((s, i) => {
    if (i === aligned || !distinct.some((n) => sentenceNames(index, i).has(n))) return false;
    let shared = 0;
    for (const t of s.terms)
      if (!isName.has(t) && alignedTerms.has(t) && !GENERIC_TERMS.has(t) && !DISCOURSE_TERMS.has(t)) shared++;
    return shared >= PARALLEL_TERMS;
  });
}
