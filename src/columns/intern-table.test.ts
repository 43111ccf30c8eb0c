import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { createInternTable } from './growable-column.js';
import { columnsFromResults } from './result-columns.js';

describe('createInternTable', () => {
  it('gives the same ids after seal(), and new ids to strings it never saw', () => {
    const table = createInternTable();
    const words = ['b', 'a', '', 'é', '__proto__', 'constructor', 'a b'];
    const ids = words.map((w) => table.id(w));
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(table.sealed).toBe(false);
    table.seal();
    expect(table.sealed).toBe(true);
    expect(words.map((w) => table.id(w))).toEqual(ids);
    expect(words.map((w) => table.lookup(w))).toEqual(ids);
    expect(table.lookup('missing')).toBe(-1);
    expect(table.lookup('missing')).toBe(-1);
    expect(table.id('missing')).toBe(table.size - 1);
    expect(table.lookup('missing')).toBe(table.size - 1);
    expect(table.value(table.size - 1)).toBe('missing');
    expect(table.size).toBe(words.length + 1);
    expect(table.id('new')).toBe(8);
    expect(table.id('new')).toBe(8);
    expect(table.lookup('new')).toBe(8);
    expect(table.value(8)).toBe('new');
    expect(table.size).toBe(9);
    // Code-unit order: '', '__proto__', 'a', 'a b', 'b', 'constructor', 'missing', 'new', 'é'.
    expect(Array.from(table.ranks())).toEqual([4, 2, 0, 8, 1, 5, 3, 6, 7]);
  });

  it('is sealed when a column store is finished, and still answers lookups', () => {
    const columns = columnsFromResults(
      [caseResult({ caseId: 'x', scores: { m: 1 } }), caseResult({ caseId: 'y', scores: { m: 0 } })],
      { sort: true },
    );
    expect(columns.strings.sealed).toBe(true);
    expect(columns.strings.lookup('m')).toBe(columns.scoreMetric[0]);
    expect(columns.strings.lookup('y')).toBe(columns.caseId[1]);
    expect(columns.strings.lookup('never')).toBe(-1);
  });
});
