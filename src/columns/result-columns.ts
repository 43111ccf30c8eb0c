// The compact store a run is aggregated from: one typed array per field and one interned id per
// string, filled row by row as results.jsonl is read (in any order) and then sorted into the
// stable order of sortResults (suite, provider, case id, repeat). Scores, tags and label
// probabilities are sparse per row (CSR: a start offset per row into a shared pool), so a metric
// that appears later in a run costs nothing for the rows before it. About 150 bytes per row for
// ten metrics, where a parsed CaseResult with its texts takes several kilobytes.
import type { CaseResult, FailureAttribution } from '../run/types.js';
import {
  type ColumnSizing,
  columnSlab,
  createInternTable,
  float64Column,
  int32Column,
  type InternTable,
  uint32Column,
  uint8Column,
} from './growable-column.js';
import { assertPermutation, permuteCheckedInPlace } from './permute-in-place.js';

export const ATTRIBUTIONS: readonly FailureAttribution[] = [
  'pass',
  'retrieval-miss',
  'context-overflow',
  'generation-error',
  'wrong-label',
  'provider-error',
];
export const NO_ATTRIBUTION = 255;
/** Int32 columns use −1 for "absent" (undefined or null). */
export const NONE = -1;

export const FLAG_ERROR = 1;
export const FLAG_CACHED = 2;
/** Some token count of the row (answer, rerank or judge) is an estimate. */
export const FLAG_ESTIMATED = 4;
export const FLAG_FIRST_TOKEN = 8;
export const FLAG_PROBABILITIES = 16;
export const FLAG_RERANK_FELL_BACK = 32;
/** `predicted` was present on the row (null counts as present). */
export const FLAG_PREDICTED = 64;

/** Fields per row in `mcq`: chosen, correct, biased, unknown, condition, category, polarity. */
export const MCQ_FIELDS = 7;

/** The per-row columns' element types, in the order the builder creates them (one slab). */
const ROW_KINDS = [
  Uint32Array, // suite
  Uint32Array, // provider
  Uint32Array, // caseId
  Uint32Array, // baseId
  Uint32Array, // repeat
  Uint32Array, // task
  Int32Array, // promptVersion
  Uint8Array, // flags
  Float64Array, // costUsd
  Float64Array, // latencyMs
  Float64Array, // firstTokenMs
  Float64Array, // inputTokens
  Float64Array, // outputTokens
  Uint8Array, // attribution
  Int32Array, // label
  Int32Array, // predicted
  Float64Array, // confidence
  Uint32Array, // probStart
  Uint32Array, // scoreStart
  Uint32Array, // tagStart
  Int32Array, // variantAttribute
  Int32Array, // variantGroup
  Int32Array, // mcqIndex
  Float64Array, // lineOffset
  Uint32Array, // lineLength
] as const;

export interface ResultColumns {
  readonly n: number;
  readonly strings: InternTable;
  readonly suite: Uint32Array;
  readonly provider: Uint32Array;
  readonly caseId: Uint32Array;
  readonly baseId: Uint32Array;
  readonly repeat: Uint32Array;
  readonly task: Uint32Array;
  readonly promptVersion: Int32Array;
  readonly flags: Uint8Array;
  /** NaN: null. */
  readonly costUsd: Float64Array;
  readonly latencyMs: Float64Array;
  readonly firstTokenMs: Float64Array;
  /** Tokens of every call the cost covers: the answer, the rerank of its query, the judge. */
  readonly inputTokens: Float64Array;
  readonly outputTokens: Float64Array;
  readonly attribution: Uint8Array;
  readonly label: Int32Array;
  readonly predicted: Int32Array;
  /** NaN: not a number on the row. */
  readonly confidence: Float64Array;
  readonly probStart: Uint32Array;
  readonly probLabel: Uint32Array;
  readonly probValue: Float64Array;
  readonly scoreStart: Uint32Array;
  readonly scoreMetric: Uint32Array;
  /** NaN: null (or not finite, which JSON cannot carry either). */
  readonly scoreValue: Float64Array;
  readonly tagStart: Uint32Array;
  readonly tagId: Uint32Array;
  readonly variantAttribute: Int32Array;
  readonly variantGroup: Int32Array;
  /** Per row: index into `mcq` (× 7 fields), or −1. */
  readonly mcqIndex: Int32Array;
  readonly mcq: Int32Array;
  /** Row → answer, for counterfactual variants only. */
  readonly outputs: ReadonlyMap<number, string | null>;
  readonly errors: ReadonlyMap<number, { code: string; message: string }>;
  /** Byte offset and length of the row's line in results.jsonl, when read from a file. */
  readonly lineOffset: Float64Array;
  readonly lineLength: Uint32Array;
}

export interface ColumnsBuilder {
  readonly n: number;
  add(result: CaseResult, line?: { offset: number; length: number }): void;
  /** Bytes the columns hold now, and how many reallocations growing them took so far. */
  storage(): { bytes: number; grown: number };
  /**
   * Sorts the rows into results.jsonl's stable order; `sort: false` keeps the order they were
   * added in, `'group'` only brings each suite × provider together (order kept within it).
   * `identity` says the rows were already in that order.
   */
  finish(options?: { sort?: boolean | 'group' }): { columns: ResultColumns; identity: boolean };
}

export interface ColumnsBuilderOptions {
  /**
   * The number of rows about to be added, when known (an upper bound is fine): every per-row
   * column is allocated at that size once, and the shared pools (scores, tags, probabilities) grow
   * to what the rows so far project for the whole run, not by doubling.
   */
  expectedRows?: number;
}

export function createColumnsBuilder(options: ColumnsBuilderOptions = {}): ColumnsBuilder {
  const strings = createInternTable();
  const ids = (value: string | null | undefined): number =>
    value === null || value === undefined ? NONE : strings.id(value);
  const expected = options.expectedRows;
  // With the row count known, every per-row column starts as a view of one slab (columnSlab).
  const slab = expected === undefined || expected === 0 ? null : columnSlab(expected, ROW_KINDS);
  let slot = 0;
  const row = (kind: (typeof ROW_KINDS)[number]): ColumnSizing | undefined => {
    if (expected === undefined) return undefined;
    if (!slab) return { initial: expected };
    // The slab was laid out from ROW_KINDS: a column added out of that order is a bug here.
    if (ROW_KINDS[slot] !== kind) throw new Error(`column ${slot} is not a ${kind.name} in ROW_KINDS`);
    const offset = slab.offsets[slot++];
    return { initial: expected, storage: new kind(slab.buffer, offset, expected) };
  };
  // A pool that fills up grows to its length per row so far × the expected rows (5 % over), and
  // by at least a quarter, so rows that bring more entries later cost few reallocations.
  const pool =
    expected === undefined
      ? undefined
      : {
          next: (length: number) =>
            Math.max(Math.ceil((length / Math.max(1, n)) * expected * 1.05), Math.ceil(length * 1.25)),
        };
  const c = {
    suite: uint32Column(row(Uint32Array)),
    provider: uint32Column(row(Uint32Array)),
    caseId: uint32Column(row(Uint32Array)),
    baseId: uint32Column(row(Uint32Array)),
    repeat: uint32Column(row(Uint32Array)),
    task: uint32Column(row(Uint32Array)),
    promptVersion: int32Column(row(Int32Array)),
    flags: uint8Column(row(Uint8Array)),
    costUsd: float64Column(row(Float64Array)),
    latencyMs: float64Column(row(Float64Array)),
    firstTokenMs: float64Column(row(Float64Array)),
    inputTokens: float64Column(row(Float64Array)),
    outputTokens: float64Column(row(Float64Array)),
    attribution: uint8Column(row(Uint8Array)),
    label: int32Column(row(Int32Array)),
    predicted: int32Column(row(Int32Array)),
    confidence: float64Column(row(Float64Array)),
    probStart: uint32Column(row(Uint32Array)),
    probLabel: uint32Column(pool),
    probValue: float64Column(pool),
    scoreStart: uint32Column(row(Uint32Array)),
    scoreMetric: uint32Column(pool),
    scoreValue: float64Column(pool),
    tagStart: uint32Column(row(Uint32Array)),
    tagId: uint32Column(pool),
    variantAttribute: int32Column(row(Int32Array)),
    variantGroup: int32Column(row(Int32Array)),
    mcqIndex: int32Column(row(Int32Array)),
    mcq: int32Column(pool),
    lineOffset: float64Column(row(Float64Array)),
    lineLength: uint32Column(row(Uint32Array)),
  };
  const outputs = new Map<number, string | null>();
  const errors = new Map<number, { code: string; message: string }>();
  let n = 0;
  const num = (x: number | null | undefined): number =>
    typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN;

  return {
    get n() {
      return n;
    },
    storage() {
      let bytes = 0;
      let grown = 0;
      for (const col of Object.values(c)) {
        bytes += col.capacity * col.view().BYTES_PER_ELEMENT;
        grown += col.grown;
      }
      return { bytes, grown };
    },
    add(r, line) {
      const row = n++;
      c.suite.push(strings.id(r.suite));
      c.provider.push(strings.id(r.provider));
      c.caseId.push(strings.id(r.caseId));
      c.baseId.push(strings.id(r.baseId));
      c.repeat.push(r.repeat);
      c.task.push(strings.id(r.task));
      c.promptVersion.push(ids(r.promptVersion));
      const parts = [r.usage, r.rerank, r.judge];
      let input = 0;
      let output = 0;
      let estimated = false;
      for (const part of parts) {
        if (!part) continue;
        input += part.inputTokens;
        output += part.outputTokens;
        if (part.estimated) estimated = true;
      }
      c.flags.push(
        (r.error ? FLAG_ERROR : 0) |
          (r.cached ? FLAG_CACHED : 0) |
          (estimated ? FLAG_ESTIMATED : 0) |
          (r.firstTokenMs !== undefined ? FLAG_FIRST_TOKEN : 0) |
          (r.labelProbabilities ? FLAG_PROBABILITIES : 0) |
          (r.rerank?.fellBack ? FLAG_RERANK_FELL_BACK : 0) |
          (r.predicted !== undefined ? FLAG_PREDICTED : 0),
      );
      c.costUsd.push(num(r.costUsd));
      c.latencyMs.push(num(r.latencyMs));
      c.firstTokenMs.push(num(r.firstTokenMs));
      c.inputTokens.push(input);
      c.outputTokens.push(output);
      c.attribution.push(r.attribution === null ? NO_ATTRIBUTION : ATTRIBUTIONS.indexOf(r.attribution));
      c.label.push(ids(r.label));
      c.predicted.push(ids(r.predicted));
      c.confidence.push(typeof r.confidence === 'number' ? r.confidence : Number.NaN);
      c.probStart.push(c.probLabel.length);
      if (r.labelProbabilities)
        for (const [label, p] of Object.entries(r.labelProbabilities)) {
          c.probLabel.push(strings.id(label));
          c.probValue.push(p);
        }
      c.scoreStart.push(c.scoreMetric.length);
      for (const [metric, value] of Object.entries(r.scores)) {
        c.scoreMetric.push(strings.id(metric));
        c.scoreValue.push(num(value));
      }
      c.tagStart.push(c.tagId.length);
      for (const tag of r.tags) c.tagId.push(strings.id(tag));
      c.variantAttribute.push(ids(r.variant?.attribute));
      c.variantGroup.push(ids(r.variant?.group));
      if (r.variant) outputs.set(row, r.output);
      if (r.error) errors.set(row, { code: r.error.code, message: r.error.message });
      if (r.mcq) {
        c.mcqIndex.push(c.mcq.length / MCQ_FIELDS);
        const m = r.mcq;
        for (const v of [
          m.chosen ?? NONE,
          m.correct,
          m.biased,
          m.unknown,
          m.condition === 'ambiguous' ? 0 : 1,
          ids(m.category),
          ids(m.polarity),
        ])
          c.mcq.push(v);
      } else c.mcqIndex.push(NONE);
      c.lineOffset.push(line?.offset ?? Number.NaN);
      c.lineLength.push(line?.length ?? 0);
    },
    finish(options = {}) {
      const rank = options.sort === false ? new Uint32Array(0) : strings.ranks();
      const suite = c.suite.view();
      const provider = c.provider.view();
      const caseId = c.caseId.view();
      const repeat = c.repeat.view();
      const order = Uint32Array.from({ length: n }, (_, i) => i);
      const byCase = options.sort !== 'group';
      if (options.sort !== false)
        order.sort(
          (a, b) =>
            rank[suite[a]] - rank[suite[b]] ||
            rank[provider[a]] - rank[provider[b]] ||
            (byCase ? rank[caseId[a]] - rank[caseId[b]] || repeat[a] - repeat[b] : 0) ||
            a - b,
        );
      let identity = true;
      for (let i = 0; i < n; i++) if (order[i] !== i) identity = false;
      // A column sized for the run (readRunColumns counts the lines first) is sorted in place
      // and kept: copying every column once more was ~24 MB of array buffers at 100k rows that
      // glibc then kept. One that grew by doubling is copied to its length, so the store never
      // keeps a mostly empty buffer; its builder column is released once copied.
      const visited = identity ? new Uint8Array(0) : new Uint8Array(n);
      // Checked once here; every column below is reordered by this same order.
      if (!identity) assertPermutation(order, visited);
      const take = <A extends Float64Array | Uint32Array | Int32Array | Uint8Array>(col: {
        view(): A;
        readonly capacity: number;
        release(): void;
      }): A => {
        const from = col.view();
        const inPlace = col.capacity <= Math.ceil(n * 1.1) + 8;
        let out: A;
        if (inPlace) {
          out = from;
          if (!identity) permuteCheckedInPlace(out, order, visited);
        } else {
          out = from.slice() as A;
          if (!identity) for (let i = 0; i < n; i++) out[i] = from[order[i]];
        }
        col.release();
        return out;
      };
      const sparse = (
        start: Uint32Array,
        pools: { view(): Float64Array | Uint32Array | Int32Array; release(): void }[],
      ) => {
        const total = pools[0].view().length;
        const newStart = new Uint32Array(n + 1);
        const sources = pools.map((p) => p.view());
        // Every row of the run with the same number of entries (k: a run of one suite, or of
        // suites with as many metrics and no per-case assertions) or rows already in order: the
        // pools are reordered in place as blocks of k, like the per-row columns, instead of copied (a second copy of the scores pool was
        // ~12 MB at 100k rows, and freeing the first raised glibc's mmap threshold above every
        // per-row column's size, so they and the statistics' arrays stayed in its heap).
        const stride = n === 0 ? 0 : total / n;
        let uniform = Number.isInteger(stride);
        for (let i = 0; uniform && i < n; i++) if (start[i] !== i * stride) uniform = false;
        if (identity || uniform) {
          const inPlace = sources.map((s) => (fitsInPlace(s, total) ? s : s.slice()));
          if (!identity) for (const pool of inPlace) permuteCheckedInPlace(pool, order, visited, stride);
          if (identity) newStart.set(start);
          else for (let i = 0; i < n; i++) newStart[i] = i * stride;
          newStart[n] = total;
          for (const p of pools) p.release();
          return { start: newStart, pools: inPlace };
        }
        const targets = sources.map((s) => s.slice());
        let at = 0;
        for (let i = 0; i < n; i++) {
          const row = order[i];
          const from = start[row];
          const to = row + 1 < n ? start[row + 1] : total;
          newStart[i] = at;
          for (let k = 0; k < sources.length; k++) targets[k].set(sources[k].subarray(from, to), at);
          at += to - from;
        }
        newStart[n] = at;
        for (const p of pools) p.release();
        return { start: newStart, pools: targets };
      };
      const probs = sparse(c.probStart.view(), [c.probLabel, c.probValue]);
      const scores = sparse(c.scoreStart.view(), [c.scoreMetric, c.scoreValue]);
      const tags = sparse(c.tagStart.view(), [c.tagId]);
      for (const start of [c.probStart, c.scoreStart, c.tagStart]) start.release();
      const position = new Uint32Array(n);
      for (let i = 0; i < n; i++) position[order[i]] = i;
      const remap = <T>(map: Map<number, T>): Map<number, T> =>
        new Map([...map].map(([row, v]) => [position[row], v] as [number, T]).sort((a, b) => a[0] - b[0]));
      const columns: ResultColumns = {
        n,
        strings,
        suite: take(c.suite),
        provider: take(c.provider),
        caseId: take(c.caseId),
        baseId: take(c.baseId),
        repeat: take(c.repeat),
        task: take(c.task),
        promptVersion: take(c.promptVersion),
        flags: take(c.flags),
        costUsd: take(c.costUsd),
        latencyMs: take(c.latencyMs),
        firstTokenMs: take(c.firstTokenMs),
        inputTokens: take(c.inputTokens),
        outputTokens: take(c.outputTokens),
        attribution: take(c.attribution),
        label: take(c.label),
        predicted: take(c.predicted),
        confidence: take(c.confidence),
        probStart: probs.start,
        probLabel: probs.pools[0] as Uint32Array,
        probValue: probs.pools[1] as Float64Array,
        scoreStart: scores.start,
        scoreMetric: scores.pools[0] as Uint32Array,
        scoreValue: scores.pools[1] as Float64Array,
        tagStart: tags.start,
        tagId: tags.pools[0] as Uint32Array,
        variantAttribute: take(c.variantAttribute),
        variantGroup: take(c.variantGroup),
        mcqIndex: take(c.mcqIndex),
        mcq: c.mcq.view().slice(),
        outputs: remap(outputs),
        errors: remap(errors),
        lineOffset: take(c.lineOffset),
        lineLength: take(c.lineLength),
      };
      c.mcq.release();
      strings.seal();
      return { columns, identity };
    },
  };
}

/** Builds sorted columns from results in memory (tests, and callers that already hold them). */
export function columnsFromResults(
  results: Iterable<CaseResult>,
  options?: { sort?: boolean | 'group' },
): ResultColumns {
  const builder = createColumnsBuilder();
  for (const r of results) builder.add(r);
  return builder.finish(options).columns;
}

/** Contiguous row ranges of each suite × provider, in row order. */
export function columnGroups(
  columns: ResultColumns,
): { suite: string; provider: string; start: number; end: number }[] {
  const out: { suite: string; provider: string; start: number; end: number }[] = [];
  for (let i = 0; i < columns.n; ) {
    let j = i + 1;
    while (
      j < columns.n &&
      columns.suite[j] === columns.suite[i] &&
      columns.provider[j] === columns.provider[i]
    )
      j++;
    out.push({
      suite: columns.strings.value(columns.suite[i]),
      provider: columns.strings.value(columns.provider[i]),
      start: i,
      end: j,
    });
    i = j;
  }
  return out;
}

/** The buffer under `view` is at most ~10 % larger than `length` values: kept, not copied. */
function fitsInPlace(view: Float64Array | Uint32Array | Int32Array | Uint8Array, length: number): boolean {
  return view.buffer.byteLength <= Math.ceil(length * 1.1) * view.BYTES_PER_ELEMENT + 64;
}
