// How a matrix cell's verdict reads, in one place for the console, the markdown and the log.
import type { SweepCell, SweepMark } from './sweep-record.js';

export const MARK_SYMBOL: Record<SweepMark, string> = {
  better: '▲',
  worse: '▼',
  same: '≈',
  untested: '–',
};

export const MARK_WORDS: Record<SweepMark, string> = {
  better: 'significantly better than the reference',
  worse: 'significantly worse than the reference',
  same: 'not distinguishable from the reference',
  untested: 'not tested',
};

export function markOf(cell: SweepCell): SweepMark | null {
  return cell.comparison?.mark ?? null;
}
