// A Clock for tests: time moves only when something sleeps (or `advance` is called), and every
// requested sleep is recorded, so retry and backoff tests assert waits without waiting.
import type { Clock } from '../core/clock.js';

export interface FakeClock extends Clock {
  /** Every `sleep(ms)` requested, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function createFakeClock(startMs = 1_767_225_600_000): FakeClock {
  let now = startMs;
  let monotonic = 0;
  const sleeps: number[] = [];
  const advance = (ms: number): void => {
    now += ms;
    monotonic += ms;
  };
  return {
    sleeps,
    advance,
    now: () => now,
    monotonic: () => monotonic,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      advance(ms);
    },
  };
}
