import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseHashesJson } from '../cases/case-hashes-json.js';
import { createRng } from '../core/rng.js';
import { withLazyCaseHashes } from './lazy-case-hashes.js';
import type { RunRecord } from './types.js';
import { indentCompactJson, runRecordPieces, writeRunRecord } from './write-run-record.js';

const TRICKY_IDS = [
  'c-1',
  '7',
  '007',
  '__proto__',
  'quote " and \\ backslash',
  'ends with backslash \\',
  '\\"',
  'ünï 😀 \u2028',
  'lone \ud800 surrogate',
  'a:b,c{d}[e]',
  '',
];

/** The scan's text for `ids` (what eval hands to withLazyCaseHashes) and the object it stands for. */
function hashes(ids: readonly string[]): { json: string; object: Record<string, string> } {
  const builder = caseHashesJson();
  const object: Record<string, string> = Object.create(null);
  ids.forEach((id, i) => {
    const hash = i.toString(16).padStart(12, '0');
    builder.add(id, hash);
    object[id] = hash;
  });
  return { json: builder.text(), object };
}

function record(suites: object[]): RunRecord {
  return {
    manifest: { schemaVersion: 2, runId: 'r1', name: 'demo', suites, counts: { results: 3 } },
    aggregates: [{ suite: 'qa', metrics: { 'answer.f1': { value: 0.5, low: null } }, tags: [] }],
    gate: { status: 'pass', checks: [] },
  } as unknown as RunRecord;
}

const suiteEntry = (name: string) => ({ name, task: 'qa', cases: 3, file: `${name}.jsonl`, fileHash: 'f00' });
const expected = (r: RunRecord) => `${JSON.stringify(r, null, 1)}\n`;
const written = (r: RunRecord) => [...runRecordPieces(r)].join('');

describe('runRecordPieces', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes what JSON.stringify(record, null, 1) writes, with lazy, plain and replaced case hashes', () => {
    const tricky = hashes(TRICKY_IDS);
    const empty = hashes([]);
    const replaced = withLazyCaseHashes(suiteEntry('c'), tricky.json);
    replaced.caseHashes = { only: '000000000000' };
    const r = record([
      withLazyCaseHashes(suiteEntry('a'), tricky.json),
      withLazyCaseHashes(suiteEntry('empty'), empty.json),
      { ...suiteEntry('b'), caseHashes: tricky.object },
      replaced,
      suiteEntry('none'),
      withLazyCaseHashes(suiteEntry('a again'), tricky.json),
    ]);
    expect(written(r)).toBe(expected(r));
  });

  it('copies the scan text instead of parsing it', () => {
    const { json } = hashes(TRICKY_IDS);
    const r = record([withLazyCaseHashes(suiteEntry('a'), json)]);
    const want = expected(r);
    const parse = vi.spyOn(JSON, 'parse');
    expect(written(r)).toBe(want);
    expect(parse).not.toHaveBeenCalled();
  });

  it('matches on random ids, with repeats and array-index ids, and writes in small pieces', () => {
    const rng = createRng(12);
    const alphabet = ['a', 'Z', '0', '9', '"', '\\', ' ', 'é', '😀', '-', ':', ','];
    const ids = Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 0
        ? String(rng.int(50))
        : Array.from({ length: 1 + rng.int(14) }, () => alphabet[rng.int(alphabet.length)]).join(''),
    );
    const r = record([withLazyCaseHashes(suiteEntry('a'), hashes(ids).json)]);
    const pieces = [...runRecordPieces(r)];
    expect(pieces.join('')).toBe(expected(r));
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(16_384 + 64);
  });
});

describe('indentCompactJson', () => {
  const values: unknown[] = [
    {},
    [],
    { a: 1, b: [1, 2, { c: null, d: true, e: false }], f: {}, g: [], h: 'x,y:z}' },
    [[], [[]], {}, [{ a: -1.5e-7 }], 'q"\\'],
    { nested: { deeper: { deepest: [0] } } },
    'just a string',
    42,
  ];

  it('indents as JSON.stringify(value, null, 1) at any depth', () => {
    for (const value of values) {
      const compact = JSON.stringify(value);
      expect([...indentCompactJson(compact, 0)].join('')).toBe(JSON.stringify(value, null, 1));
      // Two levels down, as in {"x": {"y": value}}.
      const outer = JSON.stringify({ x: { y: value } }, null, 1);
      expect(outer).toBe(`{\n "x": {\n  "y": ${[...indentCompactJson(compact, 2)].join('')}\n }\n}`);
    }
  });
});

describe('writeRunRecord', () => {
  const dir = () => mkdtemp(path.join(os.tmpdir(), 'evalgate-run-record-'));

  it('writes the bytes writeFile wrote, with characters outside the BMP on every piece edge', async () => {
    // A record read back from disk (gate, merge): every id is plain text, cut into pieces.
    for (const shift of [0, 1, 2, 3]) {
      const ids = Array.from({ length: 1200 }, (_, i) => `${'x'.repeat(shift)}😀${i}😀😀`);
      const r = record([{ ...suiteEntry('a'), caseHashes: hashes(ids).object }]);
      const folder = await dir();
      await writeRunRecord(folder, r);
      expect((await readFile(path.join(folder, 'run.json'))).equals(Buffer.from(expected(r), 'utf8'))).toBe(
        true,
      );
    }
  });

  it('writes a record without suites as it is', async () => {
    const r = record([]);
    delete (r.manifest as { suites?: unknown }).suites;
    const folder = await dir();
    await writeRunRecord(folder, r);
    expect(await readFile(path.join(folder, 'run.json'), 'utf8')).toBe(expected(r));
  });

  it('writes run.json whole and leaves no temporary file', async () => {
    const folder = await dir();
    const r = record([withLazyCaseHashes(suiteEntry('a'), hashes(TRICKY_IDS).json)]);
    await writeRunRecord(folder, r);
    expect(await readFile(path.join(folder, 'run.json'), 'utf8')).toBe(expected(r));
    expect(await readdir(folder)).toEqual(['run.json']);
  });
});
