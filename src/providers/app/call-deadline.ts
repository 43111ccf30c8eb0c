// Per-call deadlines for the app providers: an AbortSignal that fires after `ms` (or when the
// caller's own signal does). Two things keep a call cheap, because in-process module calls take
// microseconds and the provider should add little (bench: module overhead):
// - one interval per provider checks every pending call, instead of a timer per call (timer
//   objects were most of the garbage a call left behind); a deadline fires within one tick
//   (ms/20, between 5 ms and 1 s) after it is due;
// - the AbortController is only made when someone reads `signal` (AbortSignal.timeout and
//   AbortSignal.any cost more than the rest of the call); `onAbort` hears the abort directly.

export interface CallDeadline {
  readonly signal: AbortSignal;
  /** True when the deadline (not the caller) aborted the call. */
  readonly timedOut: boolean;
  clear(): void;
}

export interface DeadlineTimer {
  start(outer?: AbortSignal, onAbort?: (reason: unknown) => void): CallDeadline;
}

interface Pending {
  dueAt: number;
  expire(ms: number): void;
}

export function createDeadlineTimer(ms: number, now: () => number = () => performance.now()): DeadlineTimer {
  const tick = Math.min(1000, Math.max(5, Math.round(ms / 20)));
  const pending = new Set<Deadline>();
  let interval: NodeJS.Timeout | undefined;
  const check = (): void => {
    const t = now();
    for (const d of pending)
      if (d.dueAt <= t) {
        pending.delete(d);
        d.expire(ms);
      }
    // Stopped lazily, on a tick that finds nothing to watch, not on every call's end.
    if (pending.size === 0 && interval) {
      clearInterval(interval);
      interval = undefined;
    }
  };
  return {
    start(outer, onAbort) {
      const deadline = new Deadline(now() + ms, pending, outer, onAbort);
      pending.add(deadline);
      interval ??= setInterval(check, tick);
      return deadline;
    },
  };
}

/** A class, not an object literal with getters and closures: a call should leave little garbage. */
class Deadline implements CallDeadline, Pending {
  timedOut = false;
  private controller: AbortController | undefined;
  private aborted: { reason: unknown } | undefined;
  private readonly onOuterAbort: (() => void) | undefined;

  constructor(
    readonly dueAt: number,
    private readonly pending: Set<Deadline>,
    private readonly outer: AbortSignal | undefined,
    private readonly onAbort: ((reason: unknown) => void) | undefined,
  ) {
    if (outer) {
      this.onOuterAbort = () => this.abort(outer.reason);
      if (outer.aborted) this.abort(outer.reason);
      else outer.addEventListener('abort', this.onOuterAbort, { once: true });
    }
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.aborted.reason);
    }
    return this.controller.signal;
  }

  expire(ms: number): void {
    this.timedOut = true;
    this.abort(new DOMException(`no reply within ${ms} ms`, 'TimeoutError'));
  }

  clear(): void {
    this.pending.delete(this);
    if (this.onOuterAbort) this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  private abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = { reason };
    this.controller?.abort(reason);
    this.onAbort?.(reason);
  }
}
