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
// A referral ("ask the practice directly") is skipped only right after a true absence statement,
// as the refusal's advice (isReferral below); anywhere else it is checked, since the party it
// names ("your Customer Success Manager") is often the very detail a model made up. The phrase
// lists are written from ordinary English usage of RAG answers.
import { stem } from '../../text/analyze.js';
import type { ClaimFacts } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import { DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';

export type ContextStatementKind = 'absence' | 'summary';

// Nouns that name the documents and nothing else ("results", "sources" and "materials" name real
// things too: "your test results", "the source code"), and kinds of document a retriever returns
// ("the specs I have", "this SOP", "the leaflet"). Not "policy", "plan", "terms", "manual",
// "spec", "notice" or "profile": "the policy doesn't cover flood damage", "the manual version",
// "the notice period", "the off-peak profile" are things of the world.
const DOC_NOUNS =
  'documents document docs passages passage context information info details extracts extract excerpts excerpt text notes snippets snippet specs specification specifications sop leaflet handbook faq brochure datasheet listing';
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

// "They only say that …", "It only gives …", "What they do cover is …": what the documents do
// say, after the answer said what they don't. The pronoun names the documents only there, and only
// with a verb of reporting ("say", "describe", "list") or a restriction ("only covers"): "It
// includes a milk frother" is about the product.
const REPORTING_VERBS =
  'say says state states mention mentions list lists describe describes explain explains report reports set\\s+out sets\\s+out deal\\s+with deals\\s+with talk\\s+about talks\\s+about go\\s+into goes\\s+into focus\\s+on focuses\\s+on';
const CONTENT_VERBS = 'cover covers give gives include includes';
const REPORTING = `(?:${alternatives(REPORTING_VERBS)}|(?:are|is)\\s+(?:only\\s+|just\\s+|all\\s+)?about)`;
const ANY_VERB = `(?:${REPORTING}|${alternatives(CONTENT_VERBS)})`;
const LEAD_WORDS = '(?:(?:but|however|instead|rather)\\b,?\\s+)?';
const RESTRICTION = '(?:only|just|mainly|simply)';
const THEN = '\\s+(?:only\\s+|just\\s+)?(?:that\\s+)?';
const DOCUMENT_LEAD = new RegExp(
  `^${LEAD_WORDS}(?:${DOC_SUBJECT.replace(/^\\b/, '')}\\s+(?:(?:do|does)\\s+)?(?:${RESTRICTION}\\s+|also\\s+)?${ANY_VERB}${THEN}|(?:what|all)\\s+${DOC_SUBJECT.replace(/^\\b/, '')}\\s+(?:do\\s+|does\\s+)?${ANY_VERB}\\s+(?:is|are)\\s+(?:that\\s+)?)`,
  'i',
);
// "They"/"these" may take "only cover" too; "it"/"this" names the product as often as the
// documents ("It only includes a milk frother"), so only a verb of reporting counts after it.
const PLURAL = '(?:they|these|those|the\\s+rest)';
const SINGULAR = '(?:it|this)';
const PRONOUN_LEAD = new RegExp(
  `^${LEAD_WORDS}(?:${PLURAL}\\s+(?:(?:do)\\s+)?(?:(?:${RESTRICTION}\\s+|also\\s+)?${REPORTING}|${RESTRICTION}\\s+${ANY_VERB}|${ANY_VERB}(?=\\s+${RESTRICTION}\\b))${THEN}|${SINGULAR}\\s+(?:does\\s+)?(?:${RESTRICTION}\\s+|also\\s+)?${REPORTING}${THEN}|(?:what|all)\\s+${PLURAL}\\s+(?:do\\s+)?${ANY_VERB}\\s+(?:is|are)\\s+(?:that\\s+)?)`,
  'i',
);
// Items of a summary: cut at punctuation and list conjunctions (a comma inside a number is not a cut).
const ITEM_BREAK =
  /\s*(?:;|:|\(|\)|(?<!\d),|,(?!\d)|\s[—–-]\s|—|\s+(?:and|or|but|plus|as\s+well\s+as)\s+)\s*/iu;
// Where a thing is named at the start of the first item ("Basic", "the Starter plan").
const SUBJECT =
  /^(?:(?:the|a|an|its|their)\s+)?(?:\p{Lu}[\p{L}\d'’-]*\s+){0,3}\p{Lu}[\p{L}\d'’-]*(?:\s+(?:plan|tier|model|version|pass|card|account|policy|ticket|option|service|range|product|package))?/u;

// An item that goes on about the same thing: "… and includes 10 GB", "… and costs £12".
const ATTRIBUTE_VERB =
  /^(?:includes?|has|have|costs?|offers?|gives?|allows?|lets|supports?|comes?|runs?|takes?|is|are|can|cannot|can't|will|won't|must|needs?|requires?|provides?|holds?|weighs?|contains?|charges?|opens?|closes?|covers?|starts?|ends?|lasts?)\b/i;

const PREPOSITION =
  /^(?:against|with|without|for|on|in|at|from|to|of|by|about|over|under|who|which|that|where|when|how|what|whether)\b/i;

/**
 * The items a summary of the documents reports, each to be checked as a claim of its own (a
 * summary packs facts from several sentences, which no single sentence aligns with); undefined
 * when the claim is no such summary, or says what the documents don't cover ("mention nothing
 * about …": an absence statement, judged as one). A pronoun subject counts only after an absence
 * statement. Items after the first that start with a verb keep the first item's subject: "Basic
 * costs £5 and includes 10 GB" checks "Basic includes 10 GB".
 */
export function summaryItems(claim: string, afterAbsence: boolean): string[] | undefined {
  const text = claim.replace(/[’‘]/g, "'").trim();
  if (contextStatementKind(text) === 'absence') return undefined;
  const lead = DOCUMENT_LEAD.exec(text) ?? (afterAbsence ? PRONOUN_LEAD.exec(text) : null);
  if (!lead) return undefined;
  const rest = text.slice(lead[0].length);
  if (/^(?:nothing|no|none|not|neither)\b/i.test(rest)) return undefined;
  const items: string[] = [];
  for (const piece of rest.split(ITEM_BREAK)) {
    const item = piece
      .trim()
      .replace(/^(?:and|or|but|plus)\s+/i, '')
      .replace(/[.!]+$/, '');
    if (!item) continue;
    if (items.length > 0 && !isItemSized(item)) items[items.length - 1] += ` ${item}`;
    else items.push(item);
  }
  const subject = items.length > 1 ? SUBJECT.exec(items[0])?.[0] : undefined;
  if (subject) {
    // "the Starter plan includes daily backups, hourly backups …": the list's later items are
    // more objects of the same verb.
    const verb = ATTRIBUTE_VERB.exec(items[0].slice(subject.length).trimStart())?.[0];
    for (let i = 1; i < items.length; i++) {
      // An item with a subject of its own ("the Duo costs £149") keeps it.
      if (SUBJECT.test(items[i])) continue;
      if (ATTRIBUTE_VERB.test(items[i])) items[i] = `${subject} ${items[i]}`;
      else if (verb && /^[\p{Ll}\d£$€]/u.test(items[i]) && !PREPOSITION.test(items[i]))
        items[i] = `${subject} ${verb} ${items[i]}`;
    }
  }
  return items.length > 0 ? items : undefined;
}

function isItemSized(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}{3,}|\d/u.test(w));
  return words.length >= 2 || /\d/.test(text);
}

// Pointing the user to someone who may know, in three shapes: a verb of asking with the party
// asked ("you'd need to check with an adviser", "it's worth calling the maternity unit"), the party
// with what it can tell ("Member Services could confirm whether …", "the front desk should be able
// to give you …"), and "… would be the best people to ask". A party is a capitalised name or a noun
// of the people or offices one asks.
const PARTY = String.raw`(?:\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*)*|(?:[\p{L}'’-]+\s+){0,3}?(?:team|office|desk|department|service|services|support|clerk|adviser|advisor|manager|provider|pharmacist|pharmacy|doctor|gp|solicitor|lawyer|staff|administrator|admin|helpline|centre|center|unit|officer|reception|council|clinic|operator|airline|landlord|agent|insurer|bank|retailer|manufacturer|organisers?|organizers?|coordinator|registrar|tutor|supervisor|employer|hr|payroll))`;
const ASKING = String.raw`(?:ask(?:ing)?|contact(?:ing)?|call(?:ing)?|phon(?:e|ing)|email(?:ing)?|(?:check|confirm)(?:ing)?\s+(?:this\s+|that\s+|it\s+)?with|speak(?:ing)?\s+(?:to|with)|talk(?:ing)?\s+to|reach(?:ing)?\s+out\s+to|get(?:ting)?\s+in\s+touch\s+with|(?:enquir|inquir)(?:e|ing)\s+with)`;
const ASKING_LEAD = String.raw`(?:you(?:['’]d|\s+would|\s+will|\s+should|\s+could|\s+may|\s+might|\s+can)?\s+(?:(?:need|want|have)\s+to\s+|be\s+best\s+to\s+)?|(?:it['’]s|it\s+is|it\s+would\s+be)\s+(?:best|worth|a\s+good\s+idea)(?:\s+to)?\s+|(?:please|try(?:\s+to)?|best\s+to)\s+)?`;
const REFERRAL = new RegExp(
  [
    // "They'll be able to tell you", after the party was named: "it" is as often the thing itself.
    String.raw`^(?:and\s+)?(?:they|he|she)(?:['’]ll\s+|['’]d\s+|\s+(?:should|could|can|will|would|may|might)\s+)(?:be\s+able\s+to\s+)?(?:tell|confirm|advise|clarify|answer|know|let\s+you\s+know)(?:\s+you)?(?:\s+(?:more|for\s+sure|directly|whether|if|what|which|how|when|where|who)\b|\s*[.!]?\s*$)`,
    String.raw`(?:^|[,;:—–-]\s*|\b(?:so|then|and|or)\s+)${ASKING_LEAD}${ASKING}\s+(?:the\s+|your\s+|an?\s+|their\s+)?${PARTY}`,
    String.raw`${PARTY}\s+(?:should|could|can|will|would|may|might)\s+(?:be\s+able\s+to\s+)?(?:tell|confirm|advise|clarify|answer)\s+(?:you|whether|if|what|which|how|when)\b`,
    String.raw`${PARTY}\s+(?:should|could|can|will|would|may|might)\s+be\s+able\s+to\s+(?:give|provide|explain)\s+you\b`,
    String.raw`\bbest\s+(?:people|person|place|ones?)\s+to\s+ask\b`,
  ].join('|'),
  'u',
);

// What the party can tell ("who can confirm whether …", "they'll know"): the referral itself. Not
// what it would tell ("can confirm that parking is free" states it), though "can confirm that
// (for you)" only points back.
const STATED_THAT = String.raw`(?:\s+you)?\s+that\s+(?!for\b|with\b)\p{L}+\s+\p{L}`;
const TELLS = String.raw`(?:['’]ll\s+|['’]d\s+|\s+(?:should|could|can|will|would|may|might)\s+)(?:be\s+(?:able|happy|glad|pleased)\s+to\s+)?(?:tell|confirm|advise|clarify|answer|help|assist|explain|know|let\s+you\s+know|give\s+you|provide\s+you)\b(?!${STATED_THAT})`;
// "they are the best people to ask": the referral said again.
const BEST_TO_ASK = String.raw`(?:['’]re|['’]s|\s+are|\s+is)\s+(?:the\s+best|best\s+placed|well\s+placed)\b`;
const REFERS_ON = `(?:${TELLS}|${BEST_TO_ASK})`;
// "where staff can advise": the clause's own subject before what it can tell.
const SUBJECT_TELLS = String.raw`(?:\s+\p{L}+){0,2}?${TELLS}`;
// "as this can change", "as it varies by area": a hedge on the answer, not a fact about the party.
const HEDGE = String.raw`\s+(?:(?:can|may|might|could|will|does|do|is\s+likely\s+to)\s+)?(?:change|changes|vary|varies|differ|differs)\b`;
const PRONOUN = '(?:it|they|he|she|this|there)';
// A clause stating something of its own after the party: a relative clause (", which offers free
// overnight parking", "(who run the car park)"), a second clause ("; they offer …", ": parking is
// free there", "—it is open …", ", they offer …"), where the party is or who runs it (", located
// beside the terminal", ", run by the council"), what the party would tell ("can confirm that
// parking is free") or a reason (", as they offer …"). Without a comma "which", "who" and "where"
// ask ("check with the office which entrance to use").
const OWN_CLAUSE = new RegExp(
  [
    String.raw`[,(]\s*(?:which|who|whose|where)\b(?!${SUBJECT_TELLS})`,
    String.raw`[;:—–]\s*(?!${PRONOUN}?${REFERS_ON})\p{L}`,
    String.raw`,\s*${PRONOUN}\b(?!${REFERS_ON}|${HEDGE})`,
    String.raw`,\s*(?:located|situated|based\s+(?:in|at|on\s+the)|run\s+by|operated\s+by|owned\s+by|open)\b`,
    `^${STATED_THAT}`,
    String.raw`\s-\s*(?!${PRONOUN}?${REFERS_ON})\p{L}`,
    String.raw`\b(?:and|because|since|as)\s+${PRONOUN}\b(?!${REFERS_ON}|${HEDGE})`,
  ].join('|'),
  'iu',
);
// A reason given before the referral ("As they offer free parking, ask …") states a fact too.
const REASON_FIRST = new RegExp(String.raw`\b(?:because|since|as)\s+${PRONOUN}\b(?!${TELLS}|${HEDGE})`, 'iu');

/**
 * After the answer said, truly, that the documents do not cover something, a sentence that points
 * the user to someone who may know is the refusal's advice, not a fact about the world ("Payroll or
 * HR would be the best people to ask"). Not when it states a number: "call 0300 123 4567" is a
 * fact to check; nor when it says something of the party besides what it can tell ("the
 * Harbourview Parking Office, which offers free overnight parking": statesMoreThanReferral).
 * Anywhere else a referral is checked as any claim.
 */
export function isReferral(claim: string, facts: ClaimFacts): boolean {
  // Case matters (a capitalised name is a party), except for the sentence's own first capital:
  // "Contact lenses must be removed" names no one to contact.
  const text = claim
    .trim()
    .replace(/^([^\p{L}]*)(\p{Lu})/u, (_, lead: string, first: string) => lead + first.toLowerCase());
  if (facts.numbers.length > 0) return false;
  const match = REFERRAL.exec(text);
  return match !== null && !statesMoreThanReferral(text, match);
}

// The referral exempts only itself: a fact said around it (often about a party the model made up)
// must still be checked.
function statesMoreThanReferral(text: string, match: RegExpExecArray): boolean {
  const after = text.slice(match.index + match[0].length);
  return OWN_CLAUSE.test(after) || REASON_FIRST.test(text.slice(0, match.index));
}
