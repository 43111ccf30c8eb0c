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

  it('gives each metric per row from one shared buffer, NaN where null or absent', () => {
    const results = Array.from({ length: 40 }, (_, i) =>
      caseResult({
        caseId: `c${String(i).padStart(2, '0')}`,
        scores: {
          a: i / 40,
          ...(i % 3 ? { b: i % 3 === 1 ? null : i } : {}),
          ...(i === 7 ? { only: 1 } : {}),
        },
      }),
    );
    const columns = columnsFromResults(results);
    const rows = suiteRows(columns, 0, columns.n);
    expect(rows.metricNames()).toEqual(['a', 'b', 'only']);
    const b = rows.metric('b')!;
    const a = rows.metric('a')!;
    const only = rows.metric('only')!;
    const expected = (name: string) =>
      results.map((r) => {
        const v = r.scores[name];
        return typeof v === 'number' ? v : Number.NaN;
      });
    expect(Array.from(a)).toEqual(expected('a'));
    expect(Array.from(b)).toEqual(expected('b'));
    expect(Array.from(only)).toEqual(expected('only'));
    // Read again: the same array; all three in one buffer, none overlapping.
    expect(rows.metric('b') === b).toBe(true);
    expect(a.buffer === b.buffer && b.buffer === only.buffer).toBe(true);
    expect(new Set([a.byteOffset, b.byteOffset, only.byteOffset]).size).toBe(3);
    expect(rows.metric('missing')).toBeNull();
    // A group that is a slice of the store: its own rows only.
    const part = suiteRows(columns, 10, 20);
    expect(Array.from(part.metric('a')!)).toEqual(expected('a').slice(10, 20));
  });
});
