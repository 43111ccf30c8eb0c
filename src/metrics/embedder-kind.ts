// Whether the embedder behind the embedding metrics can see meaning beyond shared words. The
// offline embedders (local/hash: hashed word and character features; local/lsa: a truncated SVD
// of the corpus's term counts) are lexical: answers in different words score low. A glossary
// must not promise "same meaning in different words" for them.
import { isLocalEmbedderId } from '../rag/embedders/local-embedders.js';

export interface EmbedderInfo {
  /** lexical: local word-count embedders; learned: any other (API) embedder; unknown: not recorded. */
  kind: 'lexical' | 'learned' | 'unknown';
  /** The recorded id, e.g. `local/lsa@128`, or null. */
  name: string | null;
}

export function embedderInfo(embedder: string | null | undefined): EmbedderInfo {
  if (!embedder) return { kind: 'unknown', name: null };
  const base = embedder.split('@')[0];
  return { kind: isLocalEmbedderId(base) ? 'lexical' : 'learned', name: embedder };
}
