import { describe, expect, it } from 'vitest';
import type { Embedder } from './embedder.js';
import type { EmbedderFactory } from './embedder-factory.js';
import { buildRagIndex, embeddingText } from './rag-index.js';

/** Records what it is asked to fit and embed; every text gets the same unit vector. */
function recordingFactory(withTitle: boolean): EmbedderFactory & { fitted: string[]; embedded: string[] } {
  const fitted: string[] = [];
  const embedded: string[] = [];
  const embedder: Embedder = {
    id: 'test/recording',
    dimension: 2,
    embed: async (texts) => {
      embedded.push(...texts);
      return texts.map(() => Float32Array.of(1, 0));
    },
  };
  return {
    id: embedder.id,
    dimension: 2,
    withTitle,
    fitted,
    embedded,
    fit: (texts) => {
      fitted.push(...texts);
      return new Uint8Array(0);
    },
    create: () => embedder,
  };
}

const documents = [{ id: 'billing/refunds.md', title: 'Refunds', text: 'Money back within 14 days.' }];

describe('buildRagIndex', () => {
  it('fits and embeds title + text when the factory asks for titles, the chunk text otherwise', async () => {
    const titled = recordingFactory(true);
    await buildRagIndex({ documents, chunking: { size: 50, overlap: 0, unit: 'tokens' }, embedder: titled });
    expect(titled.fitted).toEqual(['Refunds\nMoney back within 14 days.']);
    expect(titled.embedded).toEqual(titled.fitted);

    const plain = recordingFactory(false);
    await buildRagIndex({ documents, chunking: { size: 50, overlap: 0, unit: 'tokens' }, embedder: plain });
    expect(plain.embedded).toEqual(['Money back within 14 days.']);
  });

  it('embeds the text alone when a chunk has no title', () => {
    const chunk = {
      id: 'a#0',
      docId: 'a',
      index: 0,
      text: 'body',
      start: 0,
      end: 4,
      headingPath: [],
      tokenCount: 1,
    };
    expect(embeddingText(chunk, { withTitle: true })).toBe('body');
    expect(embeddingText({ ...chunk, title: 'T' }, { withTitle: true })).toBe('T\nbody');
    expect(embeddingText({ ...chunk, title: 'T' }, {})).toBe('body');
  });
});
