import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { getTokenizer } from './tokenizer.js';
import { createCharMeasure, createTokenMeasure } from './unit-measure.js';

const tokenizer = getTokenizer();
const PIECES = [
  'a',
  'word',
  'Word',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  "'s",
  "'ll",
  "it's",
  '12345',
  '4.99',
  '.',
  ',',
  '!?',
  '(',
  ')',
  '"',
  'é',
  'naïve',
  '東京',
  '🙂',
  '👩‍💻',
  '-',
  '--',
  'https://x.io/a_b',
  ' \n',
  'ALLCAPS',
  'x1y2',
];

function randomText(seed: number, pieces: number): string {
  const rng = createRng(seed);
  return Array.from({ length: pieces }, () => PIECES[rng.int(PIECES.length)]).join('');
}

describe('createTokenMeasure', () => {
  it('counts any span exactly as encoding it on its own would', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const text = randomText(seed, 400);
      const measure = createTokenMeasure(text, tokenizer);
      const rng = createRng(seed * 31);
      for (let i = 0; i < 60; i++) {
        const a = rng.int(text.length);
        const b = a + 1 + rng.int(text.length - a);
        expect(measure.tokenCount(a, b), JSON.stringify(text.slice(a, b))).toBe(
          tokenizer.count(text.slice(a, b)),
        );
      }
    }
  });

  it('measures spans in document tokens and moves by whole tokens', () => {
    const text = 'Refunds take five business days. Card payments arrive sooner.';
    const measure = createTokenMeasure(text, tokenizer);
    expect(measure.units(0, text.length)).toBe(tokenizer.count(text));
    const cut = measure.forward(0, 5);
    expect(tokenizer.count(text.slice(0, cut))).toBe(5);
    const back = measure.backward(text.length, 3);
    expect(tokenizer.count(text.slice(back))).toBe(3);
  });
});

describe('createCharMeasure', () => {
  it('never cuts a surrogate pair', () => {
    const text = 'ab🙂cd';
    const measure = createCharMeasure(text, tokenizer);
    expect(measure.forward(0, 3)).toBe(2);
    expect(measure.backward(text.length, 3)).toBe(4);
  });
});
