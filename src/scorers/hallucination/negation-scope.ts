// Negation compared where it applies. "If your clock is wrong, codes won't match" negates the
// second half only, so a claim "your clock may be wrong" must not be read as contradicting it:
// both sides are cut at commas, semicolons and dashes, each claim segment is matched to the
// context segments sharing most of its words, and only when all of those have the opposite polarity does it count.
import { analyzeClaim, negatedRemainder, type NumberMention } from './claim-facts.js';
import { splitClaims } from './claim-split.js';
import { canonicalTerm, GENERIC_TERMS } from './word-classes.js';

export interface Segment {
  terms: ReadonlySet<string>;
  negated: boolean;
  /** The numbers it states, for checking which words each number is bound to. */
  numbers: readonly NumberMention[];
  /**
   * What its first negator governs: the first content word after it (null when it has no negator,
   * counting "nobody" and "no longer"; empty after an idiom such as "not just").
   */
  negatedTerms: ReadonlySet<string> | null;
  /**
   * Says its polarity another way as well ("without", "unless", "otherwise", "except", "only", a
   * limit), so a plain flip cannot be read off it: "if you don't subscribe" = "unless you subscribe".
   */
  polarityWorded: boolean;
  /**
   * Its polarity cannot be told: a segment without a negator in a clause that has one ("Water
   * extinguishers (red label) must not be used", "Vitamin D test: no fasting is required"), or an
   * elliptical reply ("Not on Tuesday, I'm afraid"). Never compared for a flip.
   */
  ambiguous: boolean;
  /**
   * What it restricts its statement to ("for groups of ten or more", "when visiting", "over 18",
   * or a leading "For members," in its clause): each phrase's terms and number values, and whether
   * it is an age or size bound ("over 18").
   */
  restricted: readonly Restriction[];
}

// Words that make a negation conditional or partial ("unless", "only", "if"): a flip cannot be read
// off a sentence with one. And words that say no without a negator ("nil on Premier", "removes the
// daily cap", "waived") or bound a figure: a flip cannot be read off a segment with one.
const CONDITIONAL_WORDS =
  /\b(?:without|unless|otherwise|except|excluding|only|instead|rather|assuming|if|whether|as\s+long\s+as|provided)\b/iu;
const NEGATIVE_WORDS =
  /\b(?:maximum|minimum|until|before|after|nil|zero|free|remov\p{L}*|waiv\p{L}*|closed|closes|closure|stop(?:s|ped)?|skip\p{L}*|exclud\p{L}*|barred|bars\s+\p{L}+\s+from|avoid\p{L}*|lost|lose|loses|lack\p{L}*|fail\p{L}*|refus\p{L}*|exempt\p{L}*|un(?:able|available|paid|used|limited|changed|capped|restricted|supported|successful|eligible)|off\s+limits)\b/iu;

// A comma or colon between digits is part of a number ("1,260", "20:15"), not a boundary.
const BOUNDARY = /[;()]|(?<!\d)[,:]|[,:](?!\d)|\s[—–-]\s/;

export function splitSegments(text: string): Segment[] {
  const out: Segment[] = [];
  // Read over the whole sentence: "capped at the pass mark, unless …, it is uncapped".
  const worded = CONDITIONAL_WORDS.test(text);
  // Clause breaks first ("… signed out everywhere and can't sign in" is two statements), then
  // punctuation, so a negation is scoped the same way on the answer's side and the context's.
  for (const clause of splitClaims(text)) {
    const segments: Segment[] = [];
    // A leading "For members," or "When it rains," restricts the rest of its clause.
    let leading: Restriction[] = [];
    for (const part of clause.split(BOUNDARY)) {
      const facts = analyzeClaim(part);
      if (facts.terms.length === 0) continue;
      const remainder = negatedRemainder(part);
      const restricted = restrictionOf(part);
      segments.push({
        terms: new Set(facts.terms),
        negated: facts.negated,
        numbers: facts.numbers,
        negatedTerms: remainder === null ? null : governedTerms(remainder),
        polarityWorded: worded || NEGATIVE_WORDS.test(part),
        ambiguous: /^\s*not\b/i.test(part),
        restricted: [...leading, ...restricted],
      });
      if (RESTRICTING_START.test(part)) leading = [...leading, ...restricted];
    }
    // "must not contain soil, rubble or pet waste": a segment without a negator in a clause with
    // one may well be under it.
    if (segments.some((s) => s.negatedTerms !== null))
      for (const s of segments) if (s.negatedTerms === null) s.ambiguous = true;
    out.push(...segments);
  }
  return out;
}

// A phrase that limits a statement to a group of people: "for groups of ten or more", "for
// members", "for each child", "over 18". Not a purpose or an occasion ("for entry", "for repairs",
// "for bookings", "when visiting the ward": a claim denying the rule denies it there too), what
// the statement is about named again ("for this test"), a duration ("for 30 days"), an idiom ("for
// example", "for free") or a reason ("for safety reasons"). Who a rule is for is told by an
// everyday noun for people, the one general-English list here.
interface Restriction {
  words: ReadonlySet<string>;
  bound: boolean;
}

const PEOPLE = new Set(
  `group party team family household person people adult child children kid infant baby toddler
  teen teenager minor junior senior pensioner student pupil member guest visitor customer client
  patient passenger traveller traveler driver rider user participant player employee staff worker
  volunteer resident tenant owner applicant holder cardholder subscriber contractor beginner
  newcomer parent carer man men woman women individual`
    .split(/\s+/)
    .filter(Boolean),
);
const RESTRICTIONS = [
  /\bfor\s+(?!(?:the|this|that|these|those|your|our|their|its|his|her|my|it|them|you|us|me|him|example|instance|now|free|good|sure|ever|long|longer|up|more|less|at|all|one|some|both|either|use)\b|\d+\s*(?:min|hour|hr|day|week|month|year|night|sec)|[^.]*\breasons?\b)[\s\S]*/giu,
  /\b(?:over|under|aged|above|below)\s+\d[\p{L}\d]*/giu,
];
const RESTRICTING_START = /^\s*(?:for|over|under|aged)\b/iu;

/** "for groups of ten", "for each child", "for under-16s": the phrase's noun names people. */
function namesGroup(phrase: string): boolean {
  const words = phrase.toLowerCase().match(/[\p{L}\d'’-]+/gu) ?? [];
  const rest = words.slice(1);
  const head = /^(?:a|an|each|every|any)$/.test(rest[0] ?? '') ? rest[1] : rest[0];
  if (head === undefined) return false;
  if (/^(?:under|over)-?\d/.test(head)) return true;
  const bare = head.replace(/['’]s?$/, '');
  return [bare, bare.replace(/s$/, ''), bare.replace(/es$/, '')].some((w) => PEOPLE.has(w));
}

/** The terms and number values of each of a segment's restricting phrases (none when it has none). */
function restrictionOf(part: string): Restriction[] {
  return RESTRICTIONS.flatMap((pattern, i) =>
    [...part.matchAll(pattern)]
      .filter((m) => i > 0 || namesGroup(m[0]))
      .map((m) => {
        const facts = analyzeClaim(m[0].replace(/^\s*\p{L}+\s+/u, ''));
        const words = new Set([...facts.terms, ...facts.numbers.map((n) => n.value)]);
        return { words, bound: i === RESTRICTIONS.length - 1 };
      }),
  ).filter((phrase) => phrase.words.size > 0);
}

/**
 * Whether the two segments can be about the same subject. A claim that names a subject of its own
 * beside a restricted statement is about another group ("individual visitors don't require
 * pre-booking" against "pre-booking is required for groups of ten or more"), unless it restates a
 * word of each restricting phrase or sets a bound against a bound ("children over 6" against
 * "under 12"). A claim that adds nothing to the statement but its negation flips it, restriction
 * or not ("you don't need photo ID" against "photo ID is required for entry").
 */
function sameSubject(claim: Segment, context: Segment): boolean {
  const claimed = new Set([...claim.terms, ...claim.numbers.map((n) => n.value)]);
  const bounded = claim.restricted.some((r) => r.bound);
  if (context.restricted.every((r) => (r.bound && bounded) || [...r.words].some((t) => claimed.has(t))))
    return true;
  const stated = new Set([...context.terms].map(canonicalTerm));
  return [...claim.terms].every((t) => GENERIC_TERMS.has(t) || stated.has(canonicalTerm(t)));
}

// "Not just for students", "not far from", "not only": a negation that limits nothing to flip.
const IDIOM = /^\s*(?:just|only|far|much|long|quite|exactly|necessarily|merely|simply)\b/iu;

/** What a negation is about: the first content word after it ("not needed for flu shots": "needed"), none after an idiom. */
function governedTerms(remainder: string): Set<string> {
  if (IDIOM.test(remainder)) return new Set();
  return new Set(analyzeClaim(remainder).terms.slice(0, 1));
}

/** Half the claim segment's terms shared, at least two, or its only term when it has one. */
function matches(claim: Segment, context: Segment): number {
  let shared = 0;
  for (const t of claim.terms) if (context.terms.has(t)) shared++;
  const enough = shared >= Math.min(2, claim.terms.size) && shared / claim.terms.size >= 0.5;
  // A context statement the claim contains whole ("you do not need a referral from your GP" inside
  // "you'll need a referral from your GP before you can get physiotherapy") also matches.
  const contained = shared >= 3 && shared / context.terms.size >= 0.75;
  return enough || contained ? shared : 0;
}

/**
 * True when some claim segment's best-matching context segments all have the opposite polarity.
 * Every segment sharing the most words counts: a heading "Deleting your account" must not
 * outvote the sentence "They aren't deleted when you delete your account".
 */
export function negationDisagrees(claim: readonly Segment[], context: readonly Segment[]): boolean {
  for (const segment of claim) {
    let bestShared = 0;
    let agrees = false;
    let disagrees = false;
    for (const candidate of context) {
      const shared = matches(segment, candidate);
      if (shared === 0 || shared < bestShared) continue;
      if (shared > bestShared) [bestShared, agrees, disagrees] = [shared, false, false];
      if (candidate.negated === segment.negated) agrees = true;
      else disagrees = true;
    }
    if (disagrees && !agrees) return true;
  }
  return false;
}

/**
 * A plain flip: a claim segment whose best-matching context segments all have the opposite
 * polarity, where the negation on one side governs a word the other side states ("The A1C also
 * requires fasting" / "no fasting is required"; "overnight parking is allowed" / "is not
 * permitted"), and neither side words its polarity another way ("without", "unless", "only", a
 * limit) or states the negated word with a negating prefix ("unchanged", "uncapped").
 */
export function negationFlipped(claim: readonly Segment[], context: readonly Segment[]): boolean {
  const clear = context.filter((c) => !c.ambiguous);
  // Most words shared, then the largest share of the context segment's own words: "hot-desk
  // members can use their fob for out-of-hours access" restates all of "hot-desk members do not
  // have out-of-hours access" and only part of "members with 24/7 access can enter using their fob".
  const bestOf = claim.map((segment) => {
    let bestFit = [0, 0];
    let best: Segment[] = [];
    for (const candidate of clear) {
      const shared = matches(segment, candidate);
      if (shared === 0) continue;
      const fit = [shared, shared / candidate.terms.size];
      if (fit[0] < bestFit[0] || (fit[0] === bestFit[0] && fit[1] < bestFit[1])) continue;
      if (fit[0] > bestFit[0] || fit[1] > bestFit[1]) [bestFit, best] = [fit, []];
      best.push(candidate);
    }
    return best;
  });
  const negated = (s: Segment) => s.negatedTerms !== null;
  // A context segment another part of the claim restates with its own polarity is agreed with.
  const agreed = new Set(claim.flatMap((s, i) => bestOf[i].filter((c) => negated(c) === negated(s))));
  for (const [i, segment] of claim.entries()) {
    const best = bestOf[i];
    // A one-word segment ("baths", "who can apply") is too little to restate anything.
    if (best.length === 0 || segment.terms.size < 2 || segment.polarityWorded || segment.ambiguous) continue;
    if (best.some((c) => negated(c) === negated(segment) || agreed.has(c) || c.polarityWorded)) continue;
    for (const candidate of best) {
      if (!sameSubject(segment, candidate)) continue;
      const [no, yes] = negated(segment) ? [segment, candidate] : [candidate, segment];
      const governed = [...(no.negatedTerms ?? [])].filter((t) => yes.terms.has(t));
      if (governed.length > 0 && !governed.some((t) => prefixNegated(t, yes.terms))) return true;
    }
  }
  return false;
}

/** The other side states the word with a negating prefix too ("capped" and "uncapped"). */
function prefixNegated(term: string, terms: ReadonlySet<string>): boolean {
  for (const t of terms) if (/^(?:un|in|non|dis|im)/.test(t) && t.endsWith(term) && t !== term) return true;
  return false;
}

// Negating prefixes, with the shortest word they may be taken off: "in"/"im" only before five
// letters or more, so "income", "inform" and "import" are not read as "come", "form" and "port".
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['un', 4],
  ['non-', 4],
  ['non', 4],
  ['in', 5],
  ['im', 5],
  ['ir', 5],
  ['il', 5],
];

const PLAIN_NEGATOR =
  /\b(?:not|no|never|cannot|without|nothing|none|neither|nor|nobody|no\s+one)\b|n['’]t\b/i;
// Words that only look prefixed: "unless" is no "less", "inpatient" no "patient".
const NOT_PREFIXED: ReadonlySet<string> = new Set(
  'unless inflight inpatient inpatients insight insights install installed installs improve improved improves impress impressed invoice invoices inside income inform informed infrared inbound inland inline input inset interest interested invest invested internal intake index illustrate illustrated invaluable inflammable implant instance infamous incorporate immigrate immediate informative impassive inhabitable'.split(
    ' ',
  ),
);

// "in-", "im-", "ir-" and "il-" negate adjectives and what is made of them ("incorrect",
// "impossible", "invalid", "inability", "indefinitely"), while before a participle, a plural or a
// verb they mostly do not ("imprinted", "inlaid", "imports", "informed"): so they are read as a
// negation only on a stem with an adjective's ending, or in a negating participle of their own.
const ADJECTIVE_STEM =
  /(?:[ai]ble|[ai]bly|ent|ently|ence|ency|ant|ance|ate|ately|acy|ive|ively|ivity|al|ally|ality|act|ect|ectly|ete|etely|id|idly|ure|ile|ite|itely|ise|ic|ical|ar|ary|ous|ously|ane|an|ity)$/;
const NEGATING_PARTICIPLES: ReadonlySet<string> = new Set(['inexperienced', 'inactivated']);

/** The word may be a negation by its prefix: "un-" and "non-" always, "in-"-type on an adjective. */
function negatingFormation(word: string, prefix: string, base: string): boolean {
  if (!/^(?:in|im|ir|il)$/.test(prefix)) return true;
  return ADJECTIVE_STEM.test(base) || NEGATING_PARTICIPLES.has(word);
}

const lowerWords = (text: string): Set<string> => new Set(text.toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? []);

/**
 * A word the aligned sentence states with a negating prefix that the claim states without it, or
 * the other way round: "drowsiness is common" where the leaflet says "uncommon", "the fee is
 * refundable" for "non-refundable", "the pass is valid" for "invalid".
 */
export function prefixFlipped(claimText: string, alignedText: string): boolean {
  // "isn't available" = "unavailable": with a negator on either side the prefix may be agreed with.
  if (PLAIN_NEGATOR.test(claimText) || PLAIN_NEGATOR.test(alignedText)) return false;
  const claim = lowerWords(claimText);
  const aligned = lowerWords(alignedText);
  const flips = (from: Set<string>, to: Set<string>) => {
    for (const word of from)
      for (const [prefix, shortest] of PREFIXES) {
        if (!word.startsWith(prefix) || NOT_PREFIXED.has(word)) continue;
        const base = word.slice(prefix.length);
        if (!negatingFormation(word, prefix, base)) continue;
        if (base.length >= shortest && to.has(base) && !to.has(word) && !from.has(base)) return true;
      }
    return false;
  };
  return flips(claim, aligned) || flips(aligned, claim);
}
