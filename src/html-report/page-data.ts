// The data the HTML report's script works on, derived from a run's results (and the baseline
// run's, when its folder is kept). Kept compact because a page holds every case: names are
// interned into tables and referenced by index, chunk texts are stored once and referenced by
// number, and scores are rounded to 4 decimals.
import { describeExpected, explainFailure } from '../analysis/case-explanation.js';
import { higherIsBetter } from '../gate/metric-direction.js';
import type { CaseResult } from '../run/types.js';

export type CaseStatus = 'pass' | 'fail' | 'n/a';
export type CaseChange = 'regressed' | 'improved' | 'mixed' | 'unchanged' | 'new' | 'n/a';

/** One case as the page stores it (short keys: a 100,000-case page repeats them 100,000 times). */
export interface CaseRow {
  /** case id */
  id: string;
  /** suite, provider (indexes into PageMeta) */
  s: number;
  p: number;
  /** repeat */
  r: number;
  st: CaseStatus;
  /** failure attribution and a one-line reason */
  at: string | null;
  why: string | null;
  ch: CaseChange;
  /** tag indexes */
  t: number[];
  /** question / input, expected answer, output */
  q: string;
  x: string | null;
  o: string | null;
  /** scores as [metric index, value] pairs; baseline values likewise */
  sc: [number, number | null][];
  bs?: [number, number | null][];
  /** the baseline's output */
  bo?: string | null;
  /** retrieved chunks in rank order (chunk indexes), with relevant document grades */
  rc?: number[];
  rel?: Record<string, number>;
  /** chunks put in the context / dropped by the context budget */
  inc?: number[];
  drop?: number[];
  /** answer sentences the support check found unsupported */
  un?: string[];
  lat: number | null;
  cost: number | null;
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
      chunkTexts: options.hasChunkTexts,
      cases: 0,
    },
    chunkIndex: new Map(),
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

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);

export function statusOf(result: CaseResult): CaseStatus {
  if (result.error) return 'fail';
  if (result.attribution === null) return 'n/a';
  return result.attribution === 'pass' ? 'pass' : 'fail';
}

/** How the case's scores moved against the baseline case, metric by metric. */
export function changeOf(result: CaseResult, base: CaseResult | undefined): CaseChange {
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

export function toCaseRow(ctx: RowContext, result: CaseResult): CaseRow {
  ctx.meta.cases++;
  const base = ctx.baseline?.get(caseKey(result));
  const status = statusOf(result);
  const row: CaseRow = {
    id: result.caseId,
    s: intern(ctx.meta.suites, result.suite),
    p: intern(ctx.meta.providers, result.provider),
    r: result.repeat,
    st: status,
    at: result.attribution,
    why: status === 'fail' ? explainFailure(result) : null,
    ch: ctx.baseline ? changeOf(result, base) : 'n/a',
    t: result.tags.map((tag) => intern(ctx.meta.tags, tag)),
    q: result.input,
    x: describeExpected(result),
    o: result.output,
    sc: Object.entries(result.scores).map(([m, v]) => [metricIndex(ctx, m), round(v)]),
    lat: result.latencyMs === null ? null : Math.round(result.latencyMs * 10) / 10,
    cost: result.costUsd,
  };
  if (base) {
    row.bs = Object.entries(base.scores).map(([m, v]) => [metricIndex(ctx, m), round(v)]);
    row.bo = base.output;
  }
  if (result.retrieval) {
    row.rc = result.retrieval.chunks.map((c) => chunkRef(ctx, c.id, c.docId));
    if (result.relevantDocs) row.rel = result.relevantDocs;
  }
  if (result.context) {
    const docOf = (id: string): string =>
      result.retrieval?.chunks.find((c) => c.id === id)?.docId ?? id.replace(/#\d+$/, '');
    row.inc = result.context.included.map((id) => chunkRef(ctx, id, docOf(id)));
    row.drop = result.context.dropped.map((id) => chunkRef(ctx, id, docOf(id)));
  }
  if (
    result.output &&
    (result.task === 'rag-qa' || result.task === 'qa') &&
    (result.scores['hallucination.rate'] ?? 0) > 0
  ) {
    const ids = result.context?.included ?? result.retrieval?.chunks.map((c) => c.id) ?? [];
    const passages = ids.flatMap((id) => {
      const text = ctx.chunkText(id);
      return text === undefined ? [] : [{ id, docId: id.replace(/#\d+$/, ''), text }];
    });
    if (passages.length > 0) {
      const un = ctx.unsupported(result, passages);
      if (un.length > 0) row.un = un;
    }
  }
  return row;
}
