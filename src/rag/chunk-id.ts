// Chunk ids: `<document id>#<chunk index>` (`billing/refunds.md#3`). The one place that builds
// a chunk id from a document and reads the document back out of one; document ids may contain
// `#` themselves (`notes/c#-sharp.md`), so only a trailing `#<digits>` is the chunk part.

export function chunkIdOf(docId: string, index: number): string {
  return `${docId}#${index}`;
}

/** `billing/refunds.md#3` → `billing/refunds.md`; an id without a chunk suffix is returned as is. */
export function docIdOfChunk(chunkId: string): string {
  return chunkId.replace(/#\d+$/, '');
}
