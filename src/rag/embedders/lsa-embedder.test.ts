import { describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../../core/errors.js';
import { createHashEmbedder, fitHashEmbedderIdf } from './hash-embedder.js';
import {
  createLsaEmbedder,
  createLsaEmbedderFactory,
  decodeLsaEmbedderState,
  encodeLsaEmbedderState,
  fitLsaEmbedderState,
} from './lsa-embedder.js';
import { createLsaProjector, fitLsaModel } from './lsa-model.js';

const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i], 0);
// Two topics whose words co-occur only within their own topic.
const corpus = [
  'invoice refund payment',
  'refund card charge',
  'invoice charge receipt',
  'payment receipt card',
  'charge refund invoice receipt',
  'password login token',
  'token session expiry',
  'login password reset',
  'session token login',
  'reset password session expiry',
];

describe('LSA model', () => {
  it('puts texts that share no word but share a topic close together', () => {
    const project = createLsaProjector(fitLsaModel(corpus, { rank: 2 }));
    const vector = (text: string): Float32Array => {
      const out = new Float32Array(2);
      project(text, out);
      return out;
    };
    const query = vector('refund receipt');
    expect(cosine(query, vector('card charge'))).toBeGreaterThan(0.9);
    expect(Math.abs(cosine(query, vector('session token')))).toBeLessThan(0.1);
    // Unknown words and stopwords alone have no latent direction.
    expect(Array.from(vector('the weather in lisbon'))).toEqual([0, 0]);
  });
});

describe('createLsaEmbedder', () => {
  it('scores a same-topic text with no shared word above an unrelated one, which hashing alone cannot', async () => {
    const embedder = createLsaEmbedder(fitLsaEmbedderState(corpus, { rank: 2 }));
    const [query, sameTopic, otherTopic] = await embedder.embed([
      'refund receipt',
      'card charge',
      'session token',
    ]);
    expect(cosine(query, sameTopic)).toBeGreaterThan(cosine(query, otherTopic) + 0.4);
    const hash = createHashEmbedder({ dimension: 256, idf: fitHashEmbedderIdf(corpus) });
    const [hq, hs, ho] = await hash.embed(['refund receipt', 'card charge', 'session token']);
    expect(Math.abs(cosine(hq, hs) - cosine(hq, ho))).toBeLessThan(0.2);
  });

  it('is deterministic: the same corpus gives the same state bytes and vectors', async () => {
    const a = encodeLsaEmbedderState(fitLsaEmbedderState(corpus, { rank: 4 }));
    const b = encodeLsaEmbedderState(fitLsaEmbedderState(corpus, { rank: 4 }));
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const [va] = await createLsaEmbedder(decodeLsaEmbedderState(a)).embed(['refund my card charge']);
    const [vb] = await createLsaEmbedder(decodeLsaEmbedderState(b)).embed(['refund my card charge']);
    expect(Array.from(vb)).toEqual(Array.from(va));
  });

  it('round-trips its state through encode and decode', async () => {
    const state = fitLsaEmbedderState(corpus, { rank: 3 });
    const decoded = decodeLsaEmbedderState(encodeLsaEmbedderState(state));
    expect(decoded.model.rank).toBe(3);
    expect(decoded.model.terms).toEqual(state.model.terms);
    expect(Array.from(decoded.model.idf)).toEqual(Array.from(state.model.idf));
    expect(Array.from(decoded.model.projection)).toEqual(Array.from(state.model.projection));
    expect(decoded.idf.documentCount).toBe(corpus.length);
    expect(Array.from(decoded.idf.df)).toEqual(Array.from(state.idf.df));
    const texts = ['invoice receipt', 'password expiry'];
    expect((await createLsaEmbedder(decoded).embed(texts)).map((v) => Array.from(v))).toEqual(
      (await createLsaEmbedder(state).embed(texts)).map((v) => Array.from(v)),
    );
  });

  it('keeps its dimension and unit length when the corpus is smaller than the rank', async () => {
    const embedder = createLsaEmbedder(fitLsaEmbedderState(corpus.slice(0, 2), { rank: 64 }));
    expect(embedder.dimension).toBe(256 + 64);
    const [vector, empty] = await embedder.embed(['refund payment', 'the and of']);
    expect(vector).toHaveLength(320);
    expect(cosine(vector, vector)).toBeCloseTo(1, 5);
    // The corpus has rank 2: the other latent dimensions are exactly 0.
    expect(Array.from(vector.subarray(256 + 2)).every((x) => x === 0)).toBe(true);
    // Stopwords only: no features, a zero vector the retriever treats as matching nothing.
    expect(Array.from(empty).every((x) => x === 0)).toBe(true);
  });

  it('rejects a damaged state with an index error, not a crash later', () => {
    const bytes = encodeLsaEmbedderState(fitLsaEmbedderState(corpus, { rank: 2 }));
    expect(() => decodeLsaEmbedderState(bytes.subarray(0, 40))).toThrow(RuntimeFailure);
    expect(() => decodeLsaEmbedderState(new Uint8Array(16))).toThrow(/not an evalgate column file/);
  });
});

describe('the vocabulary cap', () => {
  // Document frequencies (stemmed): alpha 4, beta 3, gamma 2, delta 2, epsilon 1, zeta 1.
  const texts = ['alpha beta gamma', 'alpha beta delta', 'alpha beta epsilon', 'alpha gamma delta zeta'];

  it('keeps the terms in the most texts, ties by term, and no more than the cap', () => {
    expect(fitLsaModel(texts, { rank: 2, maxTerms: 4 }).terms).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(fitLsaModel(texts, { rank: 2, maxTerms: 3 }).terms).toEqual(['alpha', 'beta', 'delta']);
    const all = fitLsaModel(texts, { rank: 2 });
    expect(all.terms).toEqual(['alpha', 'beta', 'delta', 'gamma', 'epsilon', 'zeta']);
    // The projection and IDF follow the kept vocabulary.
    const capped = fitLsaModel(texts, { rank: 2, maxTerms: 3 });
    expect(capped.projection).toHaveLength(3 * 2);
    expect(Array.from(capped.idf)).toEqual(Array.from(all.idf.subarray(0, 3)));
  });

  it('gives a text made only of terms past the cap no latent direction', () => {
    const project = createLsaProjector(fitLsaModel(texts, { rank: 2, maxTerms: 3 }));
    const out = new Float32Array(2);
    project('epsilon zeta gamma', out);
    expect(Array.from(out)).toEqual([0, 0]);
    project('alpha gamma', out);
    expect(Math.hypot(out[0], out[1])).toBeCloseTo(1, 6);
  });
});

describe('createLsaEmbedderFactory', () => {
  it('names itself by rank, asks for titles, and creates the embedder from its fitted state', async () => {
    const factory = createLsaEmbedderFactory({ rank: 8 });
    expect(factory).toMatchObject({ id: 'local/lsa@8', dimension: 264, withTitle: true });
    const embedder = factory.create(factory.fit!(corpus));
    expect(embedder.id).toBe('local/lsa@8');
    const [vector] = await embedder.embed(['refund']);
    expect(vector).toHaveLength(264);
  });

  it("cannot be created without a fitted state or from another rank's state", () => {
    const factory = createLsaEmbedderFactory({ rank: 8 });
    expect(() => factory.create()).toThrow(RuntimeFailure);
    const other = createLsaEmbedderFactory({ rank: 4 }).fit!(corpus);
    expect(() => factory.create(other)).toThrow(/local\/lsa@4 state cannot serve local\/lsa@8/);
    expect(() => createLsaEmbedderFactory({ rank: 0 })).toThrow(RangeError);
  });

  it('carries a non-default vocabulary cap in its id, fits under it, and refuses a state over it', async () => {
    const capped = createLsaEmbedderFactory({ rank: 2, maxTerms: 5 });
    expect(capped.id).toBe('local/lsa@2,max_terms=5');
    expect(createLsaEmbedderFactory({ rank: 2, maxTerms: 32_768 }).id).toBe('local/lsa@2');
    const state = capped.fit!(corpus);
    expect(decodeLsaEmbedderState(state).model.terms).toHaveLength(5);
    expect(capped.create(state).id).toBe('local/lsa@2,max_terms=5');
    const uncapped = createLsaEmbedderFactory({ rank: 2 }).fit!(corpus);
    expect(() => capped.create(uncapped)).toThrow(
      /keeps 12 terms, more than local\/lsa@2,max_terms=5 allows/,
    );
    expect(() => createLsaEmbedderFactory({ maxTerms: 0 })).toThrow(RangeError);
    expect(() => createLsaEmbedderFactory({ maxTerms: 2.5 })).toThrow(RangeError);
  });
});
