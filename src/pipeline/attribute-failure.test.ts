import { describe, expect, it } from 'vitest';
import { attributeFailure } from './attribute-failure.js';

describe('attributeFailure', () => {
  const rag = { task: 'rag-qa', error: false, relevantDocs: ['a.md'] };
  it('separates retrieval misses, context overflow and generation errors', () => {
    expect(attributeFailure({ ...rag, passed: false, retrievedDocs: ['b.md'], includedDocs: ['b.md'] })).toBe(
      'retrieval-miss',
    );
    expect(
      attributeFailure({ ...rag, passed: false, retrievedDocs: ['b.md', 'a.md'], includedDocs: ['b.md'] }),
    ).toBe('context-overflow');
    expect(attributeFailure({ ...rag, passed: false, retrievedDocs: ['a.md'], includedDocs: ['a.md'] })).toBe(
      'generation-error',
    );
    expect(attributeFailure({ ...rag, passed: true, retrievedDocs: [], includedDocs: [] })).toBe('pass');
  });
  it('leaves a failure with generation when nothing about retrieval is known (an app without contexts)', () => {
    expect(attributeFailure({ ...rag, passed: false })).toBe('generation-error');
    expect(attributeFailure({ ...rag, passed: false, retrievedDocs: [], includedDocs: [] })).toBe(
      'retrieval-miss',
    );
  });
  it('puts provider errors first and wrong labels for classification', () => {
    expect(attributeFailure({ ...rag, error: true, passed: null })).toBe('provider-error');
    expect(attributeFailure({ task: 'classify', error: false, passed: false })).toBe('wrong-label');
    expect(attributeFailure({ task: 'classify', error: false, passed: null })).toBeNull();
  });
});
