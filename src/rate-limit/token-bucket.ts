// A per-minute token bucket: holds up to one minute's allowance and refills continuously at
// limit/60 s, the model both OpenAI and Anthropic document for their rpm/tpm limits. The level
// may go negative (a debt) when a request turns out to have cost more than was estimated.

export interface TokenBucket {
  readonly perMinute: number;
  /** Tokens available now (negative while in debt). */
  level(): number;
  /** Milliseconds until `cost` can be taken; 0 when it can be now. A cost above the capacity waits for a full bucket. */
  waitMs(cost: number): number;
  take(cost: number): void;
  /** Adds (positive) or removes (negative) tokens, e.g. actual usage minus the estimate; capped at the capacity. */
  adjust(delta: number): void;
  /** A new per-minute limit (the server said its own is lower); the level keeps, capped at the new capacity. */
  setPerMinute(limit: number): void;
}

export interface TokenBucketOptions {
  perMinute: number;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Starting level (default: full). */
  initial?: number;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  let perMinute = options.perMinute;
  let level = Math.min(options.initial ?? perMinute, perMinute);
  let at = options.now();

  const refill = (): void => {
    const now = options.now();
    if (now > at) level = Math.min(perMinute, level + ((now - at) * perMinute) / 60_000);
    at = now;
  };

  return {
    get perMinute() {
      return perMinute;
    },
    level() {
      refill();
      return level;
    },
    waitMs(cost) {
      refill();
      const need = Math.min(cost, perMinute);
      // A hair short is full: floating-point refill must not leave a wait of 1 ms forever.
      if (level >= need - 1e-9 * perMinute) return 0;
      return Math.ceil(((need - level) * 60_000) / perMinute);
    },
    take(cost) {
      refill();
      level -= cost;
    },
    adjust(delta) {
      refill();
      level = Math.min(perMinute, level + delta);
    },
    setPerMinute(limit) {
      refill();
      perMinute = limit;
      level = Math.min(level, limit);
    },
  };
}
