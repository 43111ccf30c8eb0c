// The rows of one suite × provider group that the bias audit reads, built from the column store
// with only what it reads: counterfactual variants in full (their score gaps may name any
// metric, and they are few), every other first-repeat, error-free row with its tags, labels
// and the task's primary metric only. A 100,000-case group was 100,000 rows of a dozen scores
// each (~60 MB alive at once); it is now a few fields a row. Same rows, same order, so the
// audit's sums come out bit for bit the same.
import type { AggregateRow } from '../columns/aggregate-row.js';
import { aggregateRow, FLAG_ERROR, NONE, type ResultColumns } from '../columns/result-columns.js';
import { PRIMARY_METRIC } from './bias-audit.js';

export function biasAuditRows(
  columns: ResultColumns,
  start: number,
  end: number,
  task: string,
): AggregateRow[] {
  const metric = PRIMARY_METRIC[task];
  // The metric's interned id (−1, which no score carries, when no row has it).
  const metricId = metric === undefined ? -1 : columns.strings.lookup(metric);
  const out: AggregateRow[] = [];
  for (let i = start; i < end; i++) {
    // auditBias reads one row per case: the first repeat, without an error.
    if (columns.repeat[i] !== 0 || columns.flags[i] & FLAG_ERROR) continue;
    const variant = columns.variantAttribute[i] !== NONE;
    out.push(aggregateRow(columns, i, variant ? undefined : metricId));
  }
  return out;
}
