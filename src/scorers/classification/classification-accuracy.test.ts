import { describe, expect, it } from 'vitest';
import { classificationAccuracy } from './classification-accuracy.js';

const labels = ['billing', 'technical'];

describe('classificationAccuracy', () => {
  it('is 1 for the gold label, 0 otherwise, with the parsed prediction in details', () => {
    expect(classificationAccuracy({ output: 'Billing', label: 'billing', labels })[0]).toMatchObject({
      value: 1,
      details: { predicted: 'billing' },
    });
    expect(classificationAccuracy({ output: 'technical', label: 'billing', labels })[0].value).toBe(0);
    expect(classificationAccuracy({ output: 'no idea', label: 'billing', labels })[0]).toMatchObject({
      value: 0,
      details: { predicted: null },
    });
  });
  it('is null without a gold label or without output', () => {
    expect(classificationAccuracy({ output: 'billing', labels })[0].value).toBeNull();
    expect(classificationAccuracy({ output: null, label: 'billing', labels })[0].value).toBeNull();
  });
});
