// Per-case values of a suite x provider group: the mean over a case's repeats of a per-row value,
// which every per-case metric summary and its bootstrap interval are computed from.
import type { SuiteRows } from './suite-rows.js';

/**
 * Per-case mean over repeats of a per-row column (NaN skipped); NaN where no repeat has a value.
 * With one row per case, in case order, that mean is the column itself whenever its values are
 * finite (not -0, which the sum would turn into 0) or NaN: the column is then returned as it is,
 * read only, instead of a copy (at 100,000 cases ~1 MB a metric that all stay alive through the
 * bootstrap walk, and a freed buffer each, which kept glibc's heap large; docs/constant-memory.md).
 */
export function valuesByRow(rows: SuiteRows, column: Float64Array): Float64Array {
  if (isOwnCaseMean(rows, column)) return column;
  return valuesBy(rows, (i) => column[i - rows.start]);
}

function isOwnCaseMean(rows: SuiteRows, column: Float64Array): boolean {
  if (rows.end - rows.start !== rows.n || column.length !== rows.n) return false;
  for (let j = 0; j < rows.n; j++) {
    if (rows.caseOf[j] !== j) return false;
    const v = column[j];
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY || Object.is(v, -0)) return false;
  }
  return true;
}

/** Per-case mean of `get` over repeats; NaN where it is NaN for every repeat. */
export function valuesBy(rows: SuiteRows, get: (row: number) => number): Float64Array {
  const sum = new Float64Array(rows.n);
  const count = new Uint16Array(rows.n);
  for (let i = rows.start; i < rows.end; i++) {
    const v = get(i);
    if (!Number.isFinite(v)) continue;
    const c = rows.caseOf[i - rows.start];
    sum[c] += v;
    count[c]++;
  }
  for (let c = 0; c < rows.n; c++) sum[c] = count[c] ? sum[c] / count[c] : Number.NaN;
  return sum;
}
