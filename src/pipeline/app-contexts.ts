// When the application under test returns the passages it used, they replace the built-in
// retrieval on the case: ranked documents for the retrieval metrics (`<doc>#<n>` collapses to
// `<doc>`), passages for context relevance, unsupported content and citations, and the
// documents failure attribution compares with the relevant ones.
import type { AppContext } from '../providers/app/app-reply.js';
import type { ContextPassage } from '../providers/language-model.js';
import type { CaseResult } from '../run/types.js';
import { docIdOfChunk } from '../rag/chunk-id.js';
import { collapseToDocuments } from '../scorers/retrieval/collapse-to-documents.js';

export function applyAppContexts(result: CaseResult, contexts: readonly AppContext[]): ContextPassage[] {
  // The built-in pipeline's own retrieval (if a `rag` block also exists) is not what was used.
  delete result.context;
  delete result.retrieval;
  const ids = contexts.map((c) => c.id);
  // Ranking metrics need every passage's document; without ids they are not assessed.
  if (contexts.length === 0 || ids.every((id): id is string => id !== undefined)) {
    const known = ids as string[];
    result.retrieval = {
      chunks: contexts.map((c, i) => ({
        id: known[i],
        docId: docIdOfChunk(known[i]),
        score: c.score ?? null,
      })),
      docs: collapseToDocuments(known),
    };
  }
  return contexts.map((c, i) => ({ id: c.id ?? `context#${i}`, text: c.text }));
}
