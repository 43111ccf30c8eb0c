// Pairs of general English opposites: a claim word absent from the aligned context whose opposite
// the context uses ("higher" where it says "lower", "east" where it says "west") is an antonym swap.
// Claim and context terms are compared in their canonical form (word-classes.ts: "fee" reads
// "cost"), so each pair is keyed the same way, or a pair such as free/fee never fires.
import { stem } from '../../text/analyze.js';
import { canonicalTerm } from './word-classes.js';

const ANTONYM_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['higher', 'lower'],
  ['more', 'less'],
  ['before', 'after'],
  ['always', 'never'],
  ['include', 'exclude'],
  ['increase', 'decrease'],
  ['minimum', 'maximum'],
  ['free', 'paid'],
  ['free', 'fee'],
  ['open', 'closed'],
  ['enable', 'disable'],
  ['allow', 'block'],
  ['earliest', 'latest'],
  ['first', 'last'],
  ['monthly', 'annual'],
  ['public', 'private'],
  ['automatic', 'manual'],
  ['north', 'south'],
  ['east', 'west'],
  ['above', 'below'],
  ['over', 'under'],
  ['front', 'rear'],
  ['upper', 'lower'],
  ['inside', 'outside'],
  ['indoor', 'outdoor'],
  ['morning', 'evening'],
  ['weekday', 'weekend'],
  ['daily', 'weekly'],
  ['weekly', 'monthly'],
  ['entry', 'exit'],
  ['arrival', 'departure'],
  ['adult', 'child'],
  ['win', 'lose'],
  ['accept', 'reject'],
  ['oldest', 'newest'],
  ['longest', 'shortest'],
  ['largest', 'smallest'],
].map(([a, b]) => [canonicalTerm(stem(a)), canonicalTerm(stem(b))] as const);
export const ANTONYMS = new Map<string, string[]>();
for (const [a, b] of ANTONYM_PAIRS) {
  ANTONYMS.set(a, [...(ANTONYMS.get(a) ?? []), b]);
  ANTONYMS.set(b, [...(ANTONYMS.get(b) ?? []), a]);
}
