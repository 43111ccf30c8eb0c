// suite → provider → metric → caseId → value, with repeats averaged per case (the clustering
// the statistics need: a case run five times is still one case).
import type { CaseResult } from './types.js';

export type PerCaseTable = Record<string, Record<string, Record<string, Record<string, number>>>>;

export function perCaseTable(
  results: Iterable<Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'scores'>>,
): PerCaseTable {
  const sums: Record<string, Record<string, Record<string, Record<string, [number, number]>>>> = {};
  for (const r of results) {
    const byProvider = (sums[r.suite] ??= {});
    const byMetric = (byProvider[r.provider] ??= {});
    for (const [metric, value] of Object.entries(r.scores)) {
      if (value === null || !Number.isFinite(value)) continue;
      const byCase = (byMetric[metric] ??= {});
      const acc = (byCase[r.caseId] ??= [0, 0]);
      acc[0] += value;
      acc[1] += 1;
    }
  }
  const table: PerCaseTable = {};
  for (const [suite, byProvider] of Object.entries(sums)) {
    for (const [provider, byMetric] of Object.entries(byProvider)) {
      for (const [metric, byCase] of Object.entries(byMetric)) {
        const out: Record<string, number> = {};
        for (const id of Object.keys(byCase).sort()) out[id] = roundTo(byCase[id][0] / byCase[id][1], 6);
        ((table[suite] ??= {})[provider] ??= {})[metric] = out;
      }
    }
  }
  return table;
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** suite → provider → caseId → metric → value, the baseline file's layout (one line per case). */
export type CaseMajorTable = Record<string, Record<string, Record<string, Record<string, number>>>>;

/** Swaps the two innermost levels: metric → case ⇄ case → metric. Its own inverse. */
export function transposeTable(table: PerCaseTable | CaseMajorTable): PerCaseTable {
  const out: PerCaseTable = {};
  for (const [suite, byProvider] of Object.entries(table)) {
    for (const [provider, outer] of Object.entries(byProvider)) {
      const target = ((out[suite] ??= {})[provider] ??= {});
      for (const outerKey of Object.keys(outer).sort()) {
        for (const [innerKey, value] of Object.entries(outer[outerKey]))
          (target[innerKey] ??= {})[outerKey] = value;
      }
    }
  }
  return out;
}
