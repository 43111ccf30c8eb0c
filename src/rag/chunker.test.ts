import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { InputError } from '../core/errors.js';
import { randomMarkdown } from './__fixtures__/random-markdown.js';
import { chunkDocument } from './chunker.js';
import type { ChunkingOptions } from './chunker.js';
import { getTokenizer } from './tokenizer.js';
import type { Chunk, CorpusDocument } from './types.js';

const tokenizer = getTokenizer();
const fixture = (path: string): CorpusDocument => ({
  id: path,
  title: 'Fixture',
  text: readFileSync(new URL(`./__fixtures__/corpus/${path}`, import.meta.url), 'utf8'),
});

function expectInvariants(doc: CorpusDocument, chunks: Chunk[], options: ChunkingOptions): void {
  chunks.forEach((chunk, i) => {
    expect(chunk.id).toBe(`${doc.id}#${i}`);
    expect(chunk.index).toBe(i);
    expect(chunk.docId).toBe(doc.id);
    expect(doc.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunk.text.trim().length).toBeGreaterThan(0);
    expect(chunk.tokenCount).toBe(tokenizer.count(chunk.text));
    const length = options.unit === 'tokens' ? chunk.tokenCount : chunk.text.length;
    expect(length).toBeLessThanOrEqual(options.size);
    if (i > 0) {
      expect(chunk.start).toBeGreaterThan(chunks[i - 1].start);
      expect(chunk.end).toBeGreaterThan(chunks[i - 1].end);
    }
  });
  // Every non-whitespace character of the document is in some chunk.
  const covered = new Uint8Array(doc.text.length);
  for (const chunk of chunks) covered.fill(1, chunk.start, chunk.end);
  for (let i = 0; i < doc.text.length; i++) {
    if (!covered[i] && /\S/.test(doc.text[i]))
      throw new Error(`character ${i} (${JSON.stringify(doc.text.slice(i - 10, i + 10))}) is in no chunk`);
  }
}

describe('chunkDocument', () => {
  it('splits a markdown document by heading, with heading paths', () => {
    const doc = fixture('billing/refunds.md');
    const chunks = chunkDocument(doc, { size: 400, overlap: 0, unit: 'tokens' });
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Refunds'],
      ['Refunds', 'How to request a refund'],
      ['Refunds', 'Exceptions'],
    ]);
    expect(chunks[1].text.startsWith('## How to request a refund')).toBe(true);
    expect(chunks.every((c) => c.title === 'Fixture')).toBe(true);
    expectInvariants(doc, chunks, { size: 400, overlap: 0, unit: 'tokens' });
  });

  it('joins a heading with no body to the deeper heading below it', () => {
    const doc = {
      id: 'd',
      text: '# Billing\n\n## Refunds\n\nAnnual plans are refunded.\n\n# Other\n\nText.',
    };
    const chunks = chunkDocument(doc, { size: 100, overlap: 0, unit: 'tokens' });
    expect(chunks.map((c) => [c.text, c.headingPath])).toEqual([
      ['# Billing\n\n## Refunds\n\nAnnual plans are refunded.', ['Billing', 'Refunds']],
      ['# Other\n\nText.', ['Other']],
    ]);
  });

  it('ignores # lines inside fenced code', () => {
    const doc = { id: 'd', text: '# Top\n\n```\n# comment\n```\n\nAfter.' };
    expect(chunkDocument(doc, { size: 100, overlap: 0, unit: 'chars' }).map((c) => c.headingPath)).toEqual([
      ['Top'],
    ]);
  });

  it('prefers paragraph, then sentence boundaries, and overlaps from a sentence start', () => {
    const sentences = Array.from(
      { length: 12 },
      (_, i) => `Sentence number ${i} talks about refunds and invoices.`,
    );
    const text = `${sentences.slice(0, 6).join(' ')}\n\n${sentences.slice(6).join(' ')}`;
    const doc = { id: 'd', text };
    const options = { size: 60, overlap: 15, unit: 'tokens' as const };
    const chunks = chunkDocument(doc, options);
    expectInvariants(doc, chunks, options);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.text).toMatch(/^Sentence number \d+/);
      expect(chunk.text).toMatch(/\.$/);
    }
    for (let i = 1; i < chunks.length; i++) {
      // Overlap: the chunk starts inside the previous one, by at most `overlap` tokens.
      expect(chunks[i].start).toBeLessThan(chunks[i - 1].end);
      expect(tokenizer.count(text.slice(chunks[i].start, chunks[i - 1].end))).toBeLessThanOrEqual(
        options.overlap + 1,
      );
    }
  });

  it('packs in characters too', () => {
    const doc = fixture('technical/sso.md');
    const options = { size: 120, overlap: 30, unit: 'chars' as const };
    const chunks = chunkDocument(doc, options);
    expectInvariants(doc, chunks, options);
    const sameSection = chunks.filter(
      (c, i) => i > 0 && c.headingPath.join() === chunks[i - 1].headingPath.join(),
    );
    expect(sameSection.length).toBeGreaterThan(0);
    for (const chunk of sameSection) expect(chunk.start).toBeLessThan(chunks[chunk.index - 1].end);
  });

  it('splits unbroken text at token boundaries without splitting characters', () => {
    const doc = { id: 'd', text: '東京データ🙂'.repeat(200) + 'x'.repeat(3000) };
    for (const unit of ['tokens', 'chars'] as const) {
      const options = { size: 50, overlap: 10, unit };
      const chunks = chunkDocument(doc, options);
      expectInvariants(doc, chunks, options);
      for (const chunk of chunks) expect(chunk.text).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    }
  });

  it('returns no chunks for an empty or blank document', () => {
    expect(chunkDocument({ id: 'd', text: '' }, { size: 10, overlap: 0, unit: 'tokens' })).toEqual([]);
    expect(chunkDocument({ id: 'd', text: ' \n\n ' }, { size: 10, overlap: 0, unit: 'tokens' })).toEqual([]);
  });

  it('rejects overlap >= size with a typed error', () => {
    expect(() => chunkDocument({ id: 'd', text: 'x' }, { size: 10, overlap: 10, unit: 'tokens' })).toThrow(
      InputError,
    );
  });

  it('holds its invariants on seeded random documents', () => {
    const rng = createRng(7);
    for (let i = 0; i < 150; i++) {
      const doc = { id: `doc-${i}`, text: randomMarkdown(rng) };
      const size = 20 + rng.int(300);
      const options = {
        size,
        overlap: rng.int(Math.floor(size / 2)),
        unit: rng.int(2) ? ('tokens' as const) : ('chars' as const),
      };
      expectInvariants(doc, chunkDocument(doc, options), options);
    }
  });

  it('is deterministic', () => {
    const doc = fixture('billing/refunds.md');
    const options = { size: 40, overlap: 10, unit: 'tokens' as const };
    expect(chunkDocument(doc, options)).toEqual(chunkDocument(doc, options));
  });
});

describe('heading titles', () => {
  it('strips a closing # run but keeps a # that belongs to the title', () => {
    const doc = { id: 'd', text: '# Languages ##\n\n## C#\n\nText about C#.' };
    expect(chunkDocument(doc, { size: 100, overlap: 0, unit: 'tokens' }).map((c) => c.headingPath)).toEqual([
      ['Languages', 'C#'],
    ]);
  });
});
