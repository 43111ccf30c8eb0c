// Claims about the documents rather than the world: "the details I have don't say whether it
// charges wirelessly", "there's nothing here about parking", "the passages cover fees and
// opening hours". They state no fact about the world that the context could contradict, so the
// claim check skips them, but only where that holds:
// - the subject must be the documents themselves ("the passages", "the information I have", "I
//   can't see"), never a thing of the world ("your test results don't show any problems", "the
//   scan shows nothing abnormal", "the policy doesn't cover dental work" are checked);
// - an absence statement whose topic a context sentence does state is a false refusal, checked
//   as usual, and so is one that reports a number;
// - a summary of what the documents cover is skipped only when the context states its topics.
// Referrals ("ask the practice directly") are not skipped: the party they name ("your Customer
// Success Manager") is often the very detail a model made up. The phrase lists are written from
// ordinary English usage of RAG answers.
import { stem } from '../../text/analyze.js';
import type { ClaimFacts } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import { DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';

export type ContextStatementKind = 'absence' | 'summary';

// Nouns that name the documents and nothing else ("results", "sources" and "materials" name real
// things too: "your test results", "the source code").
const DOC_NOUNS =
  'documents document docs passages passage context information info details extracts extract excerpts excerpt text notes snippets snippet';
const SAYING_VERBS =
  'say says said mention mentions mentioned state states stated specify specifies specified list lists listed cover covers covered explain explains address addresses indicate indicates tell tells show shows give gives include includes contain contains';

const alternatives = (list: string) => list.split(' ').join('|');
const DOC_NOUN = `(?:${alternatives(DOC_NOUNS)})`;
const SAYING = `(?:${alternatives(SAYING_VERBS)}|go\\s+into|talk\\s+about)`;
const NOT =
  "(?:do\\s+not|does\\s+not|did\\s+not|don['’]t|doesn['’]t|didn['’]t|never|is\\s+not|are\\s+not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)";

// "the details I have", "these passages", "the information provided".
const DOC_SUBJECT = `\\b(?:the|these|this|those)\\s+(?:[\\w-]+\\s+){0,2}?${DOC_NOUN}\\b`;
// Those, or "what I've got", "the price list I've got".
const DOC_REF = `(?:${DOC_SUBJECT}|\\bwhat\\s+i(?:['’]ve|\\s+have)?\\s+(?:got|have|can\\s+see)\\b|\\bi(?:['’]ve|\\s+have)\\s+got\\b)`;

const ABSENCE_PATTERNS: readonly RegExp[] = [
  // "The details I have don't say whether …", "the passages never mention …".
  new RegExp(`${DOC_SUBJECT}[^.;]*?\\b${NOT}\\s+(?:\\w+\\s+)?${SAYING}\\b`, 'i'),
  // "The release notes say nothing about …".
  new RegExp(`${DOC_SUBJECT}[^.;]*?\\b${SAYING}\\s+nothing\\b`, 'i'),
  // "I can't see anything about …", "I don't have details on …", "I couldn't find …".
  /\bi\s+(?:can(?:not|['’]t)|could(?:\s+not|n['’]t)|do(?:\s+not|n['’]t)|did(?:\s+not|n['’]t))\s+(?:\w+\s+)?(?:see|find|spot|locate|tell|confirm|have\s+(?:any\s+)?(?:information|info|details|anything))\b/i,
  // "There's nothing here about …", "nothing about parking in the passages I have", "no mention
  // of …".
  // ("Nothing in the café is vegan" is about the café: "in" must name the documents.)
  new RegExp(
    `\\b(?:nothing|no\\s+information|no\\s+details?|no\\s+reference)\\s+(?:(?:about|on|regarding)\\s+[^.;,]{1,40}?\\s+)?(?:here\\b|in\\s+${DOC_REF})`,
    'i',
  ),
  /\bno\s+mention\b/i,
  // "That isn't covered in the extracts I have", "… isn't on the list I've got".
  new RegExp(
    `\\b${NOT}\\s+(?:\\w+\\s+)?(?:covered|mentioned|stated|specified|listed|included|given|addressed|on|in)\\b[^.;]*?${DOC_REF}`,
    'i',
  ),
];

// "The passages cover overdraft charges and …", "the info only covers lift prices": a list of
// topics. Not "the passages say …", "state …", "mention that …": those report a claim, checked as
// any other.
const SUMMARY = new RegExp(
  `${DOC_SUBJECT}\\s+(?:only\\s+|just\\s+|also\\s+)?(?:cover|covers|include|includes|list|lists|go\\s+into|goes\\s+into|talk\\s+about|talks\\s+about)\\b`,
  'i',
);

// The documents' own words, and the words of saying that something is missing: left out of an
// absence or summary statement's topic.
const DOC_WORDS = new Set(
  `${DOC_NOUNS} ${SAYING_VERBS} go talk anything nothing whether see find spot locate confirm sorry got here only actual`
    .split(' ')
    .map(stem),
);

/** Which kind of statement about the documents the claim is, if any. */
export function contextStatementKind(claim: string): ContextStatementKind | undefined {
  const text = claim.replace(/[’‘]/g, "'");
  if (ABSENCE_PATTERNS.some((p) => p.test(text))) return 'absence';
  if (SUMMARY.test(text)) return 'summary';
  return undefined;
}

/**
 * The share of a topic a context sentence must state for an absence statement to be a false
 * refusal (half: "don't say how many books members can borrow" against "members can borrow up to
 * 10 books"), and the share the whole context must state for a summary to be skipped.
 */
const FALSE_REFUSAL_SHARE = 1 / 2;
const SUMMARY_SHARE = 2 / 3;

/**
 * True when the claim talks about the documents and states nothing the check should weigh: an
 * absence whose topic no context sentence states, or a summary whose topics and numbers the
 * context states. The topic is the claim's words less the documents' words and everyday words
 * ("how many", "how long"), counted, not weighted: a word missing from the context must not
 * outweigh the ones it states.
 */
export function isExemptContextStatement(claim: string, facts: ClaimFacts, index: ContextIndex): boolean {
  const kind = contextStatementKind(claim);
  if (!kind) return false;
  // A number in an absence statement is reported content ("they just say it's open 24 hours"),
  // which may be wrong: such a claim is checked as usual.
  if (kind === 'absence' && facts.numbers.length > 0) return false;
  const topic = facts.terms.filter(
    (t) => !DOC_WORDS.has(t) && !GENERIC_TERMS.has(t) && !DISCOURSE_TERMS.has(t),
  );
  if (topic.length === 0) return kind === 'absence';
  if (kind === 'summary') {
    // Every number and name it reports must be the context's own.
    if (facts.numbers.some((n) => !index.numberUnits.has(n.value))) return false;
    if (facts.names.some((n) => !index.allTerms.has(n) && !index.allTerms.has(stem(n)))) return false;
    return topic.filter((t) => index.allTerms.has(t)).length >= SUMMARY_SHARE * topic.length;
  }
  for (const sentence of index.sentences)
    if (topic.filter((t) => sentence.terms.has(t)).length >= FALSE_REFUSAL_SHARE * topic.length) return false;
  return true;
}
