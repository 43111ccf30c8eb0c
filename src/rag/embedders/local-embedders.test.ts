import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { isLocalEmbedderId, localEmbedderFactory } from './local-embedders.js';

describe('localEmbedderFactory', () => {
  it('creates the offline embedders by config id, with their default sizes', () => {
    expect(localEmbedderFactory('local/hash')).toMatchObject({ id: 'local/hash@512', dimension: 512 });
    expect(localEmbedderFactory('local/lsa')).toMatchObject({
      id: 'local/lsa@128',
      dimension: 384,
      withTitle: true,
    });
    expect(localEmbedderFactory('local/lsa', { dimension: 64 })).toMatchObject({
      id: 'local/lsa@64',
      dimension: 320,
    });
    expect(localEmbedderFactory('local/hash', { dimension: 256 })?.withTitle).toBeUndefined();
    // rag.lsa_max_terms reaches local/lsa's vocabulary cap (and its id, so the index key).
    expect(localEmbedderFactory('local/lsa', { lsaMaxTerms: 1000 })?.id).toBe('local/lsa@128,max_terms=1000');
  });

  it('leaves other ids to the caller', () => {
    expect(localEmbedderFactory('openai/text-embedding-3-small')).toBeUndefined();
    expect(isLocalEmbedderId('toString')).toBe(false);
    expect(localEmbedderFactory('constructor')).toBeUndefined();
  });

  it('rejects an out-of-range dimension with a one-line error naming the file and field', () => {
    const call = (): unknown =>
      localEmbedderFactory('local/lsa', { dimension: 5000, configFile: 'eval/evalgate.yaml' });
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      'eval/evalgate.yaml: rag.embedding_dimension: local/lsa takes a latent rank from 1 to 1024, got 5000',
    );
  });
});
