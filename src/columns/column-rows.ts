// Rows of the column store read back as plain objects: the aggregation row (one at a time, or a
// group's), and each row's ids and scores for per-case tables. Readers only; the store and its
// builder are in result-columns.ts.
import type { CaseResult } from '../run/types.js';
import type { AggregateRow } from './aggregate-row.js';
import {
  ATTRIBUTIONS,
  FLAG_CACHED,
  FLAG_FIRST_TOKEN,
  FLAG_PREDICTED,
  FLAG_PROBABILITIES,
  MCQ_FIELDS,
  NO_ATTRIBUTION,
  NONE,
  type ResultColumns,
} from './result-columns.js';

/**
 * Row i as the plain object aggregation code reads (fields in CaseResult's usual order). With
 * `onlyMetric`, `scores` holds that one metric (when the row has it): a caller that reads one
 * score per row does not build a dozen-key object for each.
 */
export function aggregateRow(columns: ResultColumns, i: number, onlyMetric?: number): AggregateRow {
  const s = columns.strings;
  const opt = (id: number): string | undefined => (id === NONE ? undefined : s.value(id));
  const flags = columns.flags[i];
  const row: AggregateRow = {
    suite: s.value(columns.suite[i]),
    task: s.value(columns.task[i]) as AggregateRow['task'],
    caseId: s.value(columns.caseId[i]),
    baseId: s.value(columns.baseId[i]),
    provider: s.value(columns.provider[i]),
    repeat: columns.repeat[i],
    promptVersion: opt(columns.promptVersion[i]) ?? null,
    costUsd: nullable(columns.costUsd[i]),
    latencyMs: nullable(columns.latencyMs[i]),
    cached: (flags & FLAG_CACHED) !== 0,
    attribution: columns.attribution[i] === NO_ATTRIBUTION ? null : ATTRIBUTIONS[columns.attribution[i]],
    scores: {},
    tags: [],
  };
  if (columns.variantAttribute[i] !== NONE) {
    row.variant = {
      attribute: s.value(columns.variantAttribute[i]),
      group: s.value(columns.variantGroup[i]),
    };
    row.output = columns.outputs.get(i) ?? null;
  }
  const label = opt(columns.label[i]);
  if (label !== undefined) row.label = label;
  if (flags & FLAG_PREDICTED) row.predicted = opt(columns.predicted[i]) ?? null;
  if (!Number.isNaN(columns.confidence[i])) row.confidence = columns.confidence[i];
  if (flags & FLAG_PROBABILITIES) {
    const p: Record<string, number> = {};
    for (let k = columns.probStart[i]; k < columns.probStart[i + 1]; k++)
      p[s.value(columns.probLabel[k])] = columns.probValue[k];
    row.labelProbabilities = p;
  }
  if (flags & FLAG_FIRST_TOKEN) row.firstTokenMs = columns.firstTokenMs[i];
  const error = columns.errors.get(i);
  if (error) row.error = error;
  for (let k = columns.scoreStart[i]; k < columns.scoreStart[i + 1]; k++)
    if (onlyMetric === undefined || columns.scoreMetric[k] === onlyMetric)
      row.scores[s.value(columns.scoreMetric[k])] = nullable(columns.scoreValue[k]);
  for (let k = columns.tagStart[i]; k < columns.tagStart[i + 1]; k++)
    row.tags.push(s.value(columns.tagId[k]));
  if (columns.mcqIndex[i] !== NONE) {
    const at = columns.mcqIndex[i] * MCQ_FIELDS;
    const m = columns.mcq;
    row.mcq = {
      chosen: m[at] === NONE ? null : m[at],
      correct: m[at + 1],
      biased: m[at + 2],
      unknown: m[at + 3],
      condition: m[at + 4] === 0 ? 'ambiguous' : 'disambiguated',
      ...(m[at + 5] !== NONE ? { category: s.value(m[at + 5]) } : {}),
      ...(m[at + 6] !== NONE ? { polarity: s.value(m[at + 6]) } : {}),
    };
  }
  return row;
}

/** Rows start … end − 1 as plain objects, for one group's pass (dropped after it). */
export function aggregateRows(columns: ResultColumns, start = 0, end = columns.n): AggregateRow[] {
  const out: AggregateRow[] = new Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = aggregateRow(columns, i);
  return out;
}

function nullable(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/**
 * Each row's ids and scores, one short-lived object at a time (per-case tables, judge checks).
 * With `only`, a row's scores keep only the metrics it accepts, and rows left with none are
 * skipped: a pass that reads a few metrics does not build every row's dozen scores.
 */
export function* scoreRows(
  columns: ResultColumns,
  only?: (metric: string) => boolean,
): Generator<Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'repeat' | 'scores'>> {
  const s = columns.strings;
  const accepted = new Map<number, boolean>();
  const accepts = (id: number): boolean => {
    if (!only) return true;
    let yes = accepted.get(id);
    if (yes === undefined) accepted.set(id, (yes = only(s.value(id))));
    return yes;
  };
  for (let i = 0; i < columns.n; i++) {
    const scores: Record<string, number | null> = {};
    let kept = 0;
    for (let k = columns.scoreStart[i]; k < columns.scoreStart[i + 1]; k++) {
      if (!accepts(columns.scoreMetric[k])) continue;
      scores[s.value(columns.scoreMetric[k])] = nullable(columns.scoreValue[k]);
      kept++;
    }
    if (only && kept === 0) continue;
    yield {
      suite: s.value(columns.suite[i]),
      provider: s.value(columns.provider[i]),
      caseId: s.value(columns.caseId[i]),
      repeat: columns.repeat[i],
      scores,
    };
  }
}
