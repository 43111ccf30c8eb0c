// Builds test_cases/hallucination-dev-perturbed.jsonl: the sample's gold answers (supported by
// their relevant articles) and copies of them perturbed in known ways, each labelled. Rerun with
// `node scripts/make-hallucination-dev.js`; the output is deterministic (choices come from a hash
// of the case id, not a clock or Math.random), so the committed file can be checked against it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test_cases/hallucination-dev-perturbed.jsonl');

// Entities a model confuses with each other: a swap stays inside its group.
const GROUPS = [
  ['Free', 'Team', 'Business', 'Enterprise'],
  ['Windows', 'macOS', 'Linux'],
  ['iOS', 'Android'],
  ['Slack', 'Jira', 'Microsoft Teams', 'Google Drive'],
  ['Owner', 'Admin', 'Manager', 'Editor', 'Viewer', 'Guest'],
  ['Visa', 'Mastercard', 'PayPal'],
  ['Okta', 'Azure AD', 'OneLogin'],
  ['Splunk', 'Datadog', 'Sumo Logic'],
];
const AUX = /\b(is|are|was|were|can|will|does|do|did|must|should|has|have)\b/;
const NEGATED = /\b(not|never)\b|n't\b/;

const hash = (text) => createHash('sha256').update(text).digest().readUInt32BE(0);
const pick = (items, key) => items[hash(key) % items.length];

function readArticle(docId) {
  const text = readFileSync(join(ROOT, 'rag/corpus', docId), 'utf8');
  // Headings and list markers are layout, not claims; keep the prose.
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .replaceAll('**', '')
    .trim();
}

function sentencesOf(text) {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 6 && /[.!?]$/.test(s) && !s.includes('|'));
}

function changeNumber(answer, context, key) {
  const match = /(?<![\w.])(\d+(?:\.\d+)?)(?![\w.]*\d)/.exec(answer);
  if (!match) return null;
  const n = Number(match[1]);
  const fromContext = (context.match(/(?<![\w.])\d+(?![\w.]*\d)/g) ?? []).filter((x) => Number(x) !== n);
  // Half the time a number the article does state (the harder mix-up), else a nearby wrong one.
  const replacement =
    fromContext.length > 0 && hash(`${key}:ctx`) % 2 === 0
      ? pick(fromContext, key)
      : String(n >= 10 ? n + pick([5, 10, -5, 20], key) : n + pick([1, 2, 3], key));
  if (Number(replacement) === n || Number(replacement) < 0) return null;
  return answer.slice(0, match.index) + replacement + answer.slice(match.index + match[1].length);
}

function swapEntity(answer, key) {
  for (const group of GROUPS) {
    const present = group.find((name) => new RegExp(`\\b${name}\\b`).test(answer));
    if (!present) continue;
    const other = pick(
      group.filter((name) => name !== present && !new RegExp(`\\b${name}\\b`).test(answer)),
      key,
    );
    if (other) return answer.replace(new RegExp(`\\b${present}\\b`), other);
  }
  return null;
}

function flipNegation(answer) {
  if (/^No,\s*/.test(answer)) return answer.replace(/^No,\s*/, 'Yes, ').replace(NEGATED, (m) => (m === "n't" ? '' : ''));
  if (NEGATED.test(answer)) return answer.replace(/\bnever\b/, 'always').replace(/\s*\bnot\b|n't\b/, '');
  if (/^Yes[,:]\s*/.test(answer)) return null;
  const aux = AUX.exec(answer);
  if (!aux) return null;
  return `${answer.slice(0, aux.index + aux[0].length)} not${answer.slice(aux.index + aux[0].length)}`;
}

// "If you…" → "if you…" when joined mid-sentence, but "Orbitly…" keeps its capital.
const lowerFirst = (s) => {
  const first = /^[A-Z][a-z]+/.exec(s)?.[0];
  return first && lowerWords.has(first.toLowerCase()) ? s[0].toLowerCase() + s.slice(1) : s;
};

const cases = readFileSync(join(ROOT, 'test_cases/support-qa.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .filter((c) => c.reference && c.relevant_docs?.length > 0);
const folders = new Map();
for (const c of cases)
  for (const doc of c.relevant_docs) folders.set(doc, sentencesOf(readArticle(doc)));
const allDocs = [...folders.keys()].sort();
const lowerWords = new Set(allDocs.flatMap((d) => readArticle(d).match(/\b[a-z]+\b/g) ?? []));

const rows = [];
for (const c of cases) {
  // The articles are referenced, not copied (the evaluator reads them from rag/corpus).
  const joined = c.relevant_docs.map(readArticle).join('\n');
  const split = hash(`split:${c.id}`) % 4 === 0 ? 'tune' : 'test';
  const base = { source: c.id, split, question: c.question, context_docs: c.relevant_docs };
  const answer = c.reference;
  const push = (kind, hallucinated, text) => {
    if (text && text !== answer) rows.push({ id: `${c.id}-${kind}`, part: 'perturbed', kind, hallucinated, ...base, answer: text });
  };
  rows.push({ id: `${c.id}-supported`, part: 'perturbed', kind: 'supported', hallucinated: false, ...base, answer });
  const own = folders.get(c.relevant_docs[0]).filter((s) => !answer.includes(s));
  const topic = c.relevant_docs[0].split('/')[0];
  const elsewhere = allDocs.filter((d) => !d.startsWith(`${topic}/`)).flatMap((d) => folders.get(d));
  const stripped = answer.replace(/[.!?]\s*$/, '');
  if (own.length > 0) push('supported-compound', false, `${stripped}, and ${lowerFirst(pick(own, `own:${c.id}`))}`);
  push('number-change', true, changeNumber(answer, joined, c.id));
  push('entity-swap', true, swapEntity(answer, c.id));
  push('negation-flip', true, flipNegation(answer));
  push('unsupported-addition', true, `${answer} ${pick(elsewhere, `add:${c.id}`)}`);
  push('partial-support', true, `${stripped}, and ${lowerFirst(pick(elsewhere, `part:${c.id}`))}`);
}
const text = `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
// --check: exit 1 when the committed file is not what this script makes (the tests run it).
if (process.argv.includes('--check')) {
  const same = readFileSync(OUT, 'utf8') === text;
  console.log(same ? 'up to date' : `${OUT} differs from what scripts/make-hallucination-dev.js makes`);
  process.exit(same ? 0 : 1);
}
writeFileSync(OUT, text);
const count = (f) => rows.filter(f).length;
console.log(
  `${rows.length} cases (${count((r) => r.hallucinated)} unsupported; tune ${count((r) => r.split === 'tune')}, test ${count((r) => r.split === 'test')}) → ${OUT}`,
);
