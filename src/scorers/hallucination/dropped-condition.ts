// The dropped-condition cue: the context's clause restricts a statement ("… provided it was
// authorised in advance", "unless reserved", "except Wednesday") and the answer states the
// statement without the condition's words, here or anywhere else in the answer, and no clause
// of the question that affirms something settles it.
import { contentTerms } from '../../text/analyze.js';
import { isNegated } from './claim-facts.js';

const CONDITION =
  /\b(?:only|unless|except|excluding|provided\s+(?:that|you|they|it|the)|providing|as\s+long\s+as|so\s+long\s+as|if|subject\s+to|on\s+condition)\b/i;

// Where a condition starts, up to the end of its clause: "provided the overtime was authorised
// in advance", "unless reserved by another member", "only during off-peak hours".
const CONDITION_PHRASE =
  /\b(?:unless|except(?:\s+(?:for|when|where|if))?|excluding|provided\s+(?:that|you|they|it|the|your|we)|providing|as\s+long\s+as|so\s+long\s+as|if|subject\s+to|on\s+condition|only\s+(?:if|when|for|on|during|with|in|before|after|within|to|where))\b([^.;]*)/giu;

/**
 * The context sentence restricts the statement ("… provided it was authorised in advance") and
 * the answer carries none of the condition's words anywhere (a correct answer states the
 * condition, in its own words, somewhere; the question may have settled it). `answerTerms` and
 * `questionTerms` are content terms, as `terms` returns them.
 */
export function droppedCondition(
  claim: string,
  context: string,
  answerTerms: ReadonlySet<string>,
  questionTerms: ReadonlySet<string>,
  terms: (text: string) => readonly string[],
): boolean {
  if (CONDITION.test(claim)) return false;
  for (const m of context.matchAll(CONDITION_PHRASE)) {
    const condition = terms(m[1]);
    if (condition.length === 0) continue;
    // Half its words, at least: "with proof of purchase" does not carry "unused and in the original packaging".
    const carried = condition.filter((t) => answerTerms.has(t) || questionTerms.has(t)).length;
    if (carried < condition.length / 2) return true;
  }
  return false;
}

/**
 * droppedCondition for a claim of an answer: the answer's words and the question's affirming
 * clauses' words, as plain content terms (no day names spelt out: "every weekday" does not state
 * "except Wednesday").
 */
export function droppedConditionInAnswer(
  claim: string,
  clauseText: string,
  answerText: string,
  questionText: string,
): boolean {
  return droppedCondition(
    claim,
    clauseText,
    termsOfText(answerText),
    affirmedTerms(questionText),
    contentTerms,
  );
}

// The answer's and the question's words, asked for by every claim of the answer: the last few kept.
const NO_TERMS: ReadonlySet<string> = new Set();
const recentTerms = new Map<string, ReadonlySet<string>>();
function termsOfText(text: string): ReadonlySet<string> {
  let terms = recentTerms.get(text);
  if (!terms) {
    terms = new Set(contentTerms(text));
    if (recentTerms.size >= 4) recentTerms.delete(recentTerms.keys().next().value!);
    recentTerms.set(text, terms);
  }
  return terms;
}

// The words of the question's clauses that affirm something: "My line manager authorised it" can
// settle a condition, "my overtime wasn't authorised" cannot (and a negation elsewhere in the
// question does not silence the rest).
const affirmedCache = new Map<string, ReadonlySet<string>>();
function affirmedTerms(question: string): ReadonlySet<string> {
  if (!question) return NO_TERMS;
  let terms = affirmedCache.get(question);
  if (!terms) {
    const clauses = question.split(/[.?!;]+\s*|,\s+(?:and|but|so)\s+|\s+but\s+/i).filter(Boolean);
    terms = new Set(clauses.filter((c) => !isNegated(c)).flatMap((c) => contentTerms(c)));
    if (affirmedCache.size >= 4) affirmedCache.delete(affirmedCache.keys().next().value!);
    affirmedCache.set(question, terms);
  }
  return terms;
}
