import { describe, expect, it } from 'vitest';
import { getTokenizer } from './tokenizer.js';

describe('getTokenizer', () => {
  it('is one shared cl100k_base encoder', () => {
    expect(getTokenizer()).toBe(getTokenizer());
    expect(getTokenizer().name).toBe('cl100k_base');
  });

  it('encodes, counts and decodes, treating special-token text as text', () => {
    const tokenizer = getTokenizer();
    const text = 'Refunds take 5–10 days 🙂 <|endoftext|>';
    const tokens = tokenizer.encode(text);
    expect(tokenizer.count(text)).toBe(tokens.length);
    expect(tokenizer.decode(tokens)).toBe(text);
    expect(tokenizer.count('')).toBe(0);
    expect(tokenizer.count('hello world')).toBe(2);
  });

  it('reports token byte lengths that add up to the UTF-8 length', () => {
    const tokenizer = getTokenizer();
    const text = 'naïve café 東京 🙂';
    const bytes = Array.from(tokenizer.encode(text)).reduce(
      (sum, t) => sum + tokenizer.tokenByteLength(t),
      0,
    );
    expect(bytes).toBe(Buffer.byteLength(text));
  });
});
