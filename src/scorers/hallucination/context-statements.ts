// Claims about the documents rather than the world: "the details I have don't say whether it
// charges wirelessly", "there's nothing here about parking", "the passages cover fees and
// opening hours". They state no fact about the world that the context could contradict, so the
// claim check skips them, but only where that holds:
// - an absence statement whose topic the context does state is a false refusal, checked as usual;
// - a summary of what the documents cover is skipped only when the context states its topics.
// Referrals ("ask the practice directly") are not skipped: the party they name ("your Customer
// Success Manager", "the community manager") is often the very detail a model made up.
// The phrase lists are written from ordinary English usage of RAG answers. A textual noun is
// required where a word could also mean the product: "the policy doesn't cover dental work" is a
// claim about the insurance, "the passages don't cover dental work" one about the documents.
import { stem } from '../../text/analyze.js';
import type { ClaimFacts } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';

export type ContextStatementKind = 'absence' | 'summary';

const DOC_NOUN =
  '(?:documents?|docs|passages?|context|information|info|details|extracts?|excerpts?|text|sources?|notes|materials?|snippets?|search\\s+results|results)';
// "the details I have", "these passages", "what I've got", "the price list I've got", "here".
const DOC_REF = new RegExp(
  `\\b(?:(?:the|these|this|those|my|your)\\s+(?:[\\w-]+\\s+){0,2}?${DOC_NOUN}\\b|what\\s+i(?:['’]ve|\\s+have)?\\s+(?:got|have|can\\s+see)\\b|\\bi(?:['’]ve|\\s+have)\\s+got\\b|\\bhere\\b)`,
  'i',
);
const DOC_SUBJECT = new RegExp(
  `\\b(?:the|these|this|those|my|your)\\s+(?:[\\w-]+\\s+){0,2}?${DOC_NOUN}\\b`,
  'i',
);
const SAYING =
  '(?:say|says|said|mention|mentions|mentioned|state|states|stated|specify|specifies|specified|list|lists|listed|cover|covers|covered|explain|explains|address|addresses|indicate|indicates|tell|tells|show|shows|give|gives|include|includes|contain|contains|go\\s+into|talk\\s+about)';
const NOT =
  "(?:do\\s+not|does\\s+not|did\\s+not|don['’]t|doesn['’]t|didn['’]t|never|is\\s+not|are\\s+not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)";

const ABSENCE_PATTERNS: readonly RegExp[] = [
  // "The details I have don't say whether …", "the passages never mention …".
  new RegExp(`${DOC_SUBJECT.source}[^.;]*?\\b${NOT}\\s+(?:\\w+\\s+)?${SAYING}\\b`, 'i'),
  // "… say nothing about …", "… mention nothing on …".
  new RegExp(`\\b${SAYING}\\s+nothing\\b`, 'i'),
  // "I can't see anything about …", "I don't have details on …", "I couldn't find …".
  /\bi\s+(?:can(?:not|['’]t)|could(?:\s+not|n['’]t)|do(?:\s+not|n['’]t)|did(?:\s+not|n['’]t))\s+(?:\w+\s+)?(?:see|find|spot|locate|tell|confirm|have\s+(?:any\s+)?(?:information|info|details|anything))\b/i,
  // "There's nothing here about …", "nothing in the documents on …", "no mention of …".
  /\b(?:nothing|no\s+mention|no\s+information|no\s+details?|no\s+reference)\s+(?:here|about|of|in\s+(?:the|these|this|what)|mentions?)\b/i,
  /\bno\s+mention\b/i,
  // "That isn't covered in the extracts I have", "… isn't on the list I've got".
  new RegExp(
    `\\b${NOT}\\s+(?:\\w+\\s+)?(?:covered|mentioned|stated|specified|listed|included|given|addressed|on|in)\\b[^.;]*?${DOC_REF.source}`,
    'i',
  ),
];

// "The passages cover overdraft charges and …", "the info only covers lift prices".
const SUMMARY = new RegExp(`${DOC_SUBJECT.source}\\s+(?:only\\s+|just\\s+|also\\s+)?${SAYING}\\b`, 'i');

// The documents' own words: left out of an absence or summary statement's topic.
const DOC_WORDS = new Set(
  [
    ...'document documents doc docs passage passages context information info details detail extract extracts excerpt excerpts text source sources note notes material materials snippet snippets result results'.split(
      ' ',
    ),
    ...'say says said mention mentions mentioned state states stated specify specifies specified list lists listed cover covers covered explain explains address addresses indicate indicates tell tells show shows give gives include includes contain contains talk anything nothing whether see find spot locate confirm sorry got here only actual'.split(
      ' ',
    ),
  ].map(stem),
);

/** Which kind of statement about the documents the claim is, if any. */
export function contextStatementKind(claim: string): ContextStatementKind | undefined {
  const text = claim.replace(/[’‘]/g, "'");
  if (ABSENCE_PATTERNS.some((p) => p.test(text))) return 'absence';
  if (SUMMARY.test(text)) return 'summary';
  return undefined;
}

/** Share of the topic's weight that one context sentence (or the whole context) states. */
const STATED_TOPIC = 2 / 3;

/**
 * True when the claim talks about the documents and states nothing the check should weigh: an
 * absence whose topic no context sentence states, or a summary whose topics the context states.
 */
export function isExemptContextStatement(claim: string, facts: ClaimFacts, index: ContextIndex): boolean {
  const kind = contextStatementKind(claim);
  if (!kind) return false;
  // A number in an absence statement is reported content ("they just say it's open 24 hours"),
  // which may be wrong: such a claim is checked as usual.
  if (kind === 'absence' && facts.numbers.length > 0) return false;
  const topic = facts.terms.filter((t) => !DOC_WORDS.has(t));
  if (topic.length === 0) return kind === 'absence';
  const total = topic.reduce((sum, t) => sum + index.weight(t), 0);
  if (kind === 'summary') {
    if (facts.numbers.some((n) => !index.numberUnits.has(n.value))) return false;
    const stated = topic.reduce((sum, t) => sum + (index.allTerms.has(t) ? index.weight(t) : 0), 0);
    return stated >= STATED_TOPIC * total;
  }
  let best = 0;
  for (const sentence of index.sentences) {
    const stated = topic.reduce((sum, t) => sum + (sentence.terms.has(t) ? index.weight(t) : 0), 0);
    if (stated > best) best = stated;
  }
  return best < STATED_TOPIC * total;
}
