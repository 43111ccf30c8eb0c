import { describe, expect, it } from 'vitest';
import { chunkIdOf, docIdOfChunk } from './chunk-id.js';

describe('chunk ids', () => {
  it('round-trips a document id, even one with a # of its own', () => {
    for (const docId of ['billing/refunds.md', 'notes/c#-sharp.md', 'notes/c#sharp', 'x#1.md'])
      expect(docIdOfChunk(chunkIdOf(docId, 7))).toBe(docId);
  });

  it('leaves an id without a trailing #<digits> whole', () => {
    expect(docIdOfChunk('notes/c#sharp')).toBe('notes/c#sharp');
    expect(docIdOfChunk('plain')).toBe('plain');
  });
});
