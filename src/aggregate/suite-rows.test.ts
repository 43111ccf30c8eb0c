import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { columnGroups, columnsFromResults } from '../columns/result-columns.js';
import { createRng } from '../core/rng.js';
import { suiteRows } from './suite-rows.js';

describe('suiteRows', () => {
  it('numbers each group’s cases in code-unit order of their ids, repeats sharing one index', () => {
    const rng = createRng(5);
    const results = [];
    for (const suite of ['b', 'a'])
      for (let c = 0; c < 300; c++) {
        // Ids whose code-unit order differs from their numeric and insertion order.
        const caseId = `${['Z', 'a', 'é', '10', '9'][rng.int(5)]}-${c}`;
        for (let repeat = 0; repeat < 1 + (c % 3); repeat++)
          results.push(caseResult({ suite, caseId, repeat, tags: [`t${c % 4}`] }));
      }
    // Insertion order is shuffled, so interned ids do not follow the id order.
    for (let i = results.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [results[i], results[j]] = [results[j], results[i]];
    }
    const columns = columnsFromResults(results, { sort: 'group' });
    for (const g of columnGroups(columns)) {
      const rows = suiteRows(columns, g.start, g.end);
      const ids: string[] = [];
      for (let i = g.start; i < g.end; i++) ids.push(columns.strings.value(columns.caseId[i]));
      const expected = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(rows.n).toBe(300);
      expect(rows.caseIds).toEqual(expected);
      expect(Array.from(rows.caseOf)).toEqual(ids.map((id) => expected.indexOf(id)));
    }
  });
});
