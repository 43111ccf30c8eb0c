// The on-page form of a case row, in two parts. The index part (id, suite, provider, status,
// question, tags, change) is plain escaped JSON, so every case id and question is in the page
// text and the table can filter before anything else is read. The detail part (answer,
// scores, chunks, reasons) is gzip-compressed with the other rows' and base64-encoded: at
// 100,000 cases it is most of the bytes, and it compresses about fivefold.
// Both are positional arrays (key names are not repeated 100,000 times) with scores as
// integers in thousandths, absent values as 0 and trailing absences cut. The page's script
// undoes this in clientMain; keep the two in step.
import type { CaseRow } from './page-data.js';

/** Positions in the packed arrays (the client reads them by these positions). */
export const INDEX_FIELDS = ['id', 's', 'p', 'st', 'q', 't', 'ch'] as const;
export const DETAIL_FIELDS = ['o', 'm', 'v', 'x', 'lat', 'rc', 'cs', 'rl', 'extra'] as const;

const milli = (values: (number | null)[]): (number | null)[] =>
  values.map((v) => (v === null ? null : Math.round(v * 1000)));

function trim(packed: unknown[], keep: number): unknown[] {
  while (packed.length > keep && (packed[packed.length - 1] === 0 || packed[packed.length - 1] === null))
    packed.pop();
  return packed;
}

export function packIndex(row: CaseRow): unknown[] {
  return trim([row.id, row.s, row.p, row.st, row.q, row.t ?? 0, row.ch ?? 0], 5);
}

export function packDetail(row: CaseRow): unknown[] {
  const extra: Record<string, unknown> = {};
  if (row.r !== undefined) extra.r = row.r;
  if (row.at !== undefined) extra.at = row.at;
  if (row.why !== undefined) extra.why = row.why;
  if (row.bv !== undefined) extra.bv = milli(row.bv);
  if (row.bo !== undefined) extra.bo = row.bo;
  if (row.un !== undefined) extra.un = row.un;
  if (row.cost !== undefined) extra.cost = row.cost;
  return trim(
    [
      row.o,
      row.m,
      milli(row.v),
      row.x ?? 0,
      row.lat ?? null,
      row.rc ?? 0,
      row.cs ?? 0,
      row.rl ?? 0,
      Object.keys(extra).length > 0 ? extra : 0,
    ],
    3,
  );
}
