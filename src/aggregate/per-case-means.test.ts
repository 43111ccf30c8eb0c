import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { columnsFromResults } from '../columns/result-columns.js';
import type { CaseResult } from '../run/types.js';
import { valuesBy, valuesByRow } from './per-case-means.js';
import { suiteRows } from './suite-rows.js';

function rowsOf(results: CaseResult[], sort = true) {
  const columns = columnsFromResults(results, { sort });
  return suiteRows(columns, 0, columns.n);
}

/** The copy every group used to get: the reference the shortcut must equal. */
const copied = (rows: ReturnType<typeof rowsOf>, column: Float64Array) =>
  valuesBy(rows, (i) => column[i - rows.start]);

describe('valuesByRow', () => {
  it('returns the column itself when each case has one row, in order, of finite or NaN values', () => {
    const rows = rowsOf(
      ['a', 'b', 'c'].map((caseId, i) =>
        caseResult({ caseId, scores: i === 1 ? {} : { 'answer.f1': 0.25 * (i + 1) } }),
      ),
    );
    const column = rows.metric('answer.f1')!;
    const values = valuesByRow(rows, column);
    expect(values).toBe(column);
    expect([...values]).toEqual([...copied(rows, column)]);
    expect([...values]).toEqual([0.25, Number.NaN, 0.75]);
  });

  it('copies when a value is infinite or -0 (the mean over repeats reads them as NaN and 0)', () => {
    // The column store keeps non-finite scores as NaN; a column handed in directly may not.
    const rows = rowsOf([caseResult({ caseId: 'a' }), caseResult({ caseId: 'b' })]);
    for (const odd of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0]) {
      const column = new Float64Array([0.5, odd]);
      const values = valuesByRow(rows, column);
      expect(values).not.toBe(column);
      expect(Object.is(values[1], odd === 0 ? 0 : Number.NaN)).toBe(true);
      expect([...values]).toEqual([...copied(rows, column)]);
    }
  });

  it('copies into case order when the rows are one per case but out of order', () => {
    // summarizeSuite({ results }) keeps the given order (sort: false): case ranks are by id.
    const rows = rowsOf(
      [
        caseResult({ caseId: 'c', scores: { m: 0.3 } }),
        caseResult({ caseId: 'a', scores: { m: 0.1 } }),
        caseResult({ caseId: 'b', scores: { m: 0.2 } }),
      ],
      false,
    );
    const column = rows.metric('m')!;
    expect([...column]).toEqual([0.3, 0.1, 0.2]);
    const values = valuesByRow(rows, column);
    expect(values).not.toBe(column);
    expect([...values]).toEqual([0.1, 0.2, 0.3]);
  });

  it('averages repeats per case when a case has several rows', () => {
    const rows = rowsOf([
      caseResult({ caseId: 'a', repeat: 0, scores: { m: 1 } }),
      caseResult({ caseId: 'a', repeat: 1, scores: { m: 0 } }),
      caseResult({ caseId: 'b', repeat: 0, scores: { m: 0.5 } }),
      caseResult({ caseId: 'b', repeat: 1, scores: {} }),
    ]);
    const column = rows.metric('m')!;
    const values = valuesByRow(rows, column);
    expect(values).not.toBe(column);
    expect([...values]).toEqual([0.5, 0.5]);
  });
});
