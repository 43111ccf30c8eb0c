// The in-process stores against the shared vector-store contract (pgvector runs it in
// src/pgvector/pgvector-store.pg.test.ts).
import { vectorStoreContract } from '../__fixtures__/vector-store-contract.js';
import { createExactStore } from './exact-store.js';
import { createHnswStore } from './hnsw-store.js';

vectorStoreContract('exact', { create: async (dimension) => createExactStore({ dimension }), minRecall: 1 });
vectorStoreContract('hnswlib', {
  create: async (dimension) => createHnswStore({ dimension, maxElements: 16 }),
  minRecall: 0.98,
});
