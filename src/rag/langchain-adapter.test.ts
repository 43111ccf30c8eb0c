// The adapter takes anything shaped like a LangChain retriever or vector store (@langchain/core is
// an optional peer), so these tests use plain objects of those shapes; the real LangChain.js
// classes (HNSWLib, a retrieval chain) are exercised end to end by examples/langchain-rag in CI.
import { describe, expect, it } from 'vitest';
import { assembleContext } from './context-assembler.js';
import { asSimilarities, fromLangChainRetriever, fromLangChainVectorStore } from './langchain-adapter.js';

interface Doc {
  pageContent: string;
  metadata: Record<string, unknown>;
}
const Document = class {
  pageContent: string;
  metadata: Record<string, unknown>;
  constructor(fields: Doc) {
    this.pageContent = fields.pageContent;
    this.metadata = fields.metadata;
  }
};
/** A retriever's shape: `invoke(query)` resolves to documents. */
const FakeRetriever = class {
  constructor(private readonly options: { output: Doc[] }) {}
  async invoke(_query: string): Promise<Doc[]> {
    return this.options.output;
  }
};
/** A vector store's shape, scoring by word overlap: the share of query words a text holds. */
const overlapStore = (texts: string[], metadatas: Record<string, unknown>[]) => ({
  async similaritySearchWithScore(query: string, k = 4): Promise<[Doc, number][]> {
    const words = query.split(' ');
    return texts
      .map((text, i): [Doc, number] => [
        { pageContent: text, metadata: metadatas[i] },
        words.filter((w) => text.split(' ').includes(w)).length / words.length,
      ])
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  },
});

describe('fromLangChainRetriever', () => {
  it('maps documents to retrieved chunks with doc ids from metadata', async () => {
    const retriever = new FakeRetriever({
      output: [
        new Document({
          pageContent: 'Refunds take 5 to 10 days.',
          metadata: { docId: 'billing/refunds.md', chunkIndex: 2 },
        }),
        new Document({
          pageContent: 'Reset links expire after 60 minutes.',
          metadata: { source: 'account/password-reset.md' },
        }),
        new Document({
          pageContent: 'Refunds go to the original card.',
          metadata: { id: 'billing/refunds.md' },
        }),
        new Document({
          pageContent: 'SSO needs a Business plan.',
          metadata: { source: 'technical/sso.md', score: 0.25 },
        }),
      ],
    });
    const hits = await fromLangChainRetriever(retriever).retrieve('refund');
    expect(hits.map((h) => [h.chunk.id, h.chunk.docId, h.rank])).toEqual([
      ['billing/refunds.md#2', 'billing/refunds.md', 1],
      ['account/password-reset.md#0', 'account/password-reset.md', 2],
      ['billing/refunds.md#3', 'billing/refunds.md', 3],
      ['technical/sso.md#0', 'technical/sso.md', 4],
    ]);
    expect(hits.map((h) => h.score)).toEqual([1, 1 / 2, 1 / 3, 0.25]);
    expect(hits[0].chunk.tokenCount).toBeGreaterThan(0);
    expect(await fromLangChainRetriever(retriever).retrieve('refund', { k: 1 })).toHaveLength(1);
    // The result plugs straight into context assembly with [doc#n] markers.
    expect(assembleContext({ retrieved: hits.slice(0, 1), budgetTokens: 100 }).text).toBe(
      '[billing/refunds.md#2]\nRefunds take 5 to 10 days.',
    );
  });

  it('accepts a custom doc-id mapping', async () => {
    const retriever = new FakeRetriever({
      output: [new Document({ pageContent: 'x', metadata: { source: 'rag/corpus/a.md' } })],
    });
    const hits = await fromLangChainRetriever(retriever, {
      docIdOf: (d) => String(d.metadata?.source).replace('rag/corpus/', ''),
    }).retrieve('q');
    expect(hits[0].chunk.docId).toBe('a.md');
  });
});

describe('fromLangChainVectorStore', () => {
  it('searches with scores and keeps the store ranking', async () => {
    const store = overlapStore(
      ['refund policy for annual plans', 'password reset link', 'sso certificate error'],
      [{ id: 'refunds.md' }, { id: 'password.md' }, { id: 'sso.md' }],
    );
    const hits = await fromLangChainVectorStore(store, { k: 2 }).retrieve('refund policy for annual plans');
    expect(hits).toHaveLength(2);
    expect(hits[0].chunk.docId).toBe('refunds.md');
    expect(hits[0].score).toBeCloseTo(1, 5);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    expect(await fromLangChainVectorStore(store).retrieve('sso certificate error', { k: 3 })).toHaveLength(3);
  });

  it('reads a rising list of scores as distances and keeps the store ranking (PGVectorStore, HNSWLib)', async () => {
    const doc = (id: string) => ({ pageContent: id, metadata: { id } });
    const store = {
      async similaritySearchWithScore(): Promise<[Doc, number][]> {
        return [
          [doc('a.md'), 0.25],
          [doc('b.md'), 0.5],
          [doc('c.md'), 1],
        ];
      },
    };
    const hits = await fromLangChainVectorStore(store).retrieve('q');
    expect(hits.map((h) => h.chunk.docId)).toEqual(['a.md', 'b.md', 'c.md']);
    expect(hits.map((h) => h.score)).toEqual([0.8, 1 / 1.5, 0.5]);
  });
});

describe('asSimilarities', () => {
  const doc = { pageContent: 'x' };
  it('leaves similarities (falling or flat) as they are', () => {
    const falling: [typeof doc, number][] = [
      [doc, 0.9],
      [doc, 0.4],
    ];
    expect(asSimilarities(falling)).toBe(falling);
    const flat: [typeof doc, number][] = [
      [doc, 1],
      [doc, 1],
    ];
    expect(asSimilarities(flat)).toBe(flat);
    expect(asSimilarities([])).toEqual([]);
  });
  it('does not flip a list that is not ranked by one direction', () => {
    const unordered: [typeof doc, number][] = [
      [doc, 0.2],
      [doc, 0.9],
      [doc, 0.5],
    ];
    expect(asSimilarities(unordered)).toBe(unordered);
  });
  it('negates rising negative distances so the order is kept', () => {
    const scores = asSimilarities([
      [doc, -0.3],
      [doc, 0.2],
    ]).map(([, s]) => s);
    expect(scores).toEqual([0.3, -0.2]);
  });
});

describe('a vector store that returns distances', () => {
  const doc = (id: string) => ({ pageContent: id, metadata: { id } });
  const replies: [Doc, number][][] = [
    [
      [doc('a.md'), 0],
      [doc('b.md'), 1],
    ],
    [[doc('a.md'), 0]],
    [
      [doc('a.md'), 1],
      [doc('b.md'), 1],
    ],
  ];
  it('is learned from its first ranked answer and applied to later single or tied answers', async () => {
    let call = 0;
    const store = { similaritySearchWithScore: async () => replies[call++] };
    const retriever = fromLangChainVectorStore(store);
    expect((await retriever.retrieve('q')).map((h) => h.score)).toEqual([1, 0.5]);
    // A perfect match alone scores 1, and two orthogonal matches score 0.5, not "1" as raw.
    expect((await retriever.retrieve('q')).map((h) => h.score)).toEqual([1]);
    expect((await retriever.retrieve('q')).map((h) => h.score)).toEqual([0.5, 0.5]);
  });
  it('can be declared (scoreKind) before any answer shows it', async () => {
    const store = { similaritySearchWithScore: async () => [[doc('a.md'), 0.25]] as [Doc, number][] };
    const hits = await fromLangChainVectorStore(store, { scoreKind: 'distance' }).retrieve('q');
    expect(hits[0].score).toBe(0.8);
  });
});
