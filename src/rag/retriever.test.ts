import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus-loader.js';
import { createHashEmbedderFactory } from './embedders/hash-embedder.js';
import { buildRagIndex } from './rag-index.js';
import { createRetriever } from './retriever.js';
import type { RetrievedChunk } from './types.js';

const corpus = loadCorpus(new URL('./__fixtures__/corpus', import.meta.url).pathname);
const index = await buildRagIndex({
  documents: corpus.documents,
  chunking: { size: 60, overlap: 10, unit: 'tokens' },
  embedder: createHashEmbedderFactory({ dimension: 256 }),
});

const docsOf = (hits: RetrievedChunk[]): string[] => hits.map((h) => h.chunk.docId);

describe('createRetriever', () => {
  it('finds the relevant document in every mode', async () => {
    for (const mode of ['dense', 'bm25', 'hybrid'] as const) {
      const retriever = createRetriever({ index, mode, k: 3 });
      expect(docsOf(await retriever.retrieve('How long does a refund take to arrive?'))[0], mode).toBe(
        'billing/refunds.md',
      );
      expect(docsOf(await retriever.retrieve('reset link expired'))[0], mode).toBe(
        'account/password-reset.md',
      );
      expect(docsOf(await retriever.retrieve('SAML certificate error SSO-2'))[0], mode).toBe(
        'technical/sso.md',
      );
    }
  });

  it('ranks 1..k with scores that do not increase, deterministically', async () => {
    const retriever = createRetriever({ index, k: 4 });
    const first = await retriever.retrieve('billing contact invoices');
    expect(first.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < first.length; i++) expect(first[i].score).toBeLessThanOrEqual(first[i - 1].score);
    expect(await retriever.retrieve('billing contact invoices')).toEqual(first);
    expect(await retriever.retrieve('billing contact invoices', { k: 2 })).toEqual(first.slice(0, 2));
  });

  it('fuses dense and BM25 lists by reciprocal rank', async () => {
    const pool = 10;
    const dense = await createRetriever({ index, mode: 'dense', k: pool, candidatePool: pool }).retrieve(
      'refund payment method',
    );
    const bm25 = await createRetriever({ index, mode: 'bm25', k: pool, candidatePool: pool }).retrieve(
      'refund payment method',
    );
    const hybrid = await createRetriever({
      index,
      mode: 'hybrid',
      k: 3,
      candidatePool: pool,
      rrfK: 60,
    }).retrieve('refund payment method');
    const rrf = (id: string): number =>
      [dense, bm25].reduce((sum, list) => {
        const at = list.findIndex((r) => r.chunk.id === id);
        return at < 0 ? sum : sum + 1 / (60 + at + 1);
      }, 0);
    for (const hit of hybrid) expect(hit.score).toBeCloseTo(rrf(hit.chunk.id), 12);
  });

  it('returns nothing for a query with no content words in lexical and dense modes', async () => {
    expect(await createRetriever({ index, mode: 'hybrid' }).retrieve('the and of')).toEqual([]);
  });

  it('applies a re-ranker to the candidates before cutting to k', async () => {
    const retriever = createRetriever({
      index,
      k: 2,
      rerank: async (_query, chunks) =>
        chunks.filter((c) => c.chunk.docId === 'general.txt').map((c) => ({ ...c, score: 42 })),
    });
    const hits = await retriever.retrieve('support hours refund');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.chunk.docId === 'general.txt' && h.score === 42)).toBe(true);
    expect(hits.map((h) => h.rank)).toEqual(hits.map((_, i) => i + 1));
  });

  it('diversifies with MMR over the candidates', async () => {
    const plain = await createRetriever({ index, mode: 'dense', k: 5 }).retrieve('refund');
    const diverse = await createRetriever({ index, mode: 'dense', k: 5, mmr: { lambda: 0.3 } }).retrieve(
      'refund',
    );
    expect(diverse[0].chunk.id).toBe(plain[0].chunk.id);
    expect(new Set(docsOf(diverse)).size).toBeGreaterThanOrEqual(new Set(docsOf(plain)).size);
    const same = await createRetriever({ index, mode: 'dense', k: 5, mmr: { lambda: 1 } }).retrieve('refund');
    expect(same.map((r) => r.chunk.id)).toEqual(plain.map((r) => r.chunk.id));
  });
});
