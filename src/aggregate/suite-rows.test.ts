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

  describe('lendMetricColumns', () => {
    const METRICS = ['m.b', 'm.a', 'm.c'];
    /** Two suites of `cases` rows each; `score(suite, c)` gives a row's scores. */
    const store = (cases: number, score: (suite: string, c: number) => Record<string, number | null>) => {
      const results = [];
      for (const suite of ['s1', 's2'])
        for (let c = 0; c < cases; c++)
          results.push(
            caseResult({ suite, caseId: `c${String(c).padStart(3, '0')}`, scores: score(suite, c) }),
          );
      return columnsFromResults(results, { sort: true });
    };
    const uniform = (suite: string, c: number) =>
      Object.fromEntries(
        METRICS.map((m, j) => [m, j === 1 && c % 5 === 0 ? null : c * 10 + j + (suite === 's2' ? 0.5 : 0)]),
      );
    const copies = (columns: ReturnType<typeof store>, start: number, end: number) => {
      const rows = suiteRows(columns, start, end);
      return Object.fromEntries(rows.metricNames().map((m) => [m, Array.from(rows.metric(m)!)]));
    };

    it('lends views equal to the copies, and gives the pool back as it was', () => {
      const columns = store(37, uniform);
      const pool = columns.scoreValue.slice();
      for (const g of columnGroups(columns)) {
        const want = copies(columns, g.start, g.end);
        const rows = suiteRows(columns, g.start, g.end);
        const giveBack = rows.lendMetricColumns();
        for (const m of METRICS) {
          const view = rows.metric(m)!;
          expect(view.buffer).toBe(columns.scoreValue.buffer);
          expect(Array.from(view)).toEqual(want[m]);
        }
        giveBack();
        expect(columns.scoreValue).toEqual(pool);
        // After the give-back metric() copies again: no view of a pool laid out by rows.
        expect(rows.metric('m.a')!.buffer).not.toBe(columns.scoreValue.buffer);
        expect(Array.from(rows.metric('m.a')!)).toEqual(want['m.a']);
        giveBack();
        expect(columns.scoreValue).toEqual(pool);
      }
    });

    it('lends nothing, and copies as before, when the rows do not carry the same metrics in order', () => {
      const ragged = (suite: string, c: number) => {
        const scores = uniform(suite, c);
        if (c === 17) delete scores['m.c'];
        return scores;
      };
      const reordered = (suite: string, c: number) => {
        const scores = uniform(suite, c);
        return c === 17 ? Object.fromEntries(Object.entries(scores).reverse()) : scores;
      };
      // A per-case assertion adds a score to the last case only: the rows before it line up.
      const extraLast = (suite: string, c: number) => ({
        ...uniform(suite, c),
        ...(c === 36 ? { 'm.x': 1 } : {}),
      });
      const none = () => ({});
      for (const score of [ragged, reordered, extraLast, none]) {
        const columns = store(37, score);
        const pool = columns.scoreValue.slice();
        for (const g of columnGroups(columns)) {
          const want = copies(columns, g.start, g.end);
          const rows = suiteRows(columns, g.start, g.end);
          const giveBack = rows.lendMetricColumns();
          expect(columns.scoreValue).toEqual(pool);
          for (const m of rows.metricNames()) {
            expect(rows.metric(m)!.buffer).not.toBe(columns.scoreValue.buffer);
            expect(Array.from(rows.metric(m)!)).toEqual(want[m]);
          }
          giveBack();
        }
      }
    });
  });
});
