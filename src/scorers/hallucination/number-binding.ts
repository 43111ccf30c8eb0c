// Which words a number is bound to. A relation swap keeps every number and word of the context but
// pairs them differently ("5 cm in spring, 4 cm in summer" for "4 cm in spring, 5 cm in summer";
// the landlord's notice period given to the tenant): each claim segment (a clause cut at commas)
// that states a number is matched to the context segments sharing most of its (rarity-weighted)
// words; when those state another number of the same kind and not the claim's own, while the
// context does state the claim's number elsewhere, the number has been moved to the wrong place.
import type { NumberMention } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';
import type { Segment } from './negation-scope.js';
import { sameQuantity } from './quantities.js';

/** The claim's segment must share at least this share of its word weight with the context segment. */
const MIN_SHARED = 0.5;

const sameNumber = (a: NumberMention, b: NumberMention) =>
  a.value === b.value ||
  (a.quantity !== undefined && b.quantity !== undefined && sameQuantity(a.quantity, b.quantity));

const sameKind = (a: NumberMention, b: NumberMention) =>
  a.quantity || b.quantity
    ? a.quantity?.dim === b.quantity?.dim && (a.quantity?.dim !== 'time' || a.per === b.per)
    : !a.unit &&
      !b.unit &&
      a.amount !== undefined &&
      b.amount !== undefined &&
      !a.value.includes(':') === !b.value.includes(':');

/** The numbers of the claim that sit where the context puts another number of the same kind. */
export function swappedNumbers(
  claim: readonly Segment[],
  index: ContextIndex,
  /** The question's numbers are the asker's own: echoing them moves nothing. */
  questionNumbers: readonly NumberMention[] = [],
): NumberMention[] {
  const out: NumberMention[] = [];
  for (const segment of claim) {
    if (segment.numbers.length === 0) continue;
    const unitWords = new Set(segment.numbers.flatMap((n) => (n.word ? [n.word] : [])));
    const terms = [...segment.terms].filter((t) => !unitWords.has(t));
    const total = terms.reduce((s, t) => s + index.weight(t), 0);
    if (total === 0) continue;
    let best = 0;
    let bestSegments: Segment[] = [];
    for (const candidate of index.segments) {
      if (candidate.numbers.length === 0) continue;
      let shared = 0;
      for (const t of terms) if (candidate.terms.has(t)) shared += index.weight(t);
      if (shared < best || shared === 0) continue;
      if (shared > best) [best, bestSegments] = [shared, []];
      bestSegments.push(candidate);
    }
    if (best < MIN_SHARED * total) continue;
    for (const n of segment.numbers) {
      if (n.soft || n.label || bestSegments.some((s) => s.numbers.some((m) => sameNumber(m, n)))) continue;
      if (questionNumbers.some((m) => sameNumber(m, n))) continue;
      const statedElsewhere = index.segments.some((s) => s.numbers.some((m) => sameNumber(m, n)));
      // The rival must be a number the claim's segment does not state itself ("from 1889 until … 1930").
      const other = bestSegments.some((s) =>
        s.numbers.some((m) => sameKind(m, n) && !segment.numbers.some((c) => sameNumber(c, m))),
      );
      if (statedElsewhere && other) out.push(n);
    }
  }
  return out;
}
