// The data the HTML report's script works on, derived from a run's results (and the baseline
// run's, when its folder is kept). Kept compact because a page holds every case: names are
// interned into tables and referenced by index, chunk texts are stored once and referenced by
// number, and scores are rounded to 4 decimals.
import { describeExpected, explainFailure } from '../analysis/case-explanation.js';
import { higherIsBetter } from '../gate/metric-direction.js';
import type { CaseResult } from '../run/types.js';

export type CaseStatus = 'pass' | 'fail' | 'n/a';
export type CaseChange = 'regressed' | 'improved' | 'mixed' | 'unchanged' | 'new' | 'n/a';

/**
 * One case as the page stores it. Keys are short and defaults are left out, because a
 * 100,000-case page repeats them 100,000 times: status and change are one letter, scores are
 * values aligned with a shared metric layout, and retrieved chunks are numbers into the chunk
 * table with one state letter each.
 */
export interface CaseRow {
  id: string;
  /** suite, provider (indexes into PageMeta) */
  s: number;
  p: number;
  /** repeat, when not 0 */
  r?: number;
  /** status: p = pass, f = fail, n = not assessed */
  st: 'p' | 'f' | 'n';
  /** failure attribution, when the case failed */
  at?: string;
  /** one-line reason, when the case failed */
  why?: string;
  /** change vs baseline: r(egressed), i(mproved), m(ixed), u(nchanged), n(ew); absent without a baseline */
  ch?: 'r' | 'i' | 'm' | 'u' | 'n';
  /** tag indexes, when any */
  t?: number[];
  /** question / input, expected answer (when known), output */
  q: string;
  x?: string;
  o: string | null;
  /** metric layout (index into PageMeta.layouts) and the values in its order */
  m: number;
  v: (number | null)[];
  /** the baseline case's values in the same layout, and its output */
  bv?: (number | null)[];
  bo?: string | null;
  /** chunks (indexes into the chunk table): retrieved in rank order, then any others the context held */
  rc?: number[];
  /** per chunk in rc: i = in the context, d = dropped by the context budget, r = retrieved only */
  cs?: string;
  /** positions in rc whose document is relevant */
  rl?: number[];
  /** answer sentences the support check found unsupported */
  un?: string[];
  lat?: number;
  cost?: number;
}

export interface PageMeta {
  title: string;
  runId: string;
  baselineRunId: string | null;
  /** Whether the baseline's results were found (its run folder may be gone). */
  baselineAvailable: boolean;
  suites: string[];
  providers: string[];
  tags: string[];
  metrics: string[];
  /** Per metric: true when higher is better. */
  higher: boolean[];
  /** Metric orders shared by rows (indexes into metrics). */
  layouts: number[][];
  /** Whether chunk texts were found (the index may have been rebuilt or deleted). */
  chunkTexts: boolean;
  cases: number;
}

export interface PageChunk {
  id: string;
  doc: string;
  text: string | null;
}

/** Everything a row needs beyond the result: lookups shared across rows. */
export interface RowContext {
  meta: PageMeta;
  chunkIndex: Map<string, number>;
  layoutIndex: Map<string, number>;
  chunks: PageChunk[];
  chunkText: (id: string) => string | undefined;
  baseline: Map<string, CaseResult> | null;
  unsupported: (result: CaseResult, passages: { id: string; docId: string; text: string }[]) => string[];
}

export function createRowContext(options: {
  title: string;
  runId: string;
  baselineRunId: string | null;
  chunkText: (id: string) => string | undefined;
  hasChunkTexts: boolean;
  baseline: readonly CaseResult[] | null;
  unsupported: RowContext['unsupported'];
}): RowContext {
  const baseline = options.baseline ? new Map(options.baseline.map((b) => [caseKey(b), b])) : null;
  return {
    meta: {
      title: options.title,
      runId: options.runId,
      baselineRunId: options.baselineRunId,
      baselineAvailable: baseline !== null,
      suites: [],
      providers: [],
      tags: [],
      metrics: [],
      higher: [],
      layouts: [],
      chunkTexts: options.hasChunkTexts,
      cases: 0,
    },
    chunkIndex: new Map(),
    layoutIndex: new Map(),
    chunks: [],
    chunkText: options.chunkText,
    baseline,
    unsupported: options.unsupported,
  };
}

export function caseKey(r: Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'repeat'>): string {
  return `${r.suite}\u0000${r.provider}\u0000${r.caseId}\u0000${r.repeat}`;
}

function intern(list: string[], value: string): number {
  // Linear search is fine: suites, providers and tags number in the tens.
  const at = list.indexOf(value);
  if (at >= 0) return at;
  list.push(value);
  return list.length - 1;
}

function metricIndex(ctx: RowContext, metric: string): number {
  const before = ctx.meta.metrics.length;
  const at = intern(ctx.meta.metrics, metric);
  if (at === before) ctx.meta.higher.push(higherIsBetter(metric));
  return at;
}

function chunkRef(ctx: RowContext, id: string, docId: string): number {
  const known = ctx.chunkIndex.get(id);
  if (known !== undefined) return known;
  ctx.chunks.push({ id, doc: docId, text: ctx.chunkText(id) ?? null });
  ctx.chunkIndex.set(id, ctx.chunks.length - 1);
  return ctx.chunks.length - 1;
}

/** Three decimals: what the page shows, and a third of the bytes of a full double. */
const round = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 1000;

export function statusOf(result: CaseResult): CaseStatus {
  if (result.error) return 'fail';
  if (result.attribution === null) return 'n/a';
  return result.attribution === 'pass' ? 'pass' : 'fail';
}

/** How the case's scores moved against the baseline case, metric by metric. */
export function changeOf(result: CaseResult, base: CaseResult | undefined): Exclude<CaseChange, 'n/a'> {
  if (!base) return 'new';
  let better = 0;
  let worse = 0;
  for (const [metric, value] of Object.entries(result.scores)) {
    const before = base.scores[metric];
    if (value === null || before === null || before === undefined) continue;
    const delta = (value - before) * (higherIsBetter(metric) ? 1 : -1);
    if (delta > 1e-9) better++;
    else if (delta < -1e-9) worse++;
  }
  if (better > 0 && worse > 0) return 'mixed';
  if (worse > 0) return 'regressed';
  if (better > 0) return 'improved';
  return 'unchanged';
}

const STATUS_CODE = { pass: 'p', fail: 'f', 'n/a': 'n' } as const;
const CHANGE_CODE = { regressed: 'r', improved: 'i', mixed: 'm', unchanged: 'u', new: 'n' } as const;

function layoutOf(ctx: RowContext, metrics: string[]): number {
  const key = metrics.join('\u0000');
  const known = ctx.layoutIndex.get(key);
  if (known !== undefined) return known;
  ctx.meta.layouts.push(metrics.map((m) => metricIndex(ctx, m)));
  ctx.layoutIndex.set(key, ctx.meta.layouts.length - 1);
  return ctx.meta.layouts.length - 1;
}

export function toCaseRow(ctx: RowContext, result: CaseResult): CaseRow {
  ctx.meta.cases++;
  const base = ctx.baseline?.get(caseKey(result));
  const status = statusOf(result);
  const metrics = Object.keys(result.scores);
  const row: CaseRow = {
    id: result.caseId,
    s: intern(ctx.meta.suites, result.suite),
    p: intern(ctx.meta.providers, result.provider),
    st: STATUS_CODE[status],
    q: result.input,
    o: result.output,
    m: layoutOf(ctx, metrics),
    v: metrics.map((m) => round(result.scores[m])),
  };
  if (result.repeat !== 0) row.r = result.repeat;
  if (status === 'fail') {
    if (result.attribution) row.at = result.attribution;
    row.why = explainFailure(result);
  }
  if (ctx.baseline) row.ch = CHANGE_CODE[changeOf(result, base)];
  if (result.tags.length > 0) row.t = result.tags.map((tag) => intern(ctx.meta.tags, tag));
  const expected = describeExpected(result);
  if (expected !== null) row.x = expected;
  if (base) {
    row.bv = metrics.map((m) => round(base.scores[m]));
    row.bo = base.output;
  }
  addChunks(ctx, row, result);
  if (result.latencyMs !== null) row.lat = Math.round(result.latencyMs * 10) / 10;
  if (result.costUsd) row.cost = result.costUsd;
  if (
    result.output &&
    (result.task === 'rag-qa' || result.task === 'qa') &&
    // Flagged, or a sentence counted against groundedness (a long answer can be neither flagged nor
    // wholly grounded).
    ((result.scores['hallucination.rate'] ?? 0) > 0 || (result.scores.groundedness ?? 1) < 1)
  ) {
    const ids = result.context?.included ?? result.retrieval?.chunks.map((c) => c.id) ?? [];
    const passages = ids.flatMap((id) => {
      const text = ctx.chunkText(id);
      return text === undefined ? [] : [{ id, docId: docIdOf(result, id), text }];
    });
    if (passages.length > 0) {
      const un = ctx.unsupported(result, passages);
      if (un.length > 0) row.un = un;
    }
  }
  return row;
}

function docIdOf(result: CaseResult, chunkId: string): string {
  return result.retrieval?.chunks.find((c) => c.id === chunkId)?.docId ?? chunkId.replace(/#\d+$/, '');
}

/** Retrieved chunks in rank order, then context chunks that were not retrieved, each with its state. */
function addChunks(ctx: RowContext, row: CaseRow, result: CaseResult): void {
  const ids = [...(result.retrieval?.chunks.map((c) => c.id) ?? [])];
  const included = new Set(result.context?.included ?? []);
  const dropped = new Set(result.context?.dropped ?? []);
  for (const id of [...included, ...dropped]) if (!ids.includes(id)) ids.push(id);
  if (ids.length === 0) return;
  row.rc = ids.map((id) => chunkRef(ctx, id, docIdOf(result, id)));
  if (result.context)
    row.cs = ids.map((id) => (dropped.has(id) ? 'd' : included.has(id) ? 'i' : 'r')).join('');
  const relevant = ids.flatMap((id, at) =>
    (result.relevantDocs?.[docIdOf(result, id)] ?? 0) > 0 ? [at] : [],
  );
  if (relevant.length > 0) row.rl = relevant;
}
