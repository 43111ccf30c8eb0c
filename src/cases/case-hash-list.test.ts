// The compact per-case fingerprints: every entry still readable across the byte pages, and a
// line or case hash that differs in any kept byte is told apart.
import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { CaseHashList, lineHash } from './case-hash-list.js';

describe('CaseHashList', () => {
  it('keeps 12,000 entries across three pages, each matched only by its own hashes', () => {
    const list = new CaseHashList();
    const caseHash = (i: number) => sha256(`case ${i}`);
    for (let i = 0; i < 12_000; i++) list.push(lineHash(i + 1, `line ${i}`), caseHash(i));
    expect(list.length).toBe(12_000);
    // A page holds 5,461 entries (64 KB / 12 bytes): both sides of each page edge.
    for (const i of [0, 255, 256, 999, 5460, 5461, 5462, 10_921, 10_922, 11_999]) {
      expect(list.sameLine(i, lineHash(i + 1, `line ${i}`))).toBe(true);
      expect(list.sameCase(i, caseHash(i))).toBe(true);
      // The same text on another line, or another text: not the same line.
      expect(list.sameLine(i, lineHash(i + 2, `line ${i}`))).toBe(false);
      expect(list.sameLine(i, lineHash(i + 1, `line ${i} `))).toBe(false);
      expect(list.sameCase(i, caseHash(i + 1))).toBe(false);
    }
  });

  it('compares the first 12 hex digits of a case hash, the manifest’s short hash', () => {
    const list = new CaseHashList();
    const full = sha256('x');
    list.push(lineHash(1, 'x'), full.slice(0, 12));
    expect(list.sameCase(0, full)).toBe(true);
    const flipped = `${full.slice(0, 11)}${full[11] === '0' ? '1' : '0'}`;
    expect(list.sameCase(0, flipped)).toBe(false);
  });
});
