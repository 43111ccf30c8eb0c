import { describe, expect, it } from 'vitest';
import { lcsLength, rougeL, rougeLTokens } from './rouge-l.js';

describe('lcsLength', () => {
  it('finds the longest common subsequence (not substring)', () => {
    // [w x y z] vs [w y q z r]: w, y, z
    expect(lcsLength(['w', 'x', 'y', 'z'], ['w', 'y', 'q', 'z', 'r'])).toBe(3);
    expect(lcsLength([], ['a'])).toBe(0);
  });
});

describe('rougeL', () => {
  it('is the LCS F-measure with β = 1', () => {
    // LCS 3; P = 3/4, R = 3/5; F = 2·0.75·0.6 / (0.75 + 0.6) = 0.9 / 1.35 = 0.6667
    expect(rougeL('w x y z', ['w y q z r'])).toBeCloseTo(2 / 3, 10);
  });
  it('normalises like SQuAD (Lin 2004 example: police killed the gunman)', () => {
    // [police, killed, gunman] vs [police, kill, gunman]: LCS 2, P = R = 2/3, F = 2/3
    expect(rougeL('police kill the gunman', ['police killed the gunman'])).toBeCloseTo(2 / 3, 10);
  });
  it('supports another β', () => {
    // β = 2: F = (1+4)·P·R / (R + 4P) = 5·0.45 / (0.6 + 3) = 0.625
    expect(rougeLTokens(['w', 'x', 'y', 'z'], ['w', 'y', 'q', 'z', 'r'], 2)).toBeCloseTo(0.625, 10);
  });
  it('takes the max over references and is null without one', () => {
    expect(rougeL('cat sat', ['dog ran', 'the cat sat'])).toBe(1);
    expect(rougeL('cat sat', [])).toBeNull();
  });
});
