import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createPieceCounter, createPieceEncoder } from './piece-counts.js';

const tiktoken = createRequire(import.meta.url)('tiktoken') as typeof import('tiktoken');
const encoding = tiktoken.get_encoding('cl100k_base');
const whole = (text: string) => encoding.encode_ordinary(text).length;

function repoTexts(): string[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const texts: string[] = [];
  for (const dir of ['prompts/intent', 'prompts/support-answer', 'test_cases', 'docs'])
    for (const f of readdirSync(path.join(root, dir)))
      if (/\.(md|jsonl)$/.test(f)) texts.push(readFileSync(path.join(root, dir, f), 'utf8'));
  return texts;
}

describe('createPieceCounter (cl100k_base, ASCII)', () => {
  it('gives exactly the encoder’s count on the repository’s prompts, cases and docs', () => {
    const counter = createPieceCounter(whole);
    let checked = 0;
    for (const text of repoTexts())
      for (const line of text.split(/(?<=\n)/)) {
        const got = counter.count(line);
        if (got === null) continue; // non-ASCII: left to the encoder
        expect(got, line).toBe(whole(line));
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives exactly the encoder’s count on random ASCII with runs of spaces, newlines, digits and contractions', () => {
    const counter = createPieceCounter(whole);
    const rng = createRng(7);
    const atoms = [
      ' ',
      '  ',
      '   ',
      '\n',
      '\r\n',
      '\n\n',
      '\t',
      "'s",
      "'S",
      "'ll",
      "'Re",
      "'ve",
      "'d",
      "'m",
      "'t",
      "'x",
      'a',
      'Hello',
      'world',
      'x',
      '12',
      '12345',
      '3.14',
      '!',
      '?!',
      '...',
      '(',
      '"',
      '{{',
      '-',
      '_',
      '#',
      '\u000b',
      '\f',
      'ABC',
      'don',
      'isn',
      'O',
      '$',
      '%',
      '@',
      '\\',
    ];
    for (let t = 0; t < 3000; t++) {
      let text = '';
      const n = 1 + rng.int(30);
      for (let i = 0; i < n; i++) text += atoms[rng.int(atoms.length)];
      expect(counter.count(text), JSON.stringify(text)).toBe(whole(text));
    }
  });

  it('declines non-ASCII text (the encoder counts it) and counts the empty string as 0', () => {
    const counter = createPieceCounter(whole);
    expect(counter.count('café au lait')).toBeNull();
    expect(counter.count('it’s')).toBeNull();
    expect(counter.count('')).toBe(0);
  });

  it('looks each distinct piece up once', () => {
    let calls = 0;
    const counter = createPieceCounter((p) => {
      calls++;
      return whole(p);
    });
    counter.count('the cat and the hat and the cat');
    expect(calls).toBe(5); // "the", " cat", " and", " the", " hat"
  });

  it('encodes to exactly the encoder’s token ids on the repository’s texts and random ASCII', () => {
    const encoder = createPieceEncoder((p) => encoding.encode_ordinary(p));
    const rng = createRng(11);
    const texts = repoTexts().flatMap((t) => t.split(/(?<=\n\n)/));
    const atoms = [' ', '   ', '\n', '\r\n', "'s", "'LL", 'word', '42', '12345', '?!', '...', '\t', 'Z'];
    for (let t = 0; t < 1000; t++)
      texts.push(Array.from({ length: 1 + rng.int(25) }, () => atoms[rng.int(atoms.length)]).join(''));
    let checked = 0;
    for (const text of texts) {
      const got = encoder.encode(text);
      if (got === null) continue;
      expect([...got], JSON.stringify(text.slice(0, 80))).toEqual([...encoding.encode_ordinary(text)]);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(encoder.encode('naïve')).toBeNull();
  });
});
