// The on-page form of a case row: a positional array instead of an object, so key names are
// not repeated 100,000 times, and scores as integers in thousandths ("435" not "0.435"). Rare
// fields ride in a trailing object. Absent values are 0 (null for latency) and trailing absences are cut.
// The page's script undoes this in clientMain (unpack); keep the two in step.
import type { CaseRow } from './page-data.js';

/** Positions in the packed array (documented for the client's unpack). */
export const PACKED_FIELDS = ['id', 's', 'p', 'st', 'q', 'o', 'm', 'v', 'x', 't', 'lat', 'rc', 'cs', 'rl', 'ch', 'extra'] as const;

const milli = (values: (number | null)[]): (number | null)[] =>
  values.map((v) => (v === null ? null : Math.round(v * 1000)));

export function packRow(row: CaseRow): unknown[] {
  const extra: Record<string, unknown> = {};
  if (row.r !== undefined) extra.r = row.r;
  if (row.at !== undefined) extra.at = row.at;
  if (row.why !== undefined) extra.why = row.why;
  if (row.bv !== undefined) extra.bv = milli(row.bv);
  if (row.bo !== undefined) extra.bo = row.bo;
  if (row.un !== undefined) extra.un = row.un;
  if (row.cost !== undefined) extra.cost = row.cost;
  const packed: unknown[] = [
    row.id,
    row.s,
    row.p,
    row.st,
    row.q,
    row.o,
    row.m,
    milli(row.v),
    row.x ?? 0,
    row.t ?? 0,
    row.lat ?? null,
    row.rc ?? 0,
    row.cs ?? 0,
    row.rl ?? 0,
    row.ch ?? 0,
    Object.keys(extra).length > 0 ? extra : 0,
  ];
  while (packed.length > 8 && (packed[packed.length - 1] === 0 || packed[packed.length - 1] === null)) packed.pop();
  return packed;
}
