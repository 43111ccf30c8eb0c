// Adaptive concurrency for one provider, additive increase / multiplicative decrease (as TCP's
// congestion control): a rate-limited reply halves the number of requests in flight, each
// success adds 1/limit, so a full limit's worth of successes adds one slot. One burst of 429s
// halves once: a 429 for a request that was sent before the last decrease does not count again.

export interface ConcurrencyPermit {
  /** Order in which the permit was granted; tells whether a 429 predates the last decrease. */
  readonly seq: number;
}

export interface AdaptiveConcurrency {
  /** The current limit (fractional while it recovers). */
  limit(): number;
  inFlight(): number;
  acquire(signal?: AbortSignal): Promise<ConcurrencyPermit>;
  /** Raise the limit to the maximum at once (after a probe request found the server willing). */
  open(): void;
  /** `overloaded`: the server said slow down (429, or 529 overloaded). */
  release(permit: ConcurrencyPermit, outcome: 'success' | 'overloaded' | 'other'): void;
}

export interface AdaptiveConcurrencyOptions {
  max: number;
  /** Where the limit starts (default `max`). */
  initial?: number;
  /** Multiplicative decrease factor (default 0.5). */
  decrease?: number;
}

export function createAdaptiveConcurrency(options: AdaptiveConcurrencyOptions): AdaptiveConcurrency {
  const max = Math.max(1, options.max);
  const decrease = options.decrease ?? 0.5;
  let limit = Math.min(max, Math.max(1, options.initial ?? max));
  let inFlight = 0;
  let seq = 0;
  let decreasedAt = -1;
  const waiters: Array<{ resolve: (p: ConcurrencyPermit) => void; reject: (e: unknown) => void }> = [];

  const grant = (): ConcurrencyPermit => {
    inFlight++;
    return { seq: seq++ };
  };
  const pump = (): void => {
    while (waiters.length > 0 && inFlight < Math.floor(limit)) waiters.shift()?.resolve(grant());
  };

  return {
    limit: () => limit,
    inFlight: () => inFlight,
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (inFlight < Math.floor(limit) && waiters.length === 0) return Promise.resolve(grant());
      return new Promise((resolve, reject) => {
        const waiter = {
          resolve: (p: ConcurrencyPermit) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(p);
          },
          reject,
        };
        const onAbort = (): void => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
      });
    },
    open() {
      limit = max;
      pump();
    },
    release(permit, outcome) {
      // Whether this request ran with the limit binding: growing a limit nobody reaches (the
      // caller's own concurrency is lower) would only make the next halving toothless.
      const binding = inFlight >= Math.floor(limit);
      const before = inFlight;
      inFlight--;
      if (outcome === 'overloaded') {
        if (permit.seq > decreasedAt) {
          limit = Math.max(1, Math.floor(Math.min(limit, before) * decrease));
          decreasedAt = seq - 1;
        }
      } else if (outcome === 'success' && binding) {
        limit = Math.min(max, limit + 1 / limit);
      }
      pump();
    },
  };
}
