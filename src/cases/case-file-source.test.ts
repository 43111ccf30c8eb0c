// The cases file read as a source instead of an array: the same cases as parseCases, read line
// by line (chunk boundaries, CRLF, a missing last newline, multi-byte text), every input error
// still raised by the scan before any pass, and an edited file refused rather than run.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { readLinesSync } from '../core/read-lines-sync.js';
import { filterCaseVariants, scanCaseFile } from './case-file-source.js';
import { expandCounterfactuals } from './expand-counterfactuals.js';
import { parseCases } from './load-cases.js';

const NO_BIAS = { attributes: {} } as never;
const BIAS = {
  attributes: { gender: { groups: { women: { name: 'Maria' }, men: { name: 'John' } } } },
} as never;

let dir = '';
let files = 0;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'evalgate-case-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A new cases file with this text. */
function write(text: string): string {
  const file = path.join(dir, `cases${files++}.jsonl`);
  writeFileSync(file, text);
  return file;
}

function qa(i: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `q${i}`,
    question: `Question ${i}?`,
    reference: `r${i}`,
    context: 'c',
    ...extra,
  });
}

function scan(file: string, bias = NO_BIAS) {
  return scanCaseFile({ file, displayPath: 'cases.jsonl', task: 'qa', bias });
}

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('readLinesSync', () => {
  it('yields every line with its number across chunk boundaries, multi-byte text and no final newline', () => {
    // Lines longer than the 256 KB read size, and 'é' (two bytes) straddling chunk edges.
    const long = 'é'.repeat(200_000);
    const lines = ['first', long, '', `${long}x`, 'last\r'];
    const file = write(lines.join('\n'));
    const read = [...readLinesSync(file)];
    expect(read.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5]);
    expect(read.map((l) => l.text)).toEqual(lines);
  });

  it('closes the file when the consumer stops early', () => {
    const file = write('a\nb\nc\n');
    const lines = readLinesSync(file);
    expect(lines.next().value).toEqual({ text: 'a', lineNo: 1 });
    expect(lines.return()).toEqual({ done: true, value: undefined });
  });
});

describe('scanCaseFile', () => {
  it('yields the cases parseCases gives, with the same hashes, on every pass', () => {
    const text = `// comment\n${qa(1)}\r\n\n${qa(2, { tags: ['a'] })}\n${qa(3)}`;
    const file = write(text);
    const scanned = scan(file);
    const expected = expandCounterfactuals(parseCases(text, { displayPath: 'x', task: 'qa' }), NO_BIAS, 'x');
    expect(scanned.variants.length).toBe(3);
    expect([...scanned.variants]).toEqual(expected);
    expect([...scanned.variants]).toEqual(expected);
    expect(Object.keys(JSON.parse(scanned.caseHashesJson))).toEqual(['q1', 'q2', 'q3']);
    expect(Array.isArray(scanned.variants)).toBe(false);
  });

  it('counts counterfactual variants and lets a filter keep whole cases', () => {
    const file = write(
      `${JSON.stringify({ id: 'b1', question: 'Is {{name}} here?', reference: 'yes', context: 'c' })}\n${qa(2)}\n`,
    );
    const scanned = scan(file, BIAS);
    expect(scanned.variants.length).toBe(3);
    expect([...scanned.variants].map((v) => v.evalCase.id)).toEqual([
      'b1[gender=women]',
      'b1[gender=men]',
      'q2',
    ]);
    const kept = filterCaseVariants(scanned.variants, (v) => v.baseId === 'b1');
    expect(kept.length).toBe(2);
    expect([...kept].map((v) => v.baseId)).toEqual(['b1', 'b1']);
  });

  it('raises input errors during the scan, with file and line', () => {
    const bad = errorOf(() => scan(write(`${qa(1)}\n{"id": "q2"}\n`)));
    expect(bad.code).toBe('CASE_INVALID');
    expect(bad.message).toBe('cases.jsonl:2: question: required (string)');
    const dup = errorOf(() => scan(write(`${qa(1)}\n${qa(1)}\n`)));
    expect(dup.message).toContain('duplicate id "q1" (first used on line 1)');
    expect(errorOf(() => scan(write('\n// only a comment\n'))).code).toBe('CASES_EMPTY');
    expect(errorOf(() => scan(path.join(os.tmpdir(), 'evalgate-no-such-cases.jsonl'))).code).toBe(
      'CASES_NOT_FOUND',
    );
    const placeholder = errorOf(() =>
      scan(write(JSON.stringify({ id: 'p', question: '{{who}}?', reference: 'r', context: 'c' }))),
    );
    expect(placeholder.code).toBe('CASE_PLACEHOLDER');
  });

  it('refuses a pass over a file whose cases changed after the scan, before yielding the edit', () => {
    const file = write(`${qa(1)}\n${qa(2)}\n`);
    const scanned = scan(file);
    writeFileSync(file, `${qa(1)}\n${qa(3)}\n`);
    const iterator = scanned.variants[Symbol.iterator]();
    // The unchanged first case still runs; the edited one is refused instead of yielded.
    expect((iterator.next().value as { baseId: string }).baseId).toBe('q1');
    const error = errorOf(() => iterator.next());
    expect(error.code).toBe('CASES_CHANGED');
    expect(error.message).toBe(
      'cases.jsonl:2: case "q3" is not the case the run started with; the run stopped before sending it (the file was edited during the run)',
    );
  });

  it('refuses a case edited mid-pass in a file larger than one read chunk', () => {
    // Two cases of ~200 KB: the first 256 KB chunk holds case 1 and the start of case 2, so an
    // edit at the end of case 2 made after case 1 was yielded is read from the new bytes.
    const pad = 'x'.repeat(200_000);
    const line = (i: number, reference: string) =>
      JSON.stringify({ id: `q${i}`, question: `Question ${i}?`, context: pad, reference });
    const file = write(`${line(1, 'r1')}\n${line(2, 'r2')}\n`);
    const scanned = scan(file);
    const iterator = scanned.variants[Symbol.iterator]();
    expect((iterator.next().value as { baseId: string }).baseId).toBe('q1');
    writeFileSync(file, `${line(1, 'r1')}\n${line(2, 'R2')}\n`);
    expect(errorOf(() => iterator.next()).code).toBe('CASES_CHANGED');
  });

  it('refuses a pass over a file that lost, gained or broke a case', () => {
    const file = write(`${qa(1)}\n${qa(2)}\n`);
    const scanned = scan(file);
    writeFileSync(file, `${qa(1)}\n`);
    expect(errorOf(() => [...scanned.variants]).message).toContain('fewer cases than when the run started');
    writeFileSync(file, `${qa(1)}\n${qa(2)}\n${qa(3)}\n`);
    expect(errorOf(() => [...scanned.variants]).message).toContain('cases.jsonl:3: case "q3"');
    writeFileSync(file, `${qa(1)}\n{"id": "q2"\n`);
    expect(errorOf(() => [...scanned.variants]).message).toContain(
      'cases.jsonl:2: this line no longer parses',
    );
    rmSync(file);
    expect(errorOf(() => [...scanned.variants]).code).toBe('CASES_NOT_FOUND');
  });

  it('runs a file that was touched, rewritten with the same bytes, or reformatted', () => {
    const file = write(`${qa(1)}\n${qa(2)}\n`);
    const scanned = scan(file);
    const ids = () => [...scanned.variants].map((v) => v.baseId);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(ids()).toEqual(['q1', 'q2']);
    writeFileSync(file, `${qa(1)}\n${qa(2)}\n`);
    expect(ids()).toEqual(['q1', 'q2']);
    // CRLF, other key order and spacing: the same cases on the same lines, so not an edit (a
    // case's line number is part of its hash, as in the manifest).
    const q2 = { context: 'c', reference: 'r2', question: 'Question 2?', id: 'q2' };
    writeFileSync(file, `${qa(1)}\r\n${JSON.stringify(q2, null, 0).replace(/,/g, ', ')}  \r\n\r\n`);
    expect(ids()).toEqual(['q1', 'q2']);
  });

  it('keeps every case id in the case hashes, `__proto__` too', () => {
    const scanned = scan(write(`${qa(2)}\n${qa(1, { id: '__proto__' })}\n${qa(3, { id: '10' })}\n`));
    const hashes = JSON.parse(scanned.caseHashesJson) as Record<string, string>;
    expect(Object.keys(hashes)).toEqual(['10', 'q2', '__proto__']);
    expect(Object.hasOwn(hashes, '__proto__')).toBe(true);
  });

  it('writes the case hashes as the same JSON text as before', () => {
    // Pinned: the manifest's caseHashes, fileHash and resume fingerprint derive from this text.
    expect(scan(write(`${qa(2)}\n${qa(3, { id: '10' })}\n`)).caseHashesJson).toBe(PINNED_HASHES);
  });
});

const PINNED_HASHES = '{"10":"0b7ca6a3a35f","q2":"6e4ac0d408e3"}';
