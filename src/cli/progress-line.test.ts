import { describe, expect, it } from 'vitest';
import type { Progress } from '../pipeline/run-jobs.js';
import { createFakeClock } from '../testing/fake-clock.js';
import {
  createProgressLine,
  formatDuration,
  formatUsd,
  progressFigures,
  renderProgress,
} from './progress-line.js';

const at = (done: number, extra: Partial<Progress> = {}): Progress => ({
  done,
  total: 2000,
  errors: 0,
  cached: 0,
  ...extra,
});

function fakeStream(columns?: number) {
  const writes: string[] = [];
  return { writes, stream: { write: (s: string) => writes.push(s) > 0, columns } };
}

describe('progress figures', () => {
  it('rate = done / elapsed, ETA = remaining / rate (hand-computed)', () => {
    // 500 of 2000 in 40 s: 12.5/s, 1500 left → 120 s.
    expect(progressFigures(at(500), 40_000)).toEqual({ pct: 25, rate: 12.5, etaMs: 120_000 });
    expect(progressFigures(at(0), 0)).toEqual({ pct: 0, rate: null, etaMs: null });
    expect(progressFigures({ done: 0, total: 0, errors: 0, cached: 0 }, 10)).toEqual({
      pct: 100,
      rate: null,
      etaMs: 0,
    });
  });

  it('formats durations and dollars', () => {
    expect(formatDuration(44_600)).toBe('45s');
    expect(formatDuration(125_000)).toBe('2m05s');
    expect(formatDuration(3_780_000)).toBe('1h03m');
    expect(formatUsd(0.00421)).toBe('$0.0042');
    expect(formatUsd(1.266)).toBe('$1.27');
    expect(formatUsd(312.4)).toBe('$312');
  });
});

describe('renderProgress', () => {
  it('a terminal line: bar, done/total, rate, ETA, cost so far, cached and errors', () => {
    const line = renderProgress(at(500, { costUsd: 0.0123, cached: 4, errors: 1 }), {
      elapsedMs: 40_000,
      tty: true,
    });
    expect(line).toBe(
      '  [######------------------] 500/2000 cases (25%) · 13/s · ETA 2m00s · $0.0123 so far · 4 cached · 1 error',
    );
  });

  it('a log line has no bar and no escape codes', () => {
    const line = renderProgress(at(120, { costUsd: 0.5 }), { elapsedMs: 60_000, tty: false });
    expect(line).toBe('evalgate: 120/2000 cases (6%), 2.0/s, ETA 15m40s, $0.5000 so far');
  });

  it('the finished line says how long it took; a narrow terminal cuts the line', () => {
    expect(renderProgress(at(2000), { elapsedMs: 100_000, tty: false })).toBe(
      'evalgate: 2000/2000 cases (100%), 20/s, took 1m40s',
    );
    expect(renderProgress(at(500), { elapsedMs: 1000, tty: true, columns: 40 })).toHaveLength(39);
  });
});

describe('createProgressLine', () => {
  it('on a TTY redraws at most every 100 ms, always at the end, and clears itself', () => {
    const clock = createFakeClock();
    const { writes, stream } = fakeStream();
    const line = createProgressLine({ stream, enabled: true, tty: true, clock });
    line.update(at(1));
    clock.advance(50);
    line.update(at(2));
    expect(writes).toEqual([]);
    clock.advance(60);
    line.update(at(3));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\r {2}\[.*3\/2000 cases.*\x1b\[K$/);
    line.update(at(2000));
    expect(writes).toHaveLength(2);
    line.done();
    expect(writes[2]).toBe('\r\x1b[2K');
  });

  it('off a TTY prints a plain line every 5 s and a last one at the end; a short run prints nothing', () => {
    const clock = createFakeClock();
    const { writes, stream } = fakeStream();
    const line = createProgressLine({ stream, enabled: true, tty: false, clock });
    for (let i = 1; i <= 12; i++) {
      clock.advance(1000);
      line.update(at(i * 100));
    }
    expect(writes).toEqual([
      'evalgate: 500/2000 cases (25%), 100/s, ETA 15s\n',
      'evalgate: 1000/2000 cases (50%), 100/s, ETA 10s\n',
    ]);
    line.done();
    expect(writes[2]).toBe('evalgate: 1200/2000 cases (60%), 100/s, ETA 8s\n');

    const quick = fakeStream();
    const short = createProgressLine({ stream: quick.stream, enabled: true, tty: false, clock });
    short.update(at(2000));
    short.done();
    expect(quick.writes).toEqual([]);
  });

  it('disabled (--quiet) writes nothing', () => {
    const clock = createFakeClock();
    const { writes, stream } = fakeStream();
    const line = createProgressLine({ stream, enabled: false, tty: true, clock });
    clock.advance(1000);
    line.update(at(2000));
    line.done();
    expect(writes).toEqual([]);
  });
});
