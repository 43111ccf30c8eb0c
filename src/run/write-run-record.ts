// Writes run.json: the text of `JSON.stringify(record, null, 1)` and a newline, byte for byte,
// without holding it whole (issue 12, constant-memory runs). At 100,000 cases the manifest's case
// hashes are most of the file: parsing their scan text back into a 100k-key object (~12 MB, every
// id internalized), stringifying the record (~3.6 MB of text) and encoding it (a 3.6 MB buffer
// whose free raised glibc's mmap threshold) all happened at once at the end of the statistics.
// Here a suite whose hashes are still the scan's text (lazy-case-hashes.ts) has that text copied
// into the file, indented as JSON.stringify would indent it, and the file is written in pieces.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { stringPieces } from '../core/hash.js';
import { lazyCaseHashesText } from './lazy-case-hashes.js';
import { RUN_FILE, writeFileAtomic } from './run-folder.js';
import type { RunRecord } from './types.js';

/** Characters per write: each write encodes at most ~3× this in bytes, far below 128 KB. */
const PIECE = 16_384;

/** Writes `record` as `runDir/run.json`, atomically and in pieces. */
export async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await writeFileAtomic(path.join(runDir, RUN_FILE), runRecordPieces(record));
}

/**
 * The text of run.json in pieces of about PIECE characters (longer only by one string literal
 * of the case hashes). Exported for its tests.
 */
export function* runRecordPieces(record: RunRecord): Generator<string> {
  // Each lazy suite's hashes become a marker string no record can contain by chance; the marker
  // is replaced by the hashes' own text as the file is written.
  const marker = `evalgate-case-hashes-${randomUUID()}-`;
  const texts: string[] = [];
  // A hand-made run.json read back by `gate` may have no suites: then there is nothing to splice.
  if (!Array.isArray(record.manifest.suites)) {
    const whole = `${JSON.stringify(record, null, 1)}\n`;
    yield* slices(whole, 0, whole.length);
    return;
  }
  const suites = record.manifest.suites.map((suite) => {
    const text = lazyCaseHashesText(suite);
    if (text === undefined) return suite;
    // Same keys in the same order, without calling the getter (which would parse the text).
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(suite))
      copy[key] =
        key === 'caseHashes' ? `${marker}${texts.push(text) - 1}` : suite[key as keyof typeof suite];
    return copy;
  });
  const outline = `${JSON.stringify({ ...record, manifest: { ...record.manifest, suites } }, null, 1)}\n`;
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const quoted = `"${marker}${i}"`;
    const found = outline.indexOf(quoted, at);
    if (found < 0) throw new Error(`run.json: case hashes ${i} were not placed`);
    yield* slices(outline, at, found);
    // JSON.stringify(value, null, 1) indents a nested object's keys one space deeper than the
    // line its key is on, and its closing brace as deep as that line.
    const lineStart = outline.lastIndexOf('\n', found) + 1;
    let depth = 0;
    while (outline[lineStart + depth] === ' ') depth++;
    yield* indentCompactJson(texts[i], depth);
    at = found + quoted.length;
  }
  yield* slices(outline, at, outline.length);
}

/** text[from … to) in pieces of at most PIECE characters, never cutting a surrogate pair in two. */
const slices = (text: string, from: number, to: number): Iterable<string> =>
  stringPieces(text.slice(from, to), PIECE);

/**
 * `compact`, the text of JSON.stringify(value) (no whitespace outside strings), as
 * JSON.stringify(value, null, 1) gives it for a value whose line is indented `depth` spaces.
 */
export function* indentCompactJson(compact: string, depth: number): Generator<string> {
  let out = '';
  let level = depth;
  const newline = (d: number): string => `\n${' '.repeat(d)}`;
  for (let i = 0; i < compact.length; ) {
    const c = compact[i];
    if (c === '"') {
      const end = stringEnd(compact, i);
      out += compact.slice(i, end);
      i = end;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      // An empty object or array stays on its line, as JSON.stringify writes it.
      if (compact[i + 1] === close) {
        out += c + close;
        i += 2;
      } else {
        out += c + newline(++level);
        i++;
      }
    } else if (c === '}' || c === ']') {
      out += newline(--level) + c;
      i++;
    } else if (c === ',') {
      out += `,${newline(level)}`;
      i++;
    } else if (c === ':') {
      out += ': ';
      i++;
    } else {
      // A number, true, false or null: up to the next structural character.
      let end = i + 1;
      while (end < compact.length && !',:]}'.includes(compact[end])) end++;
      out += compact.slice(i, end);
      i = end;
    }
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Index just past the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new Error('run.json: unterminated string in case hashes');
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}
