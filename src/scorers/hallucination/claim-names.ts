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
