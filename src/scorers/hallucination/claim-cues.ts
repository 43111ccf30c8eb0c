// Small word-level cues a claim's content words miss: quantifiers stronger than the context's
// ("all" where it says "most", "always" where it says "usually"), sources the context never names
// ("according to a 2019 study"), and the politeness and hedges that state nothing ("Sure —",
// "I believe", "Hope this helps!"), which are taken out before a claim is checked. (A condition
// the claim drops is dropped-condition.ts.)
import { stem } from '../../text/analyze.js';
import { words } from '../../text/tokenize.js';
import { splitClaims } from './claim-split.js';
import { canonicalTerm } from './word-classes.js';

// Universal quantifiers and absolutes. "never"/"none" are left to the negation check.
const STRONG = new Set(
  'all always every everyone everybody everything everywhere both entire entirely completely guaranteed invariably'.split(
    ' ',
  ),
);

/** Strong quantifiers in the claim that the aligned context does not use itself. */
export function addedQuantifiers(claim: string, context: string): string[] {
  const have = new Set(words(context));
  // "every eruption" = "each eruption".
  if (have.has('each')) have.add('every');
  // "all day", "all year round": an idiom for "without a limit", not a universal claim; "all at
  // once", "at all", "after all" quantify nothing.
  const text = claim.replace(
    /\ball\s+(?:day|night|week|year|the\s+time|at\s+once|in\s+all)\b|\b(?:at|after)\s+all\b/gi,
    '',
  );
  // The slip is strengthening what the context hedges ("most galleries" → "every gallery",
  // "usually" → "always"); a universal the context neither hedges nor states is paraphrase
  // ("wipe everything" for "all settings are erased").
  if (![...have].some((w) => HEDGED.has(w))) return [];
  return [...new Set(words(text).filter((w) => STRONG.has(w) && !have.has(w)))];
}

// A quantifier that limits its noun to part of a group ("most species", "some reference books").
// Not a superlative ("the most recent", "our most popular"), "as many … as", "a few" (a small
// number, no limit), "make certain" or a predicate ("are most common in children"). The word after
// it is the group it limits, and the next one too unless a figure, article or preposition follows
// that one, as after a verb ("some gold members get …", not "most species live one to two years").
const PARTIAL =
  /(?<!\b(?:the|our|its|their|your|a|as|make|made|making|is|are|was|were|be|been|being)\s+)\b(?:some|most|many|several|certain|selected|few)\s+(?:of\s+(?:the|our|its|their|these|those)\s+)?([\p{L}-]+)(?:\s+([\p{L}-]+)(?!\s+(?:\d|the\b|an?\b|one\b|two\b|to\b|for\b|in\b|on\b|at\b|of\b)))?/giu;

const OBLIGATION =
  /\b(?:must|required|requires?|mandatory|compulsory|obligatory|ha(?:ve|s)\s+to|obliged|(?<!\bno\s)needs?|essential|necessary)\b/i;
// Advice only: not "should" ("your card should arrive in five days") or "advised that" (informed);
// "no need" is no obligation.
const ADVICE =
  /\b(?:recommend\p{L}*|encourag\p{L}*|suggest(?:s|ed)?|advisable|advised\s+to|advis(?:e|es|ing)\s+(?:(?:\p{L}+\s+)?to\b|\p{L}+ing\b)|optional|preferably|ideally)/iu;

/**
 * The aligned sentence limits a group the claim restates ("Most species live one to two years")
 * and the claim keeps no quantifier or hedge at all ("octopuses live for one to two years"); or it
 * advises what the claim makes a rule ("recommended" → "required").
 * `claimTerms` are the claim's terms (stemmed, synonyms made one).
 */
export function droppedQuantifier(claim: string, claimTerms: readonly string[], aligned: string): boolean {
  // "Check-ups are recommended every 6 months" is no rule: "you are required to" makes it one.
  if (OBLIGATION.test(claim) && ADVICE.test(aligned) && !OBLIGATION.test(aligned)) return true;
  const claimWords = new Set(words(claim));
  if ([...claimWords].some((w) => HEDGED.has(w) || STRONG.has(w) || w === 'not' || w.endsWith("n't")))
    return false;
  const term = (w: string) => canonicalTerm(stem(w.toLowerCase()));
  for (const clause of restatedClauses(claimTerms, aligned))
    for (const m of clause.matchAll(PARTIAL))
      if ([m[1], m[2]].some((w) => w !== undefined && claimTerms.includes(term(w)))) return true;
  return false;
}

/**
 * The clauses of the aligned sentence that share the most of the claim's terms: a limit counts only
 * on the clause the claim restates ("Most rooms have a sea view, and every room has free Wi-Fi"
 * limits no "the rooms have free Wi-Fi").
 */
function restatedClauses(claimTerms: readonly string[], aligned: string): string[] {
  const clauses = splitClaims(aligned);
  const shared = clauses.map(
    (c) =>
      new Set(
        words(c)
          .map((w) => canonicalTerm(stem(w)))
          .filter((t) => claimTerms.includes(t)),
      ).size,
  );
  const most = Math.max(...shared);
  return clauses.filter((_, i) => shared[i] === most);
}

// Weaker quantifiers and frequency words a universal can overstate.
const HEDGED = new Set(
  'most some many several few usually often generally typically normally sometimes occasionally mostly majority certain selected may might'.split(
    ' ',
  ),
);

// Words that attribute a claim to a source; "according to the leaflet" is handled by the
// caller (the source's own words must then be in the context).
const SOURCE_WORDS = new Set(
  'study studies survey surveys report reports reported research researchers published journal journals archive archives statistics census experts scientists university institute association'.split(
    ' ',
  ),
);
const ACCORDING = /\baccording\s+to\s+((?:[\p{L}\d'’-]+\s*){1,6})/iu;
// "according to the passage/context/leaflet" names the given text, not an outside source.
const GIVEN_TEXT =
  /^(?:the|this|your|our)?\s*(?:passage|context|document|text|leaflet|page|article|docs?|documentation|manual|information|guide|policy|terms|website|site|faq|notes?|instructions?|label)\b/i;

/** The source words of the claim (raw, lower-case), for the caller to look up in the context. */
export function sourceWords(claim: string): string[] {
  const out = words(claim).filter((w) => SOURCE_WORDS.has(w));
  const according = ACCORDING.exec(claim);
  if (according && !GIVEN_TEXT.test(according[1].trim()))
    out.push(
      ...words(according[1]).filter((w) => !['the', 'a', 'an', 'of', 'to', 'by', 'and', 'in'].includes(w)),
    );
  return [...new Set(out)];
}

// Openers and asides that carry no fact: greetings, acknowledgements, hedges.
const OPENER =
  /^\s*(?:(?:sure(?:\s+thing)?|of\s+course|certainly|absolutely|great\s+question|good\s+question|good\s+news|happy\s+to\s+help|hi(?:\s+there)?|hello|hey|okay|ok|well|so|in\s+short|short\s+answer|basically|sorry|unfortunately)\b[\s,!.:;—–-]*)+/i;
const HEDGE =
  /\b(?:i\s+believe|i\s+think|i'm\s+afraid|i\s+am\s+afraid|as\s+far\s+as\s+i\s+know|if\s+i'm\s+not\s+mistaken|i'd\s+say|it\s+seems|it\s+looks\s+like|i\s+guess|make\s+sure(?:\s+that)?|be\s+sure\s+to)\b[,]?\s*/gi;

/** The claim without politeness and hedges; the facts it states are unchanged. */
export function stripHedges(text: string): string {
  const stripped = text
    .replace(OPENER, '')
    .replace(HEDGE, '')
    .replace(/[,;\s]+([.!?]*)$/, '$1')
    .trim();
  return stripped.length > 0 ? stripped : text;
}

const PLEASANTRY =
  /^\s*(?:hope\s+(?:this|that|it)\s+helps|let\s+me\s+know\b|feel\s+free\b|happy\s+to\s+help|glad\s+to\s+help|you're\s+welcome|thanks\b(?!\s+to\b)|thank\s+you\b(?!\s+to\b)|any\s+other\s+questions)[^.!?]*[.!?]*\s*$/i;
const GREETING =
  /^\s*(?:hi|hello|hey|sure|of\s+course|certainly|absolutely|great\s+question|good\s+question|good\s+news)(?:\s+there)?[\s!.,:]*$/i;

/** A whole sentence that only greets, thanks or offers more help ("Hope this helps!", "Hi!"). */
export function isPleasantry(sentence: string): boolean {
  // A sentence with a number in it states something ("Thanks to the 2024 update, …").
  return (
    GREETING.test(sentence) ||
    (PLEASANTRY.test(sentence) && words(sentence).length <= 12 && !/\d/.test(sentence))
  );
}
