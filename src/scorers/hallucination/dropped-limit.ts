// A limit the context puts on the statement the claim restates, dropped by the claim: "free for
// up to four hours" → "free", "runs only on weekdays" → "runs every 20 minutes". The claim keeps
// the limit when it repeats its marker, its number or one of its words ("On weekdays the shuttle
// runs …"); a claim that states the limit in other words keeps it too, at the price of a miss.
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
  if (lastAnswer?.raw === raw) return lastAnswer.analysis;
  const text = normalizeClaimText(raw);
  const list = words(text);
  const analysis = {
    text,
    words: new Set(list),
    stems: new Set(list.map((w) => stem(w))),
    numbers: new Set(extractNumberMentions(text).map((n) => n.value)),
  };
  lastAnswer = { raw, analysis };
  return analysis;
}

/** The context clause's limit the answer leaves out, as its marker word, or undefined. */
export function droppedLimit(claim: string, clause: string): string | undefined {
  const limits = limitsOfClause(clause);
  if (limits.length === 0) return undefined;
  const { text, words: claimWords, stems: claimStems, numbers: claimNumbers } = answerWords(claim);
  for (const limit of limits) {
    if (claimWords.has(limit.marker) || KEEPS[limit.marker]?.test(text)) continue;
    if (limit.numbers.some((n) => claimNumbers.has(n))) continue;
    // Half the limit's words restated keep it ("members with a valid card" is not "members").
    const kept = limit.terms.filter((t) => claimStems.has(t)).length;
    if (limit.terms.length > 0 && kept >= Math.ceil(limit.terms.length / 2) && !limit.anyDay) continue;
    if (limit.anyDay && [...claimWords].some((w) => DAY_WORD.test(w))) continue;
    return limit.marker;
  }
  return undefined;
}
