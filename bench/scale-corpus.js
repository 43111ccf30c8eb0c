// The scale benches' seeded synthetic corpus (shared by scale-bench.js and hybrid-stages-bench.js,
// so both measure the same documents and queries): one-chunk documents of English-like words
// from ~100 stems plus rare made-up terms, and three-word queries.
import { createRng } from '../dist/core/rng.js';

const STEMS = (
  'account bill charge refund invoice payment plan seat card bank transfer password reset login token session ' +
  'network server cache latency request response error timeout retry queue worker job schedule deploy release build ' +
  'test suite report metric score model prompt context chunk index search query vector embed rank filter sort page ' +
  'user admin role group team owner member policy rule limit quota usage cost price tax region zone cluster node disk ' +
  'memory file folder upload download export import sync backup restore archive delete update create read write lock'
).split(' ');
const SUFFIXES = ['', '', 's', 'ed', 'ing', 'er', 'ment'];

/** `chunks` documents as JSON lines (id, title, text), then `queryCount` queries, from one seed. */
export function scaleCorpus(chunks, queryCount) {
  const random = createRng(20261206).next;
  const int = (n) => Math.floor(random() * n);
  // Rare made-up terms give documents distinguishing words, as product names and ids do.
  const rare = () => `x${int(50_000).toString(36)}`;
  const word = () => (random() < 0.08 ? rare() : STEMS[int(STEMS.length)] + SUFFIXES[int(SUFFIXES.length)]);
  const sentence = () => Array.from({ length: 8 + int(8) }, word).join(' ');
  const lines = [];
  for (let i = 0; i < chunks; i++)
    lines.push(
      JSON.stringify({
        id: `d${i}`,
        title: `${word()} ${word()}`,
        text: `${sentence()}. ${sentence()}. ${sentence()}.`,
      }),
    );
  const queries = Array.from({ length: queryCount }, () => `${word()} ${word()} ${word()}`);
  return { jsonl: `${lines.join('\n')}\n`, queries };
}
