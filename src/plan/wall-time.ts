// Expected wall time of a run's model calls: the slowest of three ceilings. Calls share one pool
// of `concurrency` slots, so the pool drains at concurrency / latency calls per second; a
// provider with a request limit cannot go faster than rpm calls a minute, nor one with a token
// limit faster than tpm tokens a minute. Steady-state rates: a limiter's initial burst and the
// last call's tail are small against the long runs where the estimate matters.
import type { ProviderRateLimits } from './provider-rate-limits.js';

export interface ProviderLoad extends ProviderRateLimits {
  provider: string;
  /** Calls that will reach the provider (cached ones take no time). */
  calls: number;
  /** Input + output tokens of those calls: what a token limit counts. */
  tokens: number;
  /** Sum of the calls' expected latencies, in milliseconds. */
  latencyMsTotal: number;
}

export type TimeBound = 'latency' | 'rpm' | 'tpm';

export interface WallTimeEstimate {
  seconds: number;
  /** Which ceiling sets the time, and for which provider (rpm / tpm). */
  boundBy: TimeBound;
  provider?: string;
  /** Each ceiling on its own, in seconds. */
  latencySeconds: number;
  rpmSeconds: number;
  tpmSeconds: number;
}

export function estimateWallTime(loads: readonly ProviderLoad[], concurrency: number): WallTimeEstimate {
  if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
  let latencyMs = 0;
  let rpm = { seconds: 0, provider: undefined as string | undefined };
  let tpm = { seconds: 0, provider: undefined as string | undefined };
  for (const load of loads) {
    latencyMs += load.latencyMsTotal;
    if (load.rpm && load.calls > 0) {
      const seconds = (load.calls / load.rpm) * 60;
      if (seconds > rpm.seconds) rpm = { seconds, provider: load.provider };
    }
    if (load.tpm && load.tokens > 0) {
      const seconds = (load.tokens / load.tpm) * 60;
      if (seconds > tpm.seconds) tpm = { seconds, provider: load.provider };
    }
  }
  const latencySeconds = latencyMs / 1000 / concurrency;
  const base = { latencySeconds, rpmSeconds: rpm.seconds, tpmSeconds: tpm.seconds };
  if (rpm.seconds > latencySeconds && rpm.seconds >= tpm.seconds)
    return { ...base, seconds: rpm.seconds, boundBy: 'rpm', provider: rpm.provider };
  if (tpm.seconds > latencySeconds)
    return { ...base, seconds: tpm.seconds, boundBy: 'tpm', provider: tpm.provider };
  return { ...base, seconds: latencySeconds, boundBy: 'latency' };
}
