// One line on the sweep's retrieval indexes. The pre-run estimate renders each variant's prompts
// with their retrieved context, so it builds (or loads) every distinct index before any variant
// runs: the variants then find them saved. Counting only the variants' own builds would read "0".
import type { SweepRecord } from './sweep-record.js';

export function describeIndexes(sweep: Pick<SweepRecord, 'variants'>): string {
  const withIndex = sweep.variants.filter((v) => v.index);
  const distinct = new Set(withIndex.map((v) => `${v.index!.embedder}\u0000${v.index!.chunking}`)).size;
  const byVariants = withIndex.filter((v) => !v.index!.reused).length;
  return `${distinct} distinct retrieval index${distinct === 1 ? '' : 'es'}, each built at most once (${byVariants} by a variant; the rest before the runs or earlier, then reused)`;
}
