// Lucene's StandardTokenizer for ordinary text: the word-break rules of Unicode UAX #29 (as
// Lucene's JFlex grammar implements them), keeping only tokens with a letter or digit in them.
//   - letters and digits join (R2D2, 2B); a hyphen, slash or comma between letters splits
//     ("some-dashed-phrase" → some, dashed, phrase);
//   - a single MidLetter (:, ·) or MidNumLet (. ' ’) between two letters joins (A:B, A.B,
//     O'Reilly, don't); two in a row split (A..B → A, B);
//   - a single MidNum (, ;) or MidNumLet between two digits joins (1,2 / 21.35 / 216.239.63.104);
//   - underscore (ExtendNumLet) joins what is around it; combining marks and format characters
//     stay with the character before them;
//   - each ideograph and hiragana character is a token of its own; Thai, Lao, Khmer and Myanmar
//     runs are one token (Lucene has no dictionary for them either);
//   - tokens longer than 255 characters are cut into 255-character pieces.
// Emoji sequences and Hebrew-specific quote rules are not reproduced (rare in English corpora).

enum C {
  Other,
  Letter,
  Numeric,
  Katakana,
  ExtendNumLet,
  MidLetter,
  MidNumLet,
  MidNum,
  Extend,
  Single,
  SouthEastAsian,
}

export const MAX_TOKEN_LENGTH = 255;

const MID_LETTER = new Set([0x3a, 0xb7, 0x387, 0x55f, 0x5f4, 0x2027, 0xfe13, 0xfe55, 0xff1a]);
const MID_NUM_LET = new Set([0x2e, 0x27, 0x2018, 0x2019, 0x2024, 0xfe52, 0xff07, 0xff0e]);
const MID_NUM = new Set([
  0x2c, 0x3b, 0x37e, 0x589, 0x60c, 0x60d, 0x66c, 0x7f8, 0x2044, 0xfe10, 0xfe14, 0xfe50, 0xfe54, 0xff0c,
  0xff1b,
]);

// Format characters extend a word, except ZERO WIDTH SPACE (U+200B), which UAX #29 classes as
// Other: Lucene breaks there.
const EXTEND = /(?!\u200B)[\p{M}\p{Cf}]/u;
const SINGLE = /[\p{Ideographic}\p{Script=Hiragana}]/u;
const SOUTH_EAST_ASIAN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const KATAKANA = /\p{Script=Katakana}/u;
const NUMERIC = /\p{Nd}/u;
const LETTER = /\p{Alphabetic}/u;
const CONNECTOR = /\p{Pc}/u;

function classify(ch: string, code: number): C {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return C.Letter;
    if (code >= 0x30 && code <= 0x39) return C.Numeric;
    if (code === 0x5f) return C.ExtendNumLet;
    if (MID_LETTER.has(code)) return C.MidLetter;
    if (MID_NUM_LET.has(code)) return C.MidNumLet;
    if (MID_NUM.has(code)) return C.MidNum;
    return C.Other;
  }
  if (MID_LETTER.has(code)) return C.MidLetter;
  if (MID_NUM_LET.has(code)) return C.MidNumLet;
  if (MID_NUM.has(code)) return C.MidNum;
  if (EXTEND.test(ch)) return C.Extend;
  if (SOUTH_EAST_ASIAN.test(ch)) return C.SouthEastAsian;
  if (SINGLE.test(ch)) return C.Single;
  if (KATAKANA.test(ch)) return C.Katakana;
  if (NUMERIC.test(ch)) return C.Numeric;
  if (LETTER.test(ch)) return C.Letter;
  if (CONNECTOR.test(ch)) return C.ExtendNumLet;
  return C.Other;
}

/** Whether two word characters with nothing between them stay in one token (WB5, 8–10, 13, 13a/b). */
function joins(left: C, right: C): boolean {
  if (right === C.ExtendNumLet)
    return left === C.Letter || left === C.Numeric || left === C.Katakana || left === C.ExtendNumLet;
  if (left === C.ExtendNumLet) return right === C.Letter || right === C.Numeric || right === C.Katakana;
  if (left === C.Katakana || right === C.Katakana) return left === right;
  return (left === C.Letter || left === C.Numeric) && (right === C.Letter || right === C.Numeric);
}

/** Whether `mid` between `left` and `right` keeps them in one token (WB6/7 letters, WB11/12 digits). */
function bridges(left: C, mid: C, right: C): boolean {
  if (left === C.Letter && right === C.Letter) return mid === C.MidLetter || mid === C.MidNumLet;
  if (left === C.Numeric && right === C.Numeric) return mid === C.MidNum || mid === C.MidNumLet;
  return false;
}

interface Unit {
  cls: C;
  /** Text of the base character plus any Extend/Format characters after it. */
  text: string;
}

function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const ch of text) {
    const cls = classify(ch, ch.codePointAt(0) ?? 0);
    // WB4: marks and format characters belong to the character before them.
    if (cls === C.Extend && out.length > 0 && out[out.length - 1].cls !== C.Other) {
      out[out.length - 1].text += ch;
      continue;
    }
    out.push({ cls: cls === C.Extend ? C.Other : cls, text: ch });
  }
  return out;
}

const isWordStart = (cls: C): boolean =>
  cls === C.Letter ||
  cls === C.Numeric ||
  cls === C.Katakana ||
  cls === C.ExtendNumLet ||
  cls === C.Single ||
  cls === C.SouthEastAsian;

/** The tokens of `text`, with their original case (lower-casing is a filter after this). */
export function standardTokens(text: string): string[] {
  const seq = units(text);
  const tokens: string[] = [];
  let i = 0;
  while (i < seq.length) {
    const start = seq[i];
    if (!isWordStart(start.cls)) {
      i++;
      continue;
    }
    let token = start.text;
    let j = i + 1;
    if (start.cls === C.SouthEastAsian) {
      while (j < seq.length && seq[j].cls === C.SouthEastAsian) token += seq[j++].text;
    } else if (start.cls !== C.Single) {
      let hasWordChar = start.cls !== C.ExtendNumLet;
      let last: C = start.cls;
      while (j < seq.length) {
        const next = seq[j].cls;
        if (joins(last, next)) {
          token += seq[j++].text;
        } else if (j + 1 < seq.length && bridges(last, next, seq[j + 1].cls)) {
          token += seq[j].text + seq[j + 1].text;
          j += 2;
        } else break;
        last = seq[j - 1].cls;
        if (last !== C.ExtendNumLet) hasWordChar = true;
      }
      if (!hasWordChar) token = '';
    }
    for (let from = 0; from < token.length; from += MAX_TOKEN_LENGTH)
      tokens.push(token.slice(from, from + MAX_TOKEN_LENGTH));
    i = j;
  }
  return tokens;
}
