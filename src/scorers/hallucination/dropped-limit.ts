// A limit the context puts on the statement the claim restates, dropped by the claim: "free for
// up to four hours" → "free", "runs only on weekdays" → "runs every 20 minutes". The claim keeps
// the limit when it repeats its marker, its number or one of its words ("On weekdays the shuttle
// runs …"); a claim that states the limit in other words keeps it too, at the price of a miss.
// A limit the question already states is kept as well: its marker, number or day word ("… open
// on Saturdays?" → "It opens at 10 am"), or a value of the question's on the right side of the
// bound ("Is a 20-minute ride free?" for "free for up to 30 minutes", "at 25?" for "at least 21").
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { words } from '../../text/tokenize.js';
import { extractNumberMentions, normalizeClaimText } from './claim-facts.js';

// After normalisation "up to", "at most", "no more than" read "maximum", "at least" "minimum".
// The limit's words run to the next comma or clause break ("only on weekdays, every 20 minutes").
const LIMIT = /\b(maximum|minimum|within|only)\b((?:\s+[\p{L}\d:'’%€$£/-]+(?:[.,]\d+)*){1,5})/giu;
// Words after "only" that restate nothing of the limit ("only a few", "only be used").
const WEAK = new Set(['be', 'been', 'have', 'has', 'get', 'need', 'needs', 'use', 'used', 'applies']);

interface Limit {
  /** Set for a days-of-the-week limit: any day word in the claim keeps it. */
  anyDay?: boolean;
  marker: string;
  numbers: string[];
  terms: string[];
}

// Days a schedule is restricted to: "on Tuesdays and Thursdays", "on school days", "at weekends".
const DAYS =
  /\b(?:on|at|during)\s+((?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays|weekends|school\s+days|working\s+days|business\s+days|public\s+holidays)(?:\s*(?:,|and|or)\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays|weekends))*)\b/giu;
const DAY_WORD =
  /(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekday|weekend|school|working|business|holiday/iu;

function limitsOf(text: string): Limit[] {
  const out: Limit[] = [];
  for (const match of text.matchAll(DAYS)) {
    const terms = words(match[1])
      .filter((w) => DAY_WORD.test(w))
      .map((w) => stem(w));
    // Any day word in the claim keeps it: "Tuesdays" for "Tuesdays and Thursdays" is partial, not dropped.
    out.push({ marker: 'days', numbers: [], terms, anyDay: true });
  }
  for (const match of text.matchAll(LIMIT)) {
    const marker = match[1].toLowerCase();
    const tail = match[2];
    const numbers = extractNumberMentions(tail).map((n) => n.value);
    const terms =
      marker !== 'only'
        ? []
        : words(tail)
            .slice(0, 5)
            .filter((w) => !isStopword(w) && !WEAK.has(w) && !/^\d/.test(w))
            .map((w) => stem(w));
    // "within" and the bounds need a number to be a limit; "only" needs a word it restricts.
    if (marker !== 'only' && numbers.length === 0) continue;
    if (numbers.length === 0 && terms.length === 0) continue;
    out.push({ marker, numbers, terms });
  }
  return out;
}

// Words by which an answer states some limit of the kind in its own way ("the longest you can
// stay", "no later than", "just on weekdays"): the limit is then paraphrased, not dropped.
const KEEPS: Readonly<Record<string, RegExp>> = {
  maximum:
    /\b(?:maximum|max|limit\w*|longest|most|cap|capped|within|until|only|over|beyond|more\s+than|exceed\w*)\b/iu,
  minimum: /\b(?:minimum|min|least|shortest|fewer|less|under|below|more\s+than|ahead)\b/iu,
  within: /\b(?:within|maximum|until|before|by|no\s+later|limit\w*|only)\b/iu,
  only: /\b(?:only|just|exclusively|except|unless|but\s+not|if|provided|solely)\b/iu,
  days: /(?!)/u,
};

// Every claim of an answer checks the same answer against clauses of the same context: both
// analyses are kept (a bounded map for clauses, as context-clauses.ts does for passages; the last
// answer only), so the cost is per clause and per answer, not per claim.
const MAX_CACHED_CLAUSES = 2_000;
const clauseLimits = new Map<string, readonly Limit[]>();

function limitsOfClause(clause: string): readonly Limit[] {
  let limits = clauseLimits.get(clause);
  if (limits) return limits;
  limits = limitsOf(normalizeClaimText(clause));
  if (clauseLimits.size >= MAX_CACHED_CLAUSES) clauseLimits.delete(clauseLimits.keys().next().value!);
  clauseLimits.set(clause, limits);
  return limits;
}

interface AnswerWords {
  text: string;
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
}
let lastAnswer: { raw: string; analysis: AnswerWords } | undefined;

function answerWords(raw: string): AnswerWords {
  if (lastAnswer?.raw !== raw) lastAnswer = { raw, analysis: analyse(raw) };
  return lastAnswer.analysis;
}

function analyse(raw: string): AnswerWords {
  const text = normalizeClaimText(raw);
  const list = words(text);
  return {
    text,
    words: new Set(list),
    stems: new Set(list.map((w) => stem(w))),
    numbers: new Set(extractNumberMentions(text).map((n) => n.value)),
  };
}

let lastQuestion: { raw: string; analysis: AnswerWords } | undefined;

function questionWords(raw: string): AnswerWords {
  if (lastQuestion?.raw !== raw) lastQuestion = { raw, analysis: analyse(raw) };
  return lastQuestion.analysis;
}

/** The text states the limit: its marker or a wording of its kind, its number, its words or a day. */
function states(limit: Limit, side: AnswerWords): boolean {
  if (side.words.has(limit.marker) || KEEPS[limit.marker]?.test(side.text)) return true;
  if (limit.numbers.some((n) => side.numbers.has(n))) return true;
  // Half the limit's words restated keep it ("members with a valid card" is not "members").
  const kept = limit.terms.filter((t) => side.stems.has(t)).length;
  if (limit.terms.length > 0 && kept >= Math.ceil(limit.terms.length / 2) && !limit.anyDay) return true;
  return limit.anyDay === true && [...side.words].some((w) => DAY_WORD.test(w));
}

/** A value of the question's inside the bound: 20 for "maximum 30", 25 for "minimum 21". */
function satisfiedBy(limit: Limit, question: AnswerWords): boolean {
  if (limit.marker !== 'maximum' && limit.marker !== 'minimum' && limit.marker !== 'within') return false;
  const bounds = limit.numbers.map(Number).filter(Number.isFinite);
  return [...question.numbers]
    .map(Number)
    .some((q) => bounds.some((b) => (limit.marker === 'minimum' ? q >= b : q <= b)));
}

/**
 * The context clause's limit the answer leaves out, as its marker word, or undefined. A limit the
 * question states, or that a value in the question meets, is the premise of the answer: kept.
 */
export function droppedLimit(claim: string, clause: string, question = ''): string | undefined {
  const limits = limitsOfClause(clause);
  if (limits.length === 0) return undefined;
  const answer = answerWords(claim);
  const asked = question ? questionWords(question) : undefined;
  for (const limit of limits) {
    if (states(limit, answer)) continue;
    if (asked && (states(limit, asked) || satisfiedBy(limit, asked))) continue;
    return limit.marker;
  }
  return undefined;
}
