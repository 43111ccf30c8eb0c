// One suite × provider's rows in the column store, indexed by case: case ids in sorted order,
// each row's case index, and per-metric columns built on demand (NaN where the metric is null
// or absent on a row). What summarizeSuite and summarizeClassification read.
import type { ResultColumns } from '../columns/result-columns.js';
import { transposeInPlace } from '../columns/transpose-in-place.js';

export interface SuiteRows {
  readonly columns: ResultColumns;
  readonly start: number;
  readonly end: number;
  /** Unique cases (repeats count once), sorted by id. */
  readonly n: number;
  /** Their ids, in that order (built when read). */
  readonly caseIds: readonly string[];
  /** Case index of row start + k, at k. */
  readonly caseOf: Uint32Array;
  /** Score names any row of the group carries (null values included). */
  metricNames(): string[];
  /** The metric per row (index k for row start + k); null when no row carries it. */
  metric(name: string): Float64Array | null;
  /**
   * Lends the group's scores as one column per metric without copying them, when every row of
   * the group carries the same metrics in the same order (a run of one suite, or of suites alike):
   * the group's block of the scores pool is transposed in place, and metric() returns views of
   * it. Returns the function that transposes it back; until that is called, nothing may read the
   * pool other than through metric(), and no view may be kept after it. At 100,000 cases of ten
   * metrics the copies were 8 MB alive through the statistics (docs/constant-memory.md).
   */
  lendMetricColumns(): () => void;
}

/**
 * Per column store, built once and shared by its groups (a run of thousands of suite × provider
 * groups must not rebuild tables the size of the whole intern table per group): each interned
 * string's sort rank, the id at each rank, and a case-index scratch that is all -1 between calls.
 */
interface InternTables {
  rank: Uint32Array;
  idOfRank: Uint32Array;
  scratch: Int32Array;
}

const tablesCache = new WeakMap<ResultColumns, InternTables>();

function tablesOf(columns: ResultColumns): InternTables {
  let tables = tablesCache.get(columns);
  if (!tables || tables.rank.length !== columns.strings.size) {
    const rank = columns.strings.ranks();
    const idOfRank = new Uint32Array(rank.length);
    for (let id = 0; id < rank.length; id++) idOfRank[rank[id]] = id;
    tables = { rank, idOfRank, scratch: new Int32Array(rank.length).fill(-1) };
    tablesCache.set(columns, tables);
  }
  return tables;
}

export function suiteRows(columns: ResultColumns, start: number, end: number): SuiteRows {
  const { rank, idOfRank, scratch: caseIndex } = tablesOf(columns);
  // Case index per interned id, in the shared scratch sized by the intern table (4 bytes an id):
  // a 100,000-case group used to build a Set, a sorted list and a Map of [id, index] pairs
  // (~15 MB alive together). Ranks are unique, so sorting them orders the cases as before.
  const uniqueRanks = new Uint32Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const id = columns.caseId[i];
    if (caseIndex[id] === -1) {
      caseIndex[id] = 0;
      uniqueRanks[n++] = rank[id];
    }
  }
  const sortedRanks = uniqueRanks.subarray(0, n).sort();
  const sortedIds = new Uint32Array(n);
  for (let c = 0; c < n; c++) {
    sortedIds[c] = idOfRank[sortedRanks[c]];
    caseIndex[sortedIds[c]] = c;
  }
  const caseOf = new Uint32Array(end - start);
  for (let i = start; i < end; i++) caseOf[i - start] = caseIndex[columns.caseId[i]];
  // Back to all -1 for the next group: only this group's ids were touched.
  for (let c = 0; c < n; c++) caseIndex[sortedIds[c]] = -1;

  const metricIds = new Map<string, number>();
  for (let k = columns.scoreStart[start]; k < columns.scoreStart[end]; k++) {
    const id = columns.scoreMetric[k];
    const name = columns.strings.value(id);
    if (!metricIds.has(name)) metricIds.set(name, id);
  }
  const built = new Map<string, Float64Array>();
  let lent = false;
  return {
    columns,
    start,
    end,
    n,
    get caseIds() {
      return Array.from(sortedIds, (id) => columns.strings.value(id));
    },
    caseOf,
    metricNames: () => [...metricIds.keys()],
    metric(name) {
      const id = metricIds.get(name);
      if (id === undefined) return null;
      let values = built.get(name);
      if (!values) {
        values = new Float64Array(end - start).fill(Number.NaN);
        for (let i = start; i < end; i++)
          for (let k = columns.scoreStart[i]; k < columns.scoreStart[i + 1]; k++)
            if (columns.scoreMetric[k] === id) values[i - start] = columns.scoreValue[k];
        built.set(name, values);
      }
      return values;
    },
    lendMetricColumns() {
      const k = metricsPerRow(columns, start, end);
      if (lent || k === null) return () => {};
      const m = end - start;
      const base = columns.scoreStart[start];
      built.clear();
      transposeInPlace(columns.scoreValue, base, m, k);
      lent = true;
      for (let j = 0; j < k; j++) {
        const name = columns.strings.value(columns.scoreMetric[base + j]);
        built.set(name, columns.scoreValue.subarray(base + j * m, base + (j + 1) * m));
      }
      return () => {
        if (!lent) return;
        transposeInPlace(columns.scoreValue, base, k, m);
        built.clear();
        lent = false;
      };
    },
  };
}

/**
 * k when every row in [start, end) carries k scores (k > 0) for the same metrics in the same
 * order, stored one row after the other; else null. (A metric twice in a row would take its last
 * value in the copy and in the view alike.)
 */
function metricsPerRow(columns: ResultColumns, start: number, end: number): number | null {
  const { scoreStart, scoreMetric } = columns;
  if (end <= start) return null;
  const base = scoreStart[start];
  const k = scoreStart[start + 1] - base;
  if (k === 0) return null;
  for (let i = start; i <= end; i++) if (scoreStart[i] !== base + (i - start) * k) return null;
  for (let i = start + 1; i < end; i++) {
    const at = base + (i - start) * k;
    for (let j = 0; j < k; j++) if (scoreMetric[at + j] !== scoreMetric[base + j]) return null;
  }
  return k;
}
