import { describe, expect, it } from 'vitest';
import {
  createHashEmbedder,
  createHashEmbedderFactory,
  decodeHashEmbedderIdf,
  encodeHashEmbedderIdf,
  fitHashEmbedderIdf,
} from './hash-embedder.js';

const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i], 0);
const corpus = [
  'Refunds for annual plans are issued within 30 days of purchase.',
  'Reset your password with the link we email you; it expires after 60 minutes.',
  'SAML single sign-on is configured in the security settings.',
  'Invoices are emailed to the billing contact every month.',
  'Our support team answers tickets Monday to Friday.',
];

describe('createHashEmbedder', () => {
  it('is deterministic, unit length, and named by its dimension', async () => {
    const embedder = createHashEmbedder({ dimension: 256 });
    expect(embedder.id).toBe('local/hash@256');
    const [a] = await embedder.embed(['Refunds take five business days.']);
    const [b] = await createHashEmbedder({ dimension: 256 }).embed(['Refunds take five business days.']);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.length).toBe(256);
    expect(cosine(a, a)).toBeCloseTo(1, 5);
  });

  it('scores similar texts above unrelated ones', async () => {
    const embedder = createHashEmbedder({ dimension: 512, idf: fitHashEmbedderIdf(corpus) });
    const [query, paraphrase, related, unrelated] = await embedder.embed([
      'How do I get a refund for my annual plan?',
      'Annual plan refunds are possible within 30 days.',
      'Refunding a yearly subscription',
      'Configure SAML single sign-on for your identity provider.',
    ]);
    expect(cosine(query, paraphrase)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
    // Character n-grams connect inflections (refund / refunding) even without shared stems.
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated));
  });

  it('embeds a batch exactly like one text at a time', async () => {
    const embedder = createHashEmbedder({ dimension: 128 });
    const batch = await embedder.embed(corpus);
    for (let i = 0; i < corpus.length; i++) {
      const [single] = await embedder.embed([corpus[i]]);
      expect(Array.from(batch[i])).toEqual(Array.from(single));
    }
  });

  it('embeds a text without content words as the zero vector', async () => {
    const [v] = await createHashEmbedder({ dimension: 64 }).embed(['the of and']);
    expect(v.every((x) => x === 0)).toBe(true);
  });

  it('down-weights features that occur in every document', async () => {
    const texts = ['acme refund policy', 'acme password policy', 'acme invoice policy'];
    const plain = createHashEmbedder({ dimension: 512 });
    const weighted = createHashEmbedder({ dimension: 512, idf: fitHashEmbedderIdf(texts) });
    const [p1, p2] = await plain.embed(['acme refund policy', 'acme password policy']);
    const [w1, w2] = await weighted.embed(['acme refund policy', 'acme password policy']);
    // Shared words (acme, policy) carry less weight with IDF, so the two texts drift apart.
    expect(cosine(w1, w2)).toBeLessThan(cosine(p1, p2));
  });
});

describe('hash embedder IDF state', () => {
  it('round-trips through bytes and drives the factory', async () => {
    const idf = fitHashEmbedderIdf(corpus);
    expect(idf.documentCount).toBe(corpus.length);
    const decoded = decodeHashEmbedderIdf(encodeHashEmbedderIdf(idf));
    expect(decoded.documentCount).toBe(idf.documentCount);
    expect(Array.from(decoded.df)).toEqual(Array.from(idf.df));

    const factory = createHashEmbedderFactory({ dimension: 128 });
    expect(factory.id).toBe('local/hash@128');
    const state = factory.fit!(corpus);
    const [fromFactory] = await factory.create(state).embed(['refund']);
    const [direct] = await createHashEmbedder({ dimension: 128, idf }).embed(['refund']);
    expect(Array.from(fromFactory)).toEqual(Array.from(direct));
    expect(createHashEmbedderFactory({ idf: false }).fit).toBeUndefined();
  });
});
