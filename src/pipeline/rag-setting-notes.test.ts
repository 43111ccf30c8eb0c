import { describe, expect, it } from 'vitest';
import { ragSettingNotes } from './rag-setting-notes.js';

describe('ragSettingNotes', () => {
  it('says when rag.lsa_max_terms is set for an embedder that ignores it', () => {
    expect(ragSettingNotes({ embedder: 'local/hash', lsa_max_terms: 5000 })).toEqual([
      'rag.lsa_max_terms (5000) has no effect: only the local/lsa embedder has a vocabulary cap, and rag.embedder is local/hash',
    ]);
  });

  it('says so when a rag.retriever module replaces the index the setting would shape', () => {
    expect(
      ragSettingNotes({ embedder: 'local/lsa', lsa_max_terms: 5000, retriever: 'module/app/r.mjs#search' }),
    ).toEqual(['rag.lsa_max_terms (5000) has no effect: rag.retriever replaces the built-in index']);
  });

  it('is silent when the setting is used or unset', () => {
    expect(ragSettingNotes({ embedder: 'local/lsa', lsa_max_terms: 5000 })).toEqual([]);
    expect(ragSettingNotes({ embedder: 'openai/text-embedding-3-small' })).toEqual([]);
  });
});
