// A Clock whose time moves only when every piece of work is waiting on it: sleeps queue as
// timers, and once no HTTP request made through `hold(fetch)` is in flight, time jumps to the
// earliest timer. So a rate-limited run of many virtual minutes takes a second of real time,
// and its throughput is measured in virtual time exactly, whatever the machine's load.
// (fake-clock.ts is simpler: each sleep advances time at once, fine for one caller at a time.)
import type { Clock } from '../core/clock.js';

export interface VirtualClock extends Clock {
  /** A fetch during whose requests time stands still (a request takes no virtual time). */
  hold(fetchFn: typeof fetch): typeof fetch;
}

interface Timer {
  at: number;
  resolve: () => void;
}

export function createVirtualClock(startMs = 1_767_225_600_000): VirtualClock {
  let elapsed = 0;
  let inFlight = 0;
  let scheduled = false;
  const timers: Timer[] = [];

  // Two rounds of setImmediate: every microtask chain started by the last I/O callback has
  // run by then, so anything not sleeping is in a held request.
  const check = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() =>
      setImmediate(() => {
        scheduled = false;
        if (inFlight > 0 || timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at);
        elapsed = Math.max(elapsed, timers[0].at);
        while (timers.length > 0 && timers[0].at <= elapsed) timers.shift()?.resolve();
      }),
    );
  };

  return {
    now: () => startMs + elapsed,
    monotonic: () => elapsed,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const timer: Timer = {
          at: elapsed + Math.max(0, ms),
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        check();
      });
    },
    hold(fetchFn) {
      return (async (input: string | URL | Request, init?: RequestInit) => {
        inFlight++;
        try {
          return await fetchFn(input, init);
        } finally {
          inFlight--;
          check();
        }
      }) as typeof fetch;
    },
  };
}
