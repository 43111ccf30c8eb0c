// The hash embedder's IDF table: document frequencies per hashed-feature slot, and its fit.
// The fit counts each document's distinct (feature, group) pairs. Unigram and character-n-gram
// features depend on the term only, so each distinct term's features are hashed and numbered
// once, and a document's distinct features are found with stamp arrays over those numbers
// instead of a hash table per document (the per-token version took ~0.75 s of the 5k-document
// LSA bench; this one gives the same table, bit for bit: hash-idf.test.ts).
import { FeatureCounter } from './feature-counter.js';
import { FeatureGroup, bigramHash, termHashes } from './hash-features.js';
import type { InternedTerms } from './interned-terms.js';

/** Document frequencies over hashed features; plain data stored with the index. */
export interface HashEmbedderIdf {
  documentCount: number;
  /** df per hashed-feature bucket; the length is a power of two. */
  df: Uint32Array;
}

export const IDF_BUCKET_BITS = 18;

/** The IDF table is indexed by different hash bits than the vector buckets, so they collide independently. */
export function idfSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

export function fitHashEmbedderIdfOnInterned({ terms, tokens }: InternedTerms): HashEmbedderIdf {
  const df = new Uint32Array(1 << IDF_BUCKET_BITS);
  const shift = 32 - IDF_BUCKET_BITS;
  // Number the distinct unigram and n-gram hashes (distinct terms can share either).
  const unigrams = new KeyNumbering();
  const grams = new KeyNumbering();
  const unigramHash = new Uint32Array(terms.length);
  const unigramOf = new Uint32Array(terms.length);
  const gramOffsets = new Uint32Array(terms.length + 1);
  const gramList: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    const hashes = termHashes(terms[t]);
    unigramHash[t] = hashes[0];
    unigramOf[t] = unigrams.number(hashes[0]);
    for (let i = 1; i < hashes.length; i++) gramList.push(grams.number(hashes[i]));
    gramOffsets[t + 1] = gramList.length;
  }
  const gramOf = Uint32Array.from(gramList);

  // Per document: each distinct term once, each distinct feature counted once (stamps).
  const termSeen = new Int32Array(terms.length).fill(-1);
  const unigramSeen = new Int32Array(unigrams.keys.length).fill(-1);
  const unigramDf = new Uint32Array(unigrams.keys.length);
  const gramSeen = new Int32Array(grams.keys.length).fill(-1);
  const gramDf = new Uint32Array(grams.keys.length);
  const bigrams = new FeatureCounter();
  for (let d = 0; d < tokens.length; d++) {
    const ids = tokens[d];
    bigrams.reset();
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      if (i > 0) bigrams.add(bigramHash(unigramHash[ids[i - 1]], unigramHash[t]), FeatureGroup.Bigram);
      if (termSeen[t] === d) continue;
      termSeen[t] = d;
      const u = unigramOf[t];
      if (unigramSeen[u] !== d) {
        unigramSeen[u] = d;
        unigramDf[u]++;
      }
      for (let p = gramOffsets[t]; p < gramOffsets[t + 1]; p++) {
        const g = gramOf[p];
        if (gramSeen[g] !== d) {
          gramSeen[g] = d;
          gramDf[g]++;
        }
      }
    }
    for (let i = 0; i < bigrams.size; i++) df[idfSlot(bigrams.key(i), shift)]++;
  }
  unigrams.keys.forEach((key, u) => {
    df[idfSlot(key, shift)] += unigramDf[u];
  });
  grams.keys.forEach((key, g) => {
    df[idfSlot(key, shift)] += gramDf[g];
  });
  return { documentCount: tokens.length, df };
}

/** Consecutive numbers for distinct 32-bit keys: open addressing over typed arrays (a Map of such keys was ~5× slower). */
class KeyNumbering {
  keys: number[] = [];
  private table = new Int32Array(1 << 12).fill(-1);
  private stored = new Uint32Array(1 << 12);

  number(key: number): number {
    const mask = this.table.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const id = this.table[slot];
      if (id < 0) break;
      if (this.stored[slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.keys.length;
    this.table[slot] = id;
    this.stored[slot] = key;
    this.keys.push(key);
    if (this.keys.length * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const size = this.table.length * 2;
    const mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.stored = new Uint32Array(size);
    this.keys.forEach((key, id) => {
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & mask;
      this.table[slot] = id;
      this.stored[slot] = key;
    });
  }
}
