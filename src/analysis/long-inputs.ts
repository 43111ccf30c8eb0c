// Which cases count as long inputs for error analysis, and how to summarise them. A case is
// long when it carries the long-input tag, or when its input is long for its own suite (see
// longestInputs); the summary says which rule brought each one in.
import type { CaseResult } from '../run/types.js';

/**
 * Whether a result's input is among the longest `share` of its suite's distinct cases
 * (nearest rank: the top ⌈share·n⌉ lengths, ties at the cut included) and at least `vsMedian`
 * times the suite's median length. Per suite, because a long classifier message and a long
 * RAG question are different lengths.
 */
export function longestInputs(
  results: readonly CaseResult[],
  { share, vsMedian }: { share: number; vsMedian: number },
): (r: CaseResult) => boolean {
  const lengthsBySuite = new Map<string, Map<string, number>>();
  for (const r of results) {
    const cases = lengthsBySuite.get(r.suite) ?? new Map<string, number>();
    cases.set(r.caseId, r.input.length);
    lengthsBySuite.set(r.suite, cases);
  }
  const cutoff = inputLengthCutoffs(lengthsBySuite, { share, vsMedian });
  return (r) => r.input.length >= (cutoff.get(r.suite) ?? Number.POSITIVE_INFINITY);
}

/** Per suite, the input length from which a case counts as long (see longestInputs). */
export function inputLengthCutoffs(
  lengthsBySuite: ReadonlyMap<string, ReadonlyMap<string, number>>,
  options: { share: number; vsMedian: number },
): Map<string, number> {
  const cutoff = new Map<string, number>();
  for (const [suite, cases] of lengthsBySuite)
    cutoff.set(suite, inputLengthCutoff(Float64Array.from(cases.values()), options));
  return cutoff;
}

/**
 * One suite's cutoff from its distinct cases' input lengths (sorted here, in place): a typed
 * array, so a 100,000-case suite costs 8 bytes a case instead of a boxed array and a copy.
 */
export function inputLengthCutoff(
  lengths: Float64Array | Int32Array,
  { share, vsMedian }: { share: number; vsMedian: number },
): number {
  // Ascending; the k-th longest is lengths[n − k].
  lengths.sort();
  const n = lengths.length;
  const take = Math.ceil(share * n);
  const middle = n / 2;
  const median = n % 2 === 1 ? lengths[Math.floor(middle)] : (lengths[middle] + lengths[middle - 1]) / 2;
  return take > 0 ? Math.max(lengths[n - take], vsMedian * median) : Number.POSITIVE_INFINITY;
}

/** How many members carry the tag, how many are in by length only, and their length range. */
export function summarizeLongInputs(
  members: readonly CaseResult[],
  tag: string,
): { tagged: number; byLength: number; minChars: number; maxChars: number } {
  const lengths = members.map((r) => r.input.length);
  const tagged = members.filter((r) => r.tags.includes(tag)).length;
  return {
    tagged,
    byLength: members.length - tagged,
    minChars: Math.min(...lengths),
    maxChars: Math.max(...lengths),
  };
}
