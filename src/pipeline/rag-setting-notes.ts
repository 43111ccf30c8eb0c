// Notes on rag settings a run accepts but does not use, so a setting that does nothing never
// passes silently. Notes, not errors: a sweep may vary rag.embedder over a base config that sets
// one embedder's option.
import type { RagConfig } from '../config/schema.js';

export function ragSettingNotes(rag: Pick<RagConfig, 'embedder' | 'lsa_max_terms' | 'retriever'>): string[] {
  const notes: string[] = [];
  if (rag.lsa_max_terms !== undefined && rag.retriever)
    notes.push(
      `rag.lsa_max_terms (${rag.lsa_max_terms}) has no effect: rag.retriever replaces the built-in index`,
    );
  else if (rag.lsa_max_terms !== undefined && rag.embedder !== 'local/lsa')
    notes.push(
      `rag.lsa_max_terms (${rag.lsa_max_terms}) has no effect: only the local/lsa embedder has a vocabulary cap, and rag.embedder is ${rag.embedder}`,
    );
  return notes;
}
