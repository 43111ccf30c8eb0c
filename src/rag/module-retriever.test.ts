import { describe, expect, it } from 'vitest';
import { retrieverFromExport, isRetrieverExport } from './module-retriever.js';

const countTokens = (t: string) => t.split(/\s+/).length;

describe('module retriever', () => {
  it('takes a function’s {id, text, score} list, keeping <doc>#<n> and numbering bare ids per document', async () => {
    const retriever = retrieverFromExport(
      async (_q: string, { k }: { k: number }) =>
        [
          { id: 'a.md#3', text: 'alpha three', score: 0.9 },
          { id: 'b.md', text: 'beta' },
          { id: 'b.md', text: 'beta again', score: 0.2 },
          { id: 'c.md', text: 'cut by k' },
        ].slice(0, k + 1),
      { countTokens },
    );
    const got = await retriever.retrieve('q', { k: 3 });
    expect(got.map((r) => [r.chunk.id, r.chunk.docId, r.score, r.rank])).toEqual([
      ['a.md#3', 'a.md', 0.9, 1],
      ['b.md#0', 'b.md', 0.5, 2], // no score: the reciprocal rank stands in
      ['b.md#1', 'b.md', 0.2, 3],
    ]);
    expect(got[0].chunk.tokenCount).toBe(2);
  });

  it('reads document ids from the configured metadata field, and refuses documents without one', async () => {
    const docs = [[{ pageContent: 'x', metadata: { path: 'kb/x.md', source: 'ignored' } }, 0.7]];
    const store = { similaritySearchWithScore: async () => docs };
    const got = await retrieverFromExport(store, { docIdField: 'path', countTokens }).retrieve('q', { k: 5 });
    expect(got.map((r) => [r.chunk.id, r.score])).toEqual([['kb/x.md#0', 0.7]]);
    const missing = retrieverFromExport(store, { docIdField: 'nope', countTokens });
    await expect(missing.retrieve('q')).rejects.toThrow(/no id in metadata\.nope/);
  });

  it('accepts LangChain retrievers (invoke) and rejects anything else', async () => {
    const lc = { invoke: async () => [{ pageContent: 'p', metadata: { source: 's.md' } }] };
    expect(isRetrieverExport(lc)).toBe(true);
    expect(isRetrieverExport({ search: () => [] })).toBe(false);
    expect(isRetrieverExport('module')).toBe(false);
    const got = await retrieverFromExport(lc, { countTokens }).retrieve('q', { k: 2 });
    expect(got[0].chunk).toMatchObject({ id: 's.md#0', docId: 's.md' });
  });
});
