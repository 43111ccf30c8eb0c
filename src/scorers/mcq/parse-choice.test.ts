import { describe, expect, it } from 'vitest';
import { parseChoice } from './parse-choice.js';

const options = ['The grandfather', 'The grandson', 'Cannot be determined'];

describe('parseChoice', () => {
  it('reads option letters', () => {
    expect(parseChoice('B', options)).toBe(1);
    expect(parseChoice('(c)', options)).toBe(2);
    expect(parseChoice('A) The grandfather', options)).toBe(0);
    expect(parseChoice('The answer is C.', options)).toBe(2);
    expect(parseChoice('Answer: B', options)).toBe(1);
  });
  it('does not take the article "a" for option A', () => {
    // "a" here is the article; the answer is the grandson by text mention (index 1), not A (index 0).
    expect(parseChoice('a grandson, clearly', options)).toBe(1);
  });
  it('matches option text exactly or by a single mention', () => {
    expect(parseChoice('the grandson', options)).toBe(1);
    expect(parseChoice('It cannot be determined from the context.', options)).toBe(2);
    expect(parseChoice('The grandson or the grandfather', options)).toBeNull();
  });
  it('rejects letters beyond the options', () => {
    expect(parseChoice('D', options)).toBeNull();
  });
});
