import { describe, expect, it } from 'vitest';
import { mcqAccuracy } from './mcq-accuracy.js';

describe('mcqAccuracy', () => {
  it('is 1 when the chosen option is correct', () => {
    expect(mcqAccuracy({ output: 'B', options: ['x', 'y'], correctOption: 1 })[0]).toMatchObject({
      value: 1,
      details: { chosen: 1 },
    });
    expect(mcqAccuracy({ output: 'A', options: ['x', 'y'], correctOption: 1 })[0].value).toBe(0);
    expect(mcqAccuracy({ output: 'maybe', options: ['x', 'y'], correctOption: 1 })[0]).toMatchObject({
      value: 0,
      details: { chosen: null },
    });
  });
  it('is null without options or output', () => {
    expect(mcqAccuracy({ output: 'A' })[0].value).toBeNull();
    expect(mcqAccuracy({ output: null, options: ['x'], correctOption: 0 })[0].value).toBeNull();
  });
});
