import { describe, expect, it } from 'vitest';
import { assembleContext } from './context-assembler.js';
import { getTokenizer } from './tokenizer.js';
import type { RetrievedChunk } from './types.js';

function retrieved(id: string, text: string, rank: number): RetrievedChunk {
  const [docId, n] = id.split('#');
  return {
    chunk: { id, docId, index: Number(n), text, start: 0, end: text.length, headingPath: [], tokenCount: 0 },
    score: 1 / rank,
    rank,
  };
}

const items = [
  retrieved('a.md#0', 'xxxxxxxxxx', 1),
  retrieved('b.md#2', 'yyyyy', 2),
  retrieved('c.md#1', 'zz', 3),
];
// Counting characters makes the overhead visible: "[a.md#0]\n" is 9, the separator "\n\n" is 2.
const chars = (text: string): number => text.length;

describe('assembleContext', () => {
  it('renders [id] blocks separated by blank lines when everything fits', () => {
    const context = assembleContext({ retrieved: items, budgetTokens: 1000, countTokens: chars });
    expect(context.text).toBe('[a.md#0]\nxxxxxxxxxx\n\n[b.md#2]\nyyyyy\n\n[c.md#1]\nzz');
    // 9 + 10 = 19; + 2 + 9 + 5 = 35; + 2 + 9 + 2 = 48
    expect(context.usedTokens).toBe(48);
    expect(context.overflow).toBe(false);
    expect(context.dropped).toEqual([]);
  });

  it('counts markers and separators against the budget and records what it drops', () => {
    // The three texts alone are 10 + 5 + 2 = 17 characters, far under 47; with markers and
    // separators two blocks take 35 and the third would bring the total to 48.
    const context = assembleContext({ retrieved: items, budgetTokens: 47, countTokens: chars });
    expect(context.included.map((r) => r.chunk.id)).toEqual(['a.md#0', 'b.md#2']);
    expect(context.dropped.map((r) => r.chunk.id)).toEqual(['c.md#1']);
    expect(context.usedTokens).toBe(35);
    expect(context.budgetTokens).toBe(47);
    expect(context.overflow).toBe(true);
  });

  it('stops at the first chunk that does not fit, keeping rank order', () => {
    const context = assembleContext({ retrieved: items, budgetTokens: 18, countTokens: chars });
    expect(context.included).toEqual([]);
    expect(context.dropped).toHaveLength(3);
    expect(context.text).toBe('');
    expect(context.usedTokens).toBe(0);
  });

  it('uses cl100k token counts and a custom format when given', () => {
    const context = assembleContext({
      retrieved: items.slice(0, 1),
      budgetTokens: 100,
      format: (r) => `<${r.chunk.id}> ${r.chunk.text}`,
    });
    expect(context.text).toBe('<a.md#0> xxxxxxxxxx');
    expect(context.usedTokens).toBe(getTokenizer().count(context.text));
  });
});
