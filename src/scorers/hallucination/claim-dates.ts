// The dates a claim may state without the context stating them: a stated date plus a stated span
// of days, or of whole months or years, and a weekday the calendar gives a date written with its
// year. Their day, month, year and weekday words are then backed (claim-check.ts).
import { stem } from '../../text/analyze.js';
import type { ClaimFacts, NumberMention } from './claim-facts.js';
import type { QuestionFacts } from './claim-check.js';
import type { ContextIndex, ContextSentence } from './context-clauses.js';
import { calendarWeekdays } from './day-names.js';
import { BACKWARDS, type DayDate, derivableDate, findDates } from './number-reasoning.js';
import { DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';

// "two months before", "14 days prior to": a span the context counts backwards.
const SPAN_BEFORE =
  /\b(?:days?|weeks?|months?|years?)['’]?\s+(?:before|earlier|prior|ahead\s+of|in\s+advance)\b/i;

export interface DatesInput {
  claimText: string;
  claim: ClaimFacts;
  index: ContextIndex;
  question: QuestionFacts;
  /** The sentence the claim aligns with, if any. */
  alignedSentence: ContextSentence | undefined;
  /** Numbers the rest of the answer sentence states. */
  sentenceNumbers: readonly NumberMention[];
  /** The aligned neighbourhood's text, for "before" right after a span. */
  windowText: string;
  /** Whether the context or the question backs a number. */
  isBacked: (m: NumberMention) => boolean;
}

export function datesBacked(input: DatesInput): { claimDates: DayDate[]; backedByDate: Set<string> } {
  const { claimText, claim, index, question, alignedSentence, sentenceNumbers, windowText, isBacked } = input;
  // Months and years (spans that keep the day of the month, so reach any month) only from the
  // sentence the claim aligns with or, when none does, from one that shares two content words
  // with the question ("Probation lasts six months from your start date" for "I started on 14
  // October. When does my probation end?"); never a neighbour's "18-month warranty" for a return.
  const monthSpanOperands = () => {
    const about = (s: { terms: ReadonlySet<string> }) =>
      [...question.terms].filter((t) => s.terms.has(t) && !GENERIC_TERMS.has(t) && !DISCOURSE_TERMS.has(t))
        .length >= 2;
    const sentences = alignedSentence ? [alignedSentence] : index.sentences.filter(about);
    return [...sentences.flatMap((s) => s.numbers), ...question.numbers, ...claim.numbers.filter(isBacked)];
  };
  // Any stated span of days counts here (a claimed date often shares no word with the sentence
  // giving the span: "due back on 10 June" / "7 days for DVDs"); both ends must still be stated.
  const claimDates = findDates(claimText);
  const derivedDates =
    claimDates.length === 0
      ? []
      : claimDates.filter((d) =>
          derivableDate(
            d,
            [...index.sentences.flatMap((s) => findDates(s.text)), ...question.dates],
            [...index.sentences.flatMap((s) => s.numbers), ...question.numbers, ...sentenceNumbers],
            monthSpanOperands(),
            // Backwards only when the claim says so, or the context puts "before" right after a
            // span ("two months before the end"), not "notice before their last day".
            BACKWARDS.test(claimText) || SPAN_BEFORE.test(windowText),
          ),
        );
  // A derived date's year was reached by the arithmetic (derivableDate checks it).
  const backedByDate = new Set(
    derivedDates.flatMap((d) => [d.dayOfMonth, d.month, stem(d.month), ...(d.year ? [String(d.year)] : [])]),
  );
  // "Monday 11 November 2024": the weekday of a date with its year is the calendar's.
  for (const day of calendarWeekdays(claimText)) backedByDate.add(day).add(stem(day));
  return { claimDates, backedByDate };
}
