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

  it('refuses a pass over a file that changed after the scan, and reads it only when iterated', () => {
    const file = write(`${qa(1)}\n${qa(2)}\n`);
    const scanned = scan(file);
    // Edited in place (same length, new time): the run would not run the cases it recorded.
    writeFileSync(file, `${qa(1)}\n${qa(3)}\n`);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const iterator = scanned.variants[Symbol.iterator]();
    expect(errorOf(() => iterator.next()).code).toBe('CASES_CHANGED');
  });
});
