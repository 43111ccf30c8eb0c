import { describe, expect, it } from 'vitest';
import { docIdOfChunk } from '../../rag/chunk-id.js';
import { collapseToDocuments } from './collapse-to-documents.js';

describe('collapseToDocuments', () => {
  it('keeps each document at its best-ranked chunk', () => {
    expect(collapseToDocuments(['x.md#2', 'y.md#0', 'x.md#0', 'z.md#1'])).toEqual(['x.md', 'y.md', 'z.md']);
    expect(collapseToDocuments([{ docId: 'b' }, { docId: 'a' }, { docId: 'b' }])).toEqual(['b', 'a']);
  });
  it('takes only a trailing #<digits> as the chunk part', () => {
    expect(docIdOfChunk('notes/c#-sharp.md#3')).toBe('notes/c#-sharp.md');
    expect(docIdOfChunk('plain')).toBe('plain');
    // A document id with a # of its own and no chunk suffix stays whole.
    expect(docIdOfChunk('notes/c#sharp')).toBe('notes/c#sharp');
    expect(collapseToDocuments(['notes/c#sharp', 'notes/c#sharp#1'])).toEqual(['notes/c#sharp']);
  });
});
