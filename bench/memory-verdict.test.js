import { describe, expect, it } from 'vitest';
import { medianRuns, verdictLines } from './memory-verdict.js';

const MB = 1024 * 1024;
const round = (at20k, at100k) => [
  { cases: 20000, maxRssBytes: at20k * MB },
  { cases: 100000, maxRssBytes: at100k * MB },
];

describe('memory verdicts', () => {
  it('passes under both targets and fails each one at it', () => {
    expect(verdictLines(round(200, 239.9))).toEqual([
      'peak RSS at 100,000 cases: 239.90 MB (target < 250 MB): met',
      'peak RSS growth 20,000 -> 100,000 cases: 200 -> 240 MB, +19.95 % (target < 20 %): met',
    ]);
    // Exactly 20 % (which floating-point division reads as 19.999…) and exactly 250 MB miss.
    expect(verdictLines(round(200, 240)).at(-1)).toMatch(/\+20\.00 % \(target < 20 %\): MISSED$/);
    expect(verdictLines(round(215, 250))[0]).toBe(
      'peak RSS at 100,000 cases: 250.00 MB (target < 250 MB): MISSED',
    );
    expect(verdictLines(round(215, 249.99))[0]).toBe(
      'peak RSS at 100,000 cases: 249.99 MB (target < 250 MB): met',
    );
  });

  it('reads the median peak of each size over rounds, not the best or the last', () => {
    const rounds = [round(190, 230), round(200, 221), round(195, 240)];
    expect(medianRuns(rounds).map((r) => r.maxRssBytes / MB)).toEqual([195, 230]);
    // An even count: the mean of the two middle peaks.
    expect(medianRuns(rounds.slice(0, 2)).map((r) => r.maxRssBytes / MB)).toEqual([195, 225.5]);
    // One round that misses among three that meet: the median meets.
    const noisy = [round(190, 222), round(191, 230), round(189, 225)];
    expect(verdictLines(medianRuns(noisy)).at(-1)).toMatch(/met$/);
    // Two of three missing: the median misses.
    const missing = [round(190, 240), round(191, 222), round(189, 235)];
    expect(verdictLines(medianRuns(missing)).at(-1)).toMatch(/MISSED$/);
  });
});
