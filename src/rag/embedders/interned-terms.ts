// A corpus of analysed texts with each distinct term numbered once: the fits of `local/lsa`
// (its lexical IDF table and its LSA matrix) both work on these integer ids in typed arrays,
// so no per-token string hashing happens after this one pass.

export interface InternedTerms {
  /** Distinct terms, in order of first appearance. */
  terms: string[];
  /** Per document, its tokens as indices into `terms` (order and repeats kept). */
  tokens: Uint32Array[];
}

export function internTerms(documents: readonly (readonly string[])[]): InternedTerms {
  const known = new Map<string, number>();
  const terms: string[] = [];
  const tokens = documents.map((words) => {
    const ids = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = known.get(words[i]);
      if (id === undefined) {
        id = terms.length;
        known.set(words[i], id);
        terms.push(words[i]);
      }
      ids[i] = id;
    }
    return ids;
  });
  return { terms, tokens };
}
