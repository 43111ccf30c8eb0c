// Two questions about a claim's names that the claim check asks: is a name the user's own (from
// the question) or a false premise, and is a hyphenated name stated by its parts.
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { canonicalTerm } from './word-classes.js';

/**
 * The aligned sentence names something else where the claim names `name`: a capitalised word the
 * claim does not use, after the same word as `name` follows in the claim ("Dr Shah" for "Dr
 * Patel", "the Platinum plan" for "the Gold plan"). When `name` follows another capital (a
 * two-word name, "Emma Martin"), any capitalised word of the aligned sentence the claim lacks is
 * in its place. Words are bounded by letters, not `\b`, which knows ASCII only ("José").
 */
export function nameInItsPlace(
  claimText: string,
  name: string,
  alignedText: string,
  claimNames: ReadonlySet<string>,
): boolean {
  const words = [...claimText.matchAll(/[\p{L}\d'’-]+/gu)].map((m) => m[0]);
  const at = words.findIndex((w) => w.toLowerCase().replace(/['’]s$/, '') === name);
  if (at <= 0) return false;
  const before = words[at - 1];
  const other = (w: string) => !claimNames.has(w.toLowerCase().replace(/['’]s$/, ''));
  const aligned = [...alignedText.matchAll(/[\p{L}\d'’-]+/gu)].map((m) => m[0]);
  const capital = (w: string) => /^\p{Lu}/u.test(w);
  if (capital(before)) return aligned.some((w, k) => k > 0 && capital(w) && other(w));
  return aligned.some(
    (w, k) => k > 0 && capital(w) && other(w) && aligned[k - 1].toLowerCase() === before.toLowerCase(),
  );
}

/** "wi-fi" where the context's terms hold its parts ("wi", "fi"): compounds are indexed by part. */
export function hasCompoundParts(terms: ReadonlySet<string>, name: string): boolean {
  if (!name.includes('-')) return false;
  return name.split('-').every((part) => isStopword(part) || terms.has(canonicalTerm(stem(part))));
}

// Small words an expansion may skip between its initials: "Department of Energy" is "DoE".
const ACRONYM_GAPS = new Set(['of', 'and', 'for', 'the', 'on', 'in', '&']);

/**
 * `name`, written in capitals in the claim ("EPC", "VAT", "SARs"), is the initials of words one
 * sentence of the texts spells out ("Energy Performance Certificate", "Value added tax"): the same
 * thing, abbreviated. Each initial comes from a content word, never a small word ("for contents
 * and accidental" spells no "FCA"); two letters need two capitalised words ("Human Resources").
 */
export function spelledOutIn(claimText: string, name: string, texts: string): boolean {
  // Letters only, before any of it goes into a pattern.
  if (!/^\p{L}+$/u.test(name)) return false;
  // "SARs" is the plural of "SAR": the initials are the capitals.
  const plural =
    /s$/.test(name) &&
    new RegExp(`(?<!\\p{L})${name.slice(0, -1).toUpperCase()}s(?!\\p{L})`, 'u').test(claimText);
  const initials = plural ? name.slice(0, -1) : name;
  if (initials.length < 2 || initials.length > 6 || !/^\p{L}+$/u.test(initials)) return false;
  if (!plural && !new RegExp(`(?<!\\p{L})${initials.toUpperCase()}(?!\\p{L})`, 'u').test(claimText))
    return false;
  for (const words of sentenceWords(texts)) {
    for (let start = 0; start < words.length; start++) {
      if (spellsFrom(words, start, initials)) return true;
    }
  }
  return false;
}

// The texts' sentences as word lists, for the last texts asked about (the claims of one answer
// ask about the same context).
let lastTexts = '';
let lastWords: string[][] = [];
function sentenceWords(texts: string): string[][] {
  if (texts !== lastTexts) {
    lastWords = texts
      .split(/[.!?;:]\s+|\n+/)
      .map((sentence) => sentence.split(/[^\p{L}&]+/u).filter(Boolean));
    lastTexts = texts;
  }
  return lastWords;
}

function spellsFrom(words: readonly string[], start: number, initials: string): boolean {
  let k = 0;
  for (let w = start; w < words.length && k < initials.length; w++) {
    const word = words[w];
    const lower = word.toLowerCase();
    const content = !isStopword(lower) && word.length > 1;
    const capital = /^\p{Lu}/u.test(word);
    if (content && lower[0] === initials[k] && (initials.length > 2 || capital)) k++;
    else if (k === 0 || !ACRONYM_GAPS.has(lower)) return false;
  }
  return k === initials.length;
}
