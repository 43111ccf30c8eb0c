import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../language-model.js';
import { createLocalExtractiveModel } from './local-extractive-model.js';

const FEW_SHOT = [
  { input: 'refund card', output: 'billing' },
  { input: 'refund', output: 'billing' },
  { input: 'sync error', output: 'technical' },
];

function classifyRequest(question: string): GenerateRequest {
  return {
    messages: [{ role: 'user', content: question }],
    inputs: { task: 'classify', question, labels: ['billing', 'technical'], fewShot: FEW_SHOT },
  };
}

describe('local/extractive classification', () => {
  it('uses the nearest-centroid classifier by default', async () => {
    const result = await createLocalExtractiveModel().generate(classifyRequest('hello'));
    // No known term: the centroid softmax is uniform (Naive Bayes would give the 2/3 prior).
    expect(result).toMatchObject({
      text: 'billing',
      confidence: 0.5,
      labelProbabilities: { billing: 0.5, technical: 0.5 },
    });
  });

  it('uses multinomial Naive Bayes on the request few-shot examples when asked', async () => {
    const model = createLocalExtractiveModel({ classifier: 'naive-bayes' });
    const result = await model.generate(classifyRequest('refund error crash'));
    expect(result.text).toBe('billing');
    expect(result.confidence).toBeCloseTo(243 / 343, 6); // hand-computed in naive-bayes-classifier.test.ts
    expect(result.labelProbabilities?.technical).toBeCloseTo(100 / 343, 6);
  });
});
