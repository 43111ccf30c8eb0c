// Retrieval returns chunks; relevance is judged per document. Every chunk of a document collapses
// onto the document's best-ranked chunk, so the document list keeps chunk rank order, deduplicated.
import { docIdOfChunk } from '../../rag/chunk-id.js';

export function collapseToDocuments(chunks: ReadonlyArray<string | { docId: string }>): string[] {
  const seen = new Set<string>();
  const docs: string[] = [];
  for (const chunk of chunks) {
    const docId = typeof chunk === 'string' ? docIdOfChunk(chunk) : chunk.docId;
    if (!seen.has(docId)) {
      seen.add(docId);
      docs.push(docId);
    }
  }
  return docs;
}
