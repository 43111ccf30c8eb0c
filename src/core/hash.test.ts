import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import { HASH_PIECE_CHARS, sha256, stringPieces } from './hash.js';

const whole = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

describe('sha256', () => {
  it('equals one update over the whole text, whatever falls on a piece edge', () => {
    const edge = HASH_PIECE_CHARS;
    const pad = 'a'.repeat(edge - 1);
    const texts = [
      '',
      'x',
      'a'.repeat(edge),
      'a'.repeat(edge + 1),
      `${pad}😀tail`, // a surrogate pair straddles the first edge
      `${pad}\ud83dz`, // a lone high surrogate just before the edge
      `${pad}z\ude00`, // a lone low surrogate just after it
      `${pad}\ud83d`, // a lone high surrogate ends the text on the edge
      `${'é'.repeat(edge)}ü😀`.repeat(3),
    ];
    for (const text of texts) expect(sha256(text)).toBe(whole(text));
  });

  it('equals one update on long random text with pairs, lone surrogates and multi-byte characters', () => {
    const rng = createRng(7);
    const alphabet = ['a', 'é', '€', '😀', '\ud83d', '\ude00', '"', '\n'];
    for (let round = 0; round < 5; round += 1) {
      let text = '';
      const n = HASH_PIECE_CHARS * 3 + Math.floor(rng.next() * 1000);
      while (text.length < n) text += alphabet[Math.floor(rng.next() * alphabet.length)];
      expect(sha256(text)).toBe(whole(text));
    }
  });

  it('hashes bytes as they are', () => {
    const bytes = new Uint8Array(HASH_PIECE_CHARS * 2 + 3).map((_, i) => i % 251);
    expect(sha256(bytes)).toBe(whole(bytes));
  });
});

describe('stringPieces', () => {
  it('keeps every piece within the size, never ends one inside a surrogate pair, and loses nothing', () => {
    const text = `ab😀c😀😀d${'😀'.repeat(7)}`;
    for (let size = 2; size <= 6; size += 1) {
      const pieces = [...stringPieces(text, size)];
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeGreaterThan(0);
        expect(piece.length).toBeLessThanOrEqual(size);
        const last = piece.charCodeAt(piece.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }
    }
    expect([...stringPieces('abcde', 2)]).toEqual(['ab', 'cd', 'e']);
    expect([...stringPieces('', 4)]).toEqual([]);
    expect(() => [...stringPieces('abc', 1)]).toThrow(RangeError);
  });
});
