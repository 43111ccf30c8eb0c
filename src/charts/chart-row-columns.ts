// The chart rows of a whole run, kept as columns while results.jsonl is streamed: suite and
// provider as numbers, latency and cost as doubles, and the rare extras (retrieval, judge and
// rerank costs) only for the rows that have them. Iterating gives each row back as a ChartRow,
// one short-lived object at a time. At 100,000 results an array of row objects held ~10 MB
// (object, boxed latency and cost each) plus its backing store in large-object space; these
// columns hold ~2 MB.
import type { CaseResult } from '../run/types.js';
import { createInternTable, float64Column, uint8Column, uint32Column } from '../columns/growable-column.js';
import { type ChartRow, toChartRow } from './chart-row.js';

/** Marks chart rows whose every iteration starts again from the first row. */
export const RESTARTS: unique symbol = Symbol('evalgate.chartRowsRestart');

export interface ChartRowColumns extends Iterable<ChartRow> {
  add(result: CaseResult): void;
  readonly length: number;
  readonly [RESTARTS]: true;
}

/** How a number field was in the result: a number, null, or absent. */
const NUMBER = 0;
const NULL = 1;
const ABSENT = 2;

const kindOf = (value: number | null | undefined): number =>
  value === null ? NULL : value === undefined ? ABSENT : NUMBER;
const numberOf = (kind: number, value: number): number | null | undefined =>
  kind === NUMBER ? value : kind === NULL ? null : undefined;

export function chartRowColumns(): ChartRowColumns {
  const names = createInternTable();
  const suite = uint32Column();
  const provider = uint32Column();
  const latency = float64Column();
  const latencyKind = uint8Column();
  const cost = float64Column();
  const costKind = uint8Column();
  const extras = new Map<number, Partial<ChartRow>>();
  return {
    [RESTARTS]: true,
    add(result) {
      const row = toChartRow(result);
      const at = suite.length;
      suite.push(names.id(row.suite));
      provider.push(names.id(row.provider));
      latencyKind.push(kindOf(row.latencyMs));
      latency.push(row.latencyMs ?? 0);
      costKind.push(kindOf(row.costUsd));
      cost.push(row.costUsd ?? 0);
      const { suite: _s, provider: _p, latencyMs: _l, costUsd: _c, ...rest } = row;
      if (Object.keys(rest).length > 0) extras.set(at, rest);
    },
    get length() {
      return suite.length;
    },
    *[Symbol.iterator]() {
      // Each pass restarts here; its views are taken once (a view per row and column cost more
      // than the rows themselves: 4 passes over 100k rows 550 ms against 80 ms in a review).
      const n = suite.length;
      const suites = suite.view();
      const providers = provider.view();
      const latencies = latency.view();
      const latencyKinds = latencyKind.view();
      const costs = cost.view();
      const costKinds = costKind.view();
      for (let i = 0; i < n; i++) {
        const row = {
          suite: names.value(suites[i]),
          provider: names.value(providers[i]),
          latencyMs: numberOf(latencyKinds[i], latencies[i]),
          costUsd: numberOf(costKinds[i], costs[i]),
        } as ChartRow;
        const extra = extras.get(i);
        yield extra ? { ...row, ...extra } : row;
      }
    },
  };
}
