// Checks one answer claim against the context: aligns it to its best-supporting clause and the
// sentences around it, then measures what the alignment leaves unexplained — uncovered content
// (weighted by rarity), numbers, units and names the context does not state (near the aligned
// sentence, or anywhere), a negation that disagrees with the aligned clause, swapped identifiers,
// numbers in another's slot and reasons the context does not give. The features feed the
// calibrated model in support-model.ts. (An antonym in place of the context's word was a feature
// until the ninth revision: on every writer's realistic answers it fired more often on correct
// paraphrases, "at least 16" for "16 or older", than on swaps.)
import { restatement } from './word-for-word.js';
import { stem } from '../../text/analyze.js';
import { words } from '../../text/tokenize.js';
import { addedQuantifiers, droppedQuantifier, sourceWords } from './claim-cues.js';
import type { ClaimFeatures } from './claim-features.js';
import { droppedConditionInAnswer } from './dropped-condition.js';
import type { ClaimFacts, NumberMention } from './claim-facts.js';
import { splitClaims } from './claim-split.js';
import type { ContextIndex } from './context-clauses.js';
import { negationDisagrees, negationFlipped, prefixFlipped, type Segment } from './negation-scope.js';
import { contextStatementKind } from './context-statements.js';
import { unknownCodeWords } from './code-spans.js';
import { swappedNumbers } from './number-binding.js';
import { movedNumbers } from './number-words-binding.js';
import { addsTo, type DayDate, derivable, insideStatedRange } from './number-reasoning.js';
import { sameQuantity } from './quantities.js';
import { DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';
import { moneyStatedOnlyAsAnotherQuantity, rateDiffers, unitWordDiffers } from './unit-words.js';
import { droppedLimit } from './dropped-limit.js';
import { fractionValue, shownWorking as shownWorkingOf } from './shown-working.js';
import { changeBetween, replacesAlignedNumber, timesTheQuestion } from './stated-change.js';
import { derivableInMinorUnits, derivableInTwoSteps } from './two-step-arithmetic.js';
import { addedReason } from './added-reason.js';
import { hasCompoundParts, nameInItsPlace, spelledOutIn } from './claim-names.js';
import { datesBacked } from './claim-dates.js';
import { bestClauses } from './clause-alignment.js';
import { closedOnUnlistedDay } from './day-names.js';
import { swappedIdentifiers, swappedSlotNumbers } from './identifiers.js';
import { figuresOfAnotherThing, pronounConflict, wordsOfAnotherThing } from './entity-binding.js';
import { hasWordFamily } from './word-family.js';
import { normalizeNumber } from './sentence-evidence.js';
import { swappedRoles } from './role-swap.js';

export type { ClaimFeatures } from './claim-features.js';

/** What the question states: its words count half, its numbers and dates as given. */
export interface QuestionFacts {
  terms: ReadonlySet<string>;
  numbers: readonly NumberMention[];
  dates: readonly DayDate[];
  /** The question as asked: a limit it states is the answer's premise (dropped-limit.ts). */
  text?: string;
}

export const NO_QUESTION: QuestionFacts = { terms: new Set(), numbers: [], dates: [] };

export interface ClaimAlignment {
  features: ClaimFeatures;
  /** The best-supporting context sentence, or null when nothing overlaps. */
  evidence: string | null;
  /** Numbers, units and names the context does not back, for the report. */
  unknown: string[];
  /** The claim's numbers worked out by one step from backed ones: operands for the claims after it. */
  workedOut: NumberMention[];
}

const APPROXIMATE = /\b(?:about|around|roughly|approximately|nearly|almost|some|approx)\b|~/i;
const GENERIC_WEIGHT = 0.3;
// A paraphrase leaves a few words the context does not use ("you'd need to check whether …"); a
// claim that adds a fact leaves many. So uncovered content counts only beyond about four unseen
// words' worth (revision 12: a linear count ranked paraphrases with additions).
export const UNCOVERED_ALLOWANCE = 4;

/** Question words count as half-given: echoing the question is not inventing a fact. */
const QUESTION_CREDIT = 0.5;

export function alignClaim(
  index: ContextIndex,
  claim: ClaimFacts,
  claimSegments: readonly Segment[],
  question: QuestionFacts,
  claimText = '',
  /** Numbers the rest of the answer sentence states ("28 of the 40 questions, which is 70 %"). */
  sentenceNumbers: readonly NumberMention[] = [],
  /** Numbers the other sentences of the answer state, for arithmetic over the whole answer. */
  answerNumbers: readonly NumberMention[] = [],
  /** The whole answer: a limit stated in another claim or sentence is not dropped. */
  answerText = claimText,
  /** The names a leading pronoun stands for ("It" after "That would be the Hartley Bursary."). */
  subjectNames: readonly string[] = [],
  /** Numbers the answer's earlier claims worked out ("£9 × 12 = £108, … £108 + £85 = £193"). */
  workedEarlier: readonly NumberMention[] = [],
): ClaimAlignment {
  const questionTerms = question.terms;
  // Everyday words count for less: their absence from the context is usually paraphrase.
  const weights = claim.terms.map((t) =>
    DISCOURSE_TERMS.has(t) ? 0 : index.weight(t) * (GENERIC_TERMS.has(t) ? GENERIC_WEIGHT : 1),
  );
  const { best, second } = bestClauses(index, claim, weights);

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
  const alignedText = alignedSentence?.text ?? '';
  const alignedClauses = alignedSentence
    ? index.clauses.slice(
        alignedSentence.firstClause,
        alignedSentence.firstClause + alignedSentence.clauseCount,
      )
    : [];
  // The runner-up sentence states numbers too: an answer often fuses two adjacent statements
  // ("six 200 mg tablets in 24 hours" from the dose and the daily-limit sentences).
  const runnerUp = second >= 0 ? index.sentences[index.clauses[second].sentence] : undefined;
  const runnerUpNumbers = new Set(runnerUp?.numbers.map((n) => n.value) ?? []);
  for (const clause of alignedClauses) {
    for (const t of clause.facts.terms) alignedTerms.add(t);
    for (const n of clause.facts.numbers) alignedNumbers.add(n.value);
    for (const n of clause.facts.names) alignedNames.add(n);
  }

  const windowList = [...window];
  const windowTexts = windowList.map((s) => index.sentences[s].text);
  // A number the context states (with any unit, or as an equal amount) or the question gives.
  const equalAmount = (m: NumberMention, q: NumberMention): boolean =>
    q.value === m.value ||
    (m.quantity !== undefined && q.quantity !== undefined && sameQuantity(q.quantity, m.quantity));
  const isBacked = (m: NumberMention): boolean =>
    question.numbers.some((q) => equalAmount(m, q)) ||
    index.numberUnits.has(m.value) ||
    (m.quantity !== undefined && index.quantities.some((q) => sameQuantity(q, m.quantity as never)));
  // The answer's other numbers, where the context or the question backs them: a made-up rate in the
  // same answer does not make its product right ("10 points per £1, so 500 points for £50").
  const backedSentenceNumbers = sentenceNumbers.filter(isBacked);
  // The words around the numbers, for the direction of clock arithmetic ("40 minutes before").
  const windowText = windowTexts.join(' ');
  let worked: ReturnType<typeof shownWorkingOf> | undefined;
  const shownWorking = () => {
    worked ??= shownWorkingOf(
      claimText,
      (amount) => [...index.numbers, ...question.numbers].some((m) => m.amount === amount),
      windowText,
    );
    return worked;
  };
  let wholeContext: string | undefined;
  const contextText = () => {
    wholeContext ??= index.sentences.map((s) => s.text).join(' ');
    return wholeContext;
  };
  // The claim's own other numbers count too when the context backs them: an answer that shows
  // its working ("£360 for the room (3 × £120)") states the operands of its result, but a made-up
  // rate does not make its own product right ("10 points per £1, so 500 points for £50").
  const operands = [
    ...windowList.flatMap((s) => index.sentences[s].numbers),
    ...question.numbers,
    ...backedSentenceNumbers,
    ...claim.numbers.filter(isBacked),
  ];
  // A chain of working: each step's result is an operand of the next, in this claim and after it,
  // but a step takes at most one worked-out figure (two earlier results add up to almost anything).
  const workedOut: NumberMention[] = [];
  const stepResults: NumberMention[] = [...workedEarlier];
  const workedOutStep = (n: NumberMention) => {
    numberDerived = 1;
    workedOut.push(n);
    stepResults.push(n);
  };
  // Dates worked out from stated ones, and weekdays the calendar gives: their words are backed.
  const { claimDates, backedByDate } = datesBacked({
    claimText,
    claim,
    index,
    question,
    alignedSentence,
    sentenceNumbers,
    windowText,
    isBacked,
  });

  let total = 0;
  let missLocal = 0;
  let missGlobal = 0;
  claim.terms.forEach((t, j) => {
    if (backedByDate.has(t)) return;
    const w = weights[j];
    total += w;
    const credit = questionTerms.has(t) ? QUESTION_CREDIT : 0;
    if (!hasWordFamily(windowTerms, t)) missLocal += w * (1 - credit);
    if (!hasWordFamily(index.allTerms, t)) missGlobal += w * (1 - credit);
  });

  const unknown: string[] = [];
  let numberMissing: 0 | 1 = 0;
  let numberElsewhere: 0 | 1 = 0;
  let numberConflict: 0 | 1 = 0;
  let unitMismatch: 0 | 1 = 0;
  let numberDerived: 0 | 1 = 0;
  let numberDerivedFar: 0 | 1 = 0;
  let numberDerivedTwoSteps: 0 | 1 = 0;
  const approximate = APPROXIMATE.test(claimText);
  const alignedQuantities = alignedSentence?.numbers.flatMap((n) => (n.quantity ? [n.quantity] : [])) ?? [];
  for (const n of claim.numbers) {
    // The question's own amount, unit and all ("I returned 2 books 3 days late"), is given.
    if (question.numbers.some((q) => q.value === n.value && q.unit === n.unit && q.word === n.word)) continue;
    const units = index.numberUnits.get(n.value);
    const sameAmount = n.quantity
      ? index.quantities.some((q) => sameQuantity(q, n.quantity as never, approximate))
      : false;
    if (!units && !sameAmount) {
      if (question.numbers.some((q) => q.value === n.value) || backedByDate.has(n.value)) continue;
      // The answer's own right sum on the context's figures ("1,800 ÷ 150 = 12").
      const amount = n.amount ?? fractionValue(n.value);
      if (shownWorking().amounts.has(amount)) {
        // Only a sum's result is built on; its constants and unstated figures are not.
        if (shownWorking().results.has(amount)) workedOutStep(n);
        else numberDerived = 1;
        continue;
      }
      // The day of a date ("closes on 21 September") is reached by date arithmetic or not at all:
      // sums of other numbers (19 + 2) say nothing about it.
      if (claimDates.some((d) => d.dayOfMonth === n.value)) {
        numberMissing = 1;
        unknown.push(n.text);
        continue;
      }
      // "six weeks is 42 days": the same amount as one the question states, or one the claim
      // states that the context backs ("2 years (24 months)" converts a wrong amount: not given).
      if (
        n.quantity &&
        [...question.numbers, ...claim.numbers.filter(isBacked)].some(
          (m) =>
            m !== n && m.quantity && m.value !== n.value && sameQuantity(m.quantity, n.quantity as never),
        )
      ) {
        numberDerived = 1;
        continue;
      }
      // A worked-out amount is a new one: an amount of the same kind that the aligned sentence
      // states and the claim leaves out means the claim's number replaced it ("every 2 hours"
      // for "every 4 hours"), whatever arithmetic could make 2.
      const replaces = replacesAlignedNumber(
        n,
        claim.numbers,
        alignedSentence?.numbers ?? [],
        claimText,
        alignedText,
      );
      // A value inside a band the aligned sentence states ("between 23 kg and 32 kg") is
      // reasoned, however its bounds are left out; a band in a neighbouring sentence is not.
      const inBand = alignedSentence !== undefined && insideStatedRange(n, [alignedSentence.text]);
      // Never for a number that took the place of a stated one, bare count or not: arithmetic on
      // two other numbers nearby can make almost any small count ("3 attempts" from 15 ÷ 5).
      // An amount in cents or pence replaces no stated count: "$6 for 12 pens" → "50 cents".
      // Not stated anywhere, so only the claim's own mention of it is left out of the operands.
      const others = operands.filter((m) => m.value !== n.value);
      // A share is taken of stated figures only: a worked-out change over a stated total is the
      // wrong base ("rose by 150 … an 11% increase" where 1,250 became 1,400).
      const chain = n.quantity?.dim === 'percent' ? [] : stepResults.filter((m) => m.value !== n.value);
      const oneStep = (from: readonly NumberMention[]) =>
        replaces
          ? timesTheQuestion(n, from, question.numbers, claim.numbers, claimText, contextText())
          : derivable(n, from, claimText, windowText);
      // A total that adds the aligned sentence's own figure to an earlier result ("£3,250 for the
      // hire; with the £45 cleaning fee, £3,295") takes no stated figure's place.
      const aligned = alignedSentence?.numbers ?? [];
      const onResult = (w: NumberMention) =>
        oneStep([...others, w]) || (replaces && aligned.some((m) => addsTo(n, m, w, claimText)));
      if (
        oneStep(others) ||
        (replaces && changeBetween(n, alignedSentence, claimText)) ||
        chain.some(onResult)
      ) {
        workedOutStep(n);
        continue;
      }
      // A value inside a stated band is reasoned, and an amount in cents worked out, but neither
      // is a result to build on (50 cents is no figure to add to dollars).
      if (inBand || derivableInMinorUnits(n, others)) {
        numberDerived = 1;
        continue;
      }
      // A soft mention ("two engineers", "a year") counts only when it replaced a stated one.
      if (n.soft && !replaces) continue;
      // Worked out from numbers further away (a price stated in another passage, a count the
      // answer gives in another sentence): weaker evidence of support, weighed by the model. Not
      // for a number in the place of a stated one ("three weeks" where the aligned sentence says
      // 14 days): arithmetic on the numbers of a whole context reaches almost anything.
      const farOperands = replaces
        ? []
        : [
            ...index.numbers,
            ...question.numbers,
            ...backedSentenceNumbers,
            ...answerNumbers.filter(isBacked),
          ];
      if (derivable(n, farOperands, claimText, contextText())) {
        numberDerivedFar = 1;
        unknown.push(n.text);
        continue;
      }
      // Two operations on the aligned neighbourhood's numbers ("3 × €8 + €5 booking fee").
      if (derivableInTwoSteps(n, others)) {
        numberDerivedTwoSteps = 1;
        unknown.push(n.text);
        continue;
      }
      numberMissing = 1;
      unknown.push(n.text);
      continue;
    }
    const alignedAmount = n.quantity
      ? alignedQuantities.some((q) => sameQuantity(q, n.quantity as never))
      : false;
    if (!alignedNumbers.has(n.value) && !runnerUpNumbers.has(n.value) && !alignedAmount) {
      numberElsewhere = 1;
      // Stated about something else, in the place of the aligned sentence's own amount of that
      // kind ("arrive within 2–4 days" where the SEPA sentence says 1 day, the SWIFT one 2–4).
      if (replacesAlignedNumber(n, claim.numbers, alignedSentence?.numbers ?? [], claimText, alignedText))
        numberConflict = 1;
    }
    // A unit mismatch needs the context to state this number only with other units, and no
    // equal amount in another unit ("250 grams" = "250 g", "two weeks" = "14 days").
    if (
      (units && !sameAmount && n.unit && !units.has(n.unit) && [...units].some((u) => u !== '')) ||
      (!sameAmount && unitWordDiffers(n, index)) ||
      rateDiffers(n, index)
    ) {
      // "Three hours would be £15" at £5 an hour, where the context says 15 only of another
      // quantity ("15 minutes"): the amount is worked out, unless in a stated one's place.
      if (
        moneyStatedOnlyAsAnotherQuantity(n, index) &&
        !replacesAlignedNumber(n, claim.numbers, alignedSentence?.numbers ?? [], claimText, alignedText) &&
        derivable(
          n,
          operands.filter((m) => m.value !== n.value),
          claimText,
          windowText,
        )
      ) {
        numberDerived = 1;
        continue;
      }
      unitMismatch = 1;
      unknown.push(n.text);
    }
  }
  const claimNames = new Set(claim.names.flatMap((n) => [n, stem(n)]));
  let nameMissing: 0 | 1 = 0;
  let nameElsewhere: 0 | 1 = 0;
  // The user's own words ("I can't make Saturday's show") are given, as their numbers are, unless
  // the aligned sentence names something else in their place, after the same word: "Does Dr
  // Patel see patients on Mondays?" against "Dr Shah sees patients on Mondays" is a false premise.
  const questionWords = new Set(words(question.text ?? '').map((w) => w.replace(/['’]s$/, '')));
  for (const name of claim.names) {
    const term = stem(name);
    if (!index.allTerms.has(name) && !index.allTerms.has(term) && !hasCompoundParts(index.allTerms, name)) {
      const given = questionWords.has(name) && !nameInItsPlace(claimText, name, alignedText, claimNames);
      if (backedByDate.has(name) || question.dates.some((d) => d.month === name) || given) continue;
      if (spelledOutIn(claimText, name, `${question.text ?? ''} ${contextText()}`)) continue;
      if (closedOnUnlistedDay(claimText, name, contextText())) continue;
      nameMissing = 1;
      unknown.push(name);
    } else if (!alignedNames.has(name) && !alignedTerms.has(term)) {
      nameElsewhere = 1;
    }
  }
  const codeWords = unknownCodeWords(claimText, index.codeWords, contextText(), question.text ?? '');
  if (codeWords.length > 0) {
    nameMissing = 1;
    unknown.push(...codeWords);
  }

  const negationMismatch: 0 | 1 = best >= 0 && negationDisagrees(claimSegments, index.segments) ? 1 : 0;

  const quantifierAdded: 0 | 1 =
    best >= 0 && addedQuantifiers(claimText, windowTexts.join(' ')).length > 0 ? 1 : 0;
  const bestClauseText = best >= 0 ? clauseText(index, best) : '';
  // The condition must restrict the very clause the claim restates; the question settles it only
  // when it does not deny it ("my overtime wasn't authorised …").
  const conditionDropped: 0 | 1 =
    best >= 0 && droppedConditionInAnswer(claimText, bestClauseText, answerText, question.text ?? '') ? 1 : 0;
  const sources = sourceWords(claimText).filter(
    (w) => !index.allTerms.has(stem(w)) && !index.allTerms.has(w),
  );
  const sourceAdded: 0 | 1 = sources.length > 0 ? 1 : 0;
  unknown.push(...sources);
  const limitDropped: 0 | 1 =
    best >= 0 && droppedLimit(answerText, bestClauseText, question.text) !== undefined ? 1 : 0;
  const reason = addedReason(claimText, windowTerms, questionTerms);
  if (reason) unknown.push(reason);
  const identifiers = alignedSentence ? swappedIdentifiers(claimText, alignedSentence.text) : [];
  unknown.push(...identifiers);
  const roles = alignedSentence ? swappedRoles(claimText, alignedSentence.text) : [];
  unknown.push(...roles);
  const swapped = swappedNumbers(claimSegments, index, question.numbers).map((n) => n.text);
  // Named as the claim writes the number ("45 days"); the question's own numbers are given.
  if (alignedSentence)
    for (const written of swappedSlotNumbers(claimText, alignedSentence.text)) {
      const value = normalizeNumber(written);
      if (question.numbers.some((q) => q.value === value)) continue;
      swapped.push(claim.numbers.find((n) => n.value === value)?.text ?? written);
    }
  const moved = movedNumbers(claimText, index);
  const stated = claim.numbers.filter((n) => index.numberUnits.has(n.value) && !alignedNumbers.has(n.value));
  const mixed =
    stated.length > 0
      ? figuresOfAnotherThing(claim.names.length > 0 ? claim.names : subjectNames, stated, index)
      : [];
  unknown.push(...mixed.filter((t) => !unknown.includes(t)));
  const mixedWords = wordsOfAnotherThing(
    claim.names.length > 0 ? claim.names : subjectNames,
    claim.terms.filter((_, j) => weights[j] > 0),
    aligned,
    index,
  );
  for (const n of [...swapped, ...moved]) if (!unknown.includes(n)) unknown.push(n);

  const features: ClaimFeatures = {
    uncoveredLocal: total > 0 ? missLocal / total : 0,
    uncoveredGlobal: total > 0 ? missGlobal / total : 0,
    uncoveredExcess: Math.max(0, missLocal / index.unseenWeight - UNCOVERED_ALLOWANCE),
    uncoveredWhole: total > 0 && missLocal >= 0.9 * total && missLocal >= 2 * index.unseenWeight ? 1 : 0,
    copied: 0,
    numbersAligned:
      claim.numbers.length > 0 && claim.numbers.every((n) => alignedNumbers.has(n.value)) ? 1 : 0,
    numberMissing,
    numberElsewhere,
    unitMismatch,
    numberConflict,
    nameMissing,
    nameElsewhere,
    nameConflict:
      (nameElsewhere && [...alignedNames].some((n) => !claimNames.has(n))) ||
      identifiers.length > 0 ||
      pronounConflict(subjectNames, aligned, index, claimNames)
        ? 1
        : 0,
    negationMismatch,
    // "They don't say how data is encrypted" is about the documents, not a flip of what they say.
    // "Drowsiness is common" where the leaflet says "uncommon" is a flip by a prefix.
    negationFlipped:
      best >= 0 &&
      ((!contextStatementKind(claimText) && negationFlipped(claimSegments, index.segments)) ||
        prefixFlipped(claimText, alignedText))
        ? 1
        : 0,
    numberDerived,
    quantifierAdded,
    quantifierDropped: best >= 0 && droppedQuantifier(claimText, claim.terms, alignedText) ? 1 : 0,
    conditionDropped,
    sourceAdded,
    numberSwapped: swapped.length > 0 ? 1 : 0,
    numberMoved: moved.length > 0 ? 1 : 0,
    numberDerivedFar,
    numberDerivedTwoSteps,
    limitDropped,
    rolesSwapped: roles.length > 0 ? 1 : 0,
    causeAdded: reason ? 1 : 0,
    figureOfAnother: mixed.length > 0 ? 1 : 0,
    wordOfAnother: mixedWords.length > 0 ? 1 : 0,
  };
  features.copied = restatement(features, claimText, answerText, () => windowTexts);
  return {
    features,
    evidence: best >= 0 ? index.sentences[index.clauses[best].sentence].text : null,
    unknown,
    workedOut,
  };
}

/** The clause's words as written, for the word-level cues (the index keeps only its facts). */
function clauseText(index: ContextIndex, clause: number): string {
  const sentence = index.sentences[index.clauses[clause].sentence];
  const pieces = splitClaims(sentence.text);
  const at = clause - sentence.firstClause;
  return pieces.length === sentence.clauseCount ? (pieces[at] ?? sentence.text) : sentence.text;
}
