import { describe, expect, it } from 'vitest';
import { LUCENE_ENGLISH_STOP_WORDS, luceneEnglishTerms, removePossessive } from './english-analyzer.js';

describe('luceneEnglishTerms (Lucene EnglishAnalyzer)', () => {
  it('has the 33 stop words of ENGLISH_STOP_WORDS_SET', () => {
    expect(LUCENE_ENGLISH_STOP_WORDS.size).toBe(33);
    // Words in evalgate's longer list that Lucene keeps (and stems).
    expect(luceneEnglishTerms('the book was about what you would do')).toEqual([
      'book',
      'about',
      'what',
      'you',
      'would',
      'do',
    ]);
  });

  // TestEnglishAnalyzer: stemming, stop words, possessives in three apostrophe forms.
  it.each([
    ['books', ['book']],
    ['book', ['book']],
    ['the', []],
    ["steven's", ['steven']],
    ['steven\u2019s', ['steven']],
    ['steven\uff07s', ['steven']],
  ])('%j → %j', (input, expected) => {
    expect(luceneEnglishTerms(input)).toEqual(expected);
  });

  it('removes the possessive before lower-casing, and only a final one', () => {
    expect(removePossessive("JIM'S")).toBe('JIM');
    expect(removePossessive("it's")).toBe('it');
    expect(removePossessive("o'reilly")).toBe("o'reilly");
    expect(luceneEnglishTerms("O'Reilly's IL-6 Receptors")).toEqual(["o'reilli", 'il', '6', 'receptor']);
  });

  it('keeps repeated terms (a query counts each occurrence)', () => {
    expect(luceneEnglishTerms('cell cells CELL')).toEqual(['cell', 'cell', 'cell']);
  });
});
