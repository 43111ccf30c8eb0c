import { describe, expect, it } from 'vitest';
import { countTokens, estimateUsage, getTokenizer } from './token-estimate.js';

describe('token-estimate', () => {
  it('counts cl100k_base tokens and round-trips encode/decode', () => {
    const tokenizer = getTokenizer();
    expect(tokenizer.name).toBe('cl100k_base');
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
    const text = 'Refunds: 14 days — naïve café ✓';
    expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
    expect(tokenizer.decode(Array.from(tokenizer.encode(text)))).toBe(text);
    expect(getTokenizer()).toBe(tokenizer);
  });

  it('treats special-token text as ordinary text', () => {
    expect(countTokens('a <|endoftext|> b')).toBeGreaterThan(3);
  });

  it('offers o200k_base too', () => {
    expect(getTokenizer('o200k_base').count('hello world')).toBe(2);
  });

  it('estimates chat usage with per-message overhead, flagged estimated', () => {
    const usage = estimateUsage({ messages: [{ role: 'user', content: 'hello world' }], output: 'hi there' });
    expect(usage).toEqual({ inputTokens: 3 + 3 + 2 + 1, outputTokens: 2, estimated: true });
  });
});
