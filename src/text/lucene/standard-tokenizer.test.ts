// Cases from Lucene's TestStandardAnalyzer (StandardTokenizer alone, original case kept).
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, standardTokens } from './standard-tokenizer.js';

const cases: [string, string[]][] = [
  // testAlphanumericSA
  ['B2B', ['B2B']],
  ['2B', ['2B']],
  // testDelimitersSA
  ['some-dashed-phrase', ['some', 'dashed', 'phrase']],
  ['dogs,chase,cats', ['dogs', 'chase', 'cats']],
  ['ac/dc', ['ac', 'dc']],
  // testApostrophesSA
  ["O'Reilly", ["O'Reilly"]],
  ["you're", ["you're"]],
  ["she's", ["she's"]],
  ["Jim's", ["Jim's"]],
  ["don't", ["don't"]],
  ["O'Reilly's", ["O'Reilly's"]],
  // testNumericSA
  ['21.35', ['21.35']],
  ['R2D2 C3PO', ['R2D2', 'C3PO']],
  ['216.239.63.104', ['216.239.63.104']],
  // testTextWithNumbersSA, testVariousTextSA
  ['David has 5000 bones', ['David', 'has', '5000', 'bones']],
  ['C embedded developers wanted', ['C', 'embedded', 'developers', 'wanted']],
  ['foo      bar .  FOO <> BAR', ['foo', 'bar', 'FOO', 'BAR']],
  ['"QUOTED" word', ['QUOTED', 'word']],
  // testEmpty
  ['', []],
  ['.', []],
  [' ', []],
  // testMid: one MidLetter/MidNumLet/MidNum joins, two split
  ['A:B', ['A:B']],
  ['A::B', ['A', 'B']],
  ['1.2', ['1.2']],
  ['A.B', ['A.B']],
  ['1..2', ['1', '2']],
  ['A..B', ['A', 'B']],
  ['1,2', ['1,2']],
  ['1,,2', ['1', '2']],
  ['A.:B', ['A', 'B']],
  ['A:.B', ['A', 'B']],
  ['1,.2', ['1', '2']],
  ['1.,2', ['1', '2']],
  // testChinese: one token per ideograph; full-width digits and letters join
  ['我是中国人。 １２３４ Ｔｅｓｔｓ ', ['我', '是', '中', '国', '人', '１２３４', 'Ｔｅｓｔｓ']],
  // testKoreanSA
  ['안녕하세요 한글입니다', ['안녕하세요', '한글입니다']],
  // testLUCENE1545: a combining mark stays in its word
  ['moͤchte', ['moͤchte']],
  // testJapanese: ideographs and hiragana one by one, a katakana run whole
  ['仮名遣い カタカナ', ['仮', '名', '遣', 'い', 'カタカナ']],
];

describe('standardTokens (Lucene StandardTokenizer)', () => {
  it.each(cases)('%j', (input, expected) => {
    expect(standardTokens(input)).toEqual(expected);
  });

  it('splits what the standard analyzer keeps whole: hyphens, slashes, a number after a letter and a dot', () => {
    expect(standardTokens('IL-6 and TNF-alpha, covid-19, v2.0/beta, e-mail. 3.5% of 1,000,000')).toEqual([
      'IL',
      '6',
      'and',
      'TNF',
      'alpha',
      'covid',
      '19',
      'v2.0',
      'beta',
      'e',
      'mail',
      '3.5',
      'of',
      '1,000,000',
    ]);
    // A sentence-final dot is not between two letters; a letter-dot-digit is not bridged.
    expect(standardTokens('See www.example.com. Step a.1 ends.')).toEqual([
      'See',
      'www.example.com',
      'Step',
      'a',
      '1',
      'ends',
    ]);
  });

  it('joins across underscores, drops tokens of underscores only', () => {
    expect(standardTokens('mail_address __ _x')).toEqual(['mail_address', '_x']);
  });

  it('breaks at a zero width space (UAX #29 Other) but not at a zero width joiner (Format)', () => {
    expect(standardTokens('foo\u200Bbar')).toEqual(['foo', 'bar']);
    expect(standardTokens('foo\u200Dbar')).toEqual(['foo\u200Dbar']);
  });

  it('cuts tokens longer than 255 characters', () => {
    const long = 'a'.repeat(MAX_TOKEN_LENGTH + 10);
    expect(standardTokens(long).map((t) => t.length)).toEqual([MAX_TOKEN_LENGTH, 10]);
  });
});
