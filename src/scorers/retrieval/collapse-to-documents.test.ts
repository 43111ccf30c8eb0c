import { describe, expect, it } from 'vitest';
import { collapseToDocuments, docIdOfChunk } from './collapse-to-documents.js';

describe('collapseToDocuments', () => {
  it('keeps each document at its best-ranked chunk', () => {
    expect(collapseToDocuments(['x.md#2', 'y.md#0', 'x.md#0', 'z.md#1'])).toEqual(['x.md', 'y.md', 'z.md']);
    expect(collapseToDocuments([{ docId: 'b' }, { docId: 'a' }, { docId: 'b' }])).toEqual(['b', 'a']);
  });
  it('splits chunk ids at the last #', () => {
    expect(docIdOfChunk('notes/c#-sharp.md#3')).toBe('notes/c#-sharp.md');
    expect(docIdOfChunk('plain')).toBe('plain');
  });
});
