import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseHashesStripper, readWithoutCaseHashes } from './read-without-case-hashes.js';

/** The record as the history chart wants it: every "caseHashes" object value emptied. */
function emptied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptied);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'caseHashes' && v && typeof v === 'object' && !Array.isArray(v) ? {} : emptied(v),
      ]),
    );
  return value;
}

const tricky = {
  'a "quoted" {id}': 'aaaaaaaaaaaa',
  'brace } and \\ backslash': 'bbbbbbbbbbbb',
  '😀 caseHashes': 'cccccccccccc',
  caseHashes: 'a key named like it, inside',
  '': '',
};

const record = {
  manifest: {
    name: 'caseHashes',
    note: 'case\\Hashes "caseHashes": {',
    suites: [
      { name: 'a', caseHashes: tricky },
      { name: 'b', caseHashes: {} },
      { name: 'c', caseHashes: { nested: { deeper: '{{' } } },
      { name: 'd', caseHashe: { kept: '1' }, caseHashesX: { kept: '2' } },
      { name: 'e', caseHashes: 'a string value is left as it is' },
      { name: 'f', caseHashes: [{ too: 1 }, 'an array'] },
      { name: 'g', 'case\\u0048ashes': { escaped: 'key, left as it is' } },
      // Written "caseHashe\"s": without its escape it would read as the key.
      { name: 'h', 'caseHashe"s': { kept: '3' } },
    ],
  },
  summary: [{ suite: 'a', metrics: { x: { value: 1 } } }],
};

/** Every way of cutting `text` into pieces of `size` characters, fed through one stripper. */
function stripInPieces(text: string, size: number): string {
  const strip = caseHashesStripper();
  let out = '';
  for (let i = 0; i < text.length; i += size) out += strip(text.slice(i, i + size));
  return out;
}

describe('caseHashesStripper', () => {
  for (const indent of [0, 1]) {
    const text = JSON.stringify(record, null, indent);
    it(`empties every caseHashes object and nothing else, whatever the cut (indent ${indent})`, () => {
      for (const size of [1, 2, 3, 7, 64, text.length]) {
        const out = stripInPieces(text, size);
        expect(JSON.parse(out)).toEqual(emptied(record));
      }
    });
  }

  it('keeps only the rest of the record', () => {
    const text = JSON.stringify(record, null, 1);
    expect(stripInPieces(text, 5).length).toBeLessThan(text.length - 150);
    expect(stripInPieces(text, 5)).not.toContain('aaaaaaaaaaaa');
  });
});

describe('readWithoutCaseHashes', () => {
  it('reads a file in small chunks, characters outside the BMP on their edges', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'evalgate-strip-'));
    const file = path.join(dir, 'run.json');
    const big = { ...record, manifest: { ...record.manifest, title: '😀'.repeat(50) } };
    await writeFile(file, JSON.stringify(big, null, 1));
    for (const chunk of [1, 3, 16, 1 << 16])
      expect(JSON.parse(await readWithoutCaseHashes(file, chunk))).toEqual(emptied(big));
  });
});
