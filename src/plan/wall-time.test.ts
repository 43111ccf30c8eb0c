// The wall-time model against a simulation of the run on virtual time: a pool of `concurrency`
// slots takes calls in order; each call waits for its provider's request and token buckets
// (refilled continuously, a second's worth of burst, as providers enforce per-minute limits
// over short windows), then takes a latency drawn around the mean. No real time passes.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { estimateWallTime, type ProviderLoad } from './wall-time.js';

interface SimProvider {
  provider: string;
  calls: number;
  tokensPerCall: number;
  latencyMs: number;
  rpm?: number;
  tpm?: number;
}

class Bucket {
  private level: number;
  private at = 0;
  constructor(
    private readonly perMs: number,
    private readonly capacity: number,
  ) {
    this.level = capacity;
  }
  /** Earliest time ≥ t at which `amount` is available. */
  readyAt(t: number, amount: number): number {
    const now = Math.max(t, this.at);
    const level = Math.min(this.capacity, this.level + (now - this.at) * this.perMs);
    return level >= amount ? now : now + (amount - level) / this.perMs;
  }
  take(t: number, amount: number): void {
    this.level = Math.min(this.capacity, this.level + (t - this.at) * this.perMs) - amount;
    this.at = t;
  }
}

function simulate(providers: SimProvider[], concurrency: number, seed: number): number {
  const rng = createRng(seed);
  const slots = new Array<number>(concurrency).fill(0);
  const buckets = new Map(
    providers.map((p) => [
      p.provider,
      {
        rpm: p.rpm ? new Bucket(p.rpm / 60_000, Math.max(1, p.rpm / 60)) : null,
        tpm: p.tpm ? new Bucket(p.tpm / 60_000, Math.max(p.tokensPerCall, p.tpm / 60)) : null,
      },
    ]),
  );
  // Interleave the providers' calls, as suites × providers are interleaved in a run.
  const queue: SimProvider[] = [];
  const left = providers.map((p) => p.calls);
  while (left.some((n) => n > 0))
    providers.forEach((p, i) => {
      if (left[i]-- > 0) queue.push(p);
    });
  let end = 0;
  for (const p of queue) {
    const slot = slots.indexOf(Math.min(...slots));
    const b = buckets.get(p.provider)!;
    let start = slots[slot];
    start = b.rpm ? b.rpm.readyAt(start, 1) : start;
    start = b.tpm ? b.tpm.readyAt(start, p.tokensPerCall) : start;
    b.rpm?.take(start, 1);
    b.tpm?.take(start, p.tokensPerCall);
    const latency = p.latencyMs * (0.5 + rng.next()); // uniform on ±50% of the mean
    slots[slot] = start + latency;
    end = Math.max(end, slots[slot]);
  }
  return end / 1000;
}

function model(providers: SimProvider[], concurrency: number) {
  const loads: ProviderLoad[] = providers.map((p) => ({
    provider: p.provider,
    calls: p.calls,
    tokens: p.calls * p.tokensPerCall,
    latencyMsTotal: p.calls * p.latencyMs,
    rpm: p.rpm,
    tpm: p.tpm,
  }));
  return estimateWallTime(loads, concurrency);
}

describe('estimateWallTime', () => {
  const cases: { name: string; concurrency: number; providers: SimProvider[]; bound: string }[] = [
    {
      name: 'latency-bound (limits far away)',
      concurrency: 8,
      providers: [
        { provider: 'a', calls: 2000, tokensPerCall: 500, latencyMs: 800, rpm: 10_000, tpm: 10_000_000 },
      ],
      bound: 'latency',
    },
    {
      name: 'rpm-bound',
      concurrency: 16,
      providers: [{ provider: 'a', calls: 1500, tokensPerCall: 500, latencyMs: 600, rpm: 300 }],
      bound: 'rpm',
    },
    {
      name: 'tpm-bound',
      concurrency: 16,
      providers: [
        { provider: 'a', calls: 1200, tokensPerCall: 1200, latencyMs: 700, rpm: 5000, tpm: 200_000 },
      ],
      bound: 'tpm',
    },
    {
      name: 'two providers, one rpm-bound, sharing the pool',
      concurrency: 8,
      providers: [
        { provider: 'a', calls: 800, tokensPerCall: 400, latencyMs: 400, rpm: 120 },
        { provider: 'b', calls: 800, tokensPerCall: 400, latencyMs: 400 },
      ],
      bound: 'rpm',
    },
  ];
  for (const c of cases) {
    it(`is within 15% of the simulated run: ${c.name}`, () => {
      const estimate = model(c.providers, c.concurrency);
      expect(estimate.boundBy).toBe(c.bound);
      for (const seed of [1, 2, 3]) {
        const simulated = simulate(c.providers, c.concurrency, seed);
        expect(Math.abs(estimate.seconds - simulated) / simulated).toBeLessThan(0.15);
      }
    });
  }

  it('uses the slowest ceiling, and only counts providers with a limit', () => {
    const e = estimateWallTime(
      [
        { provider: 'a', calls: 600, tokens: 60_000, latencyMsTotal: 600_000, rpm: 60 },
        { provider: 'b', calls: 100, tokens: 1_000_000, latencyMsTotal: 100_000, tpm: 100_000 },
      ],
      10,
    );
    // latency: 700 s / 10 = 70 s; rpm: 600 / 60 = 10 min; tpm: 10 min of tokens → rpm first (ties go to rpm).
    expect(e).toMatchObject({
      latencySeconds: 70,
      rpmSeconds: 600,
      tpmSeconds: 600,
      seconds: 600,
      boundBy: 'rpm',
      provider: 'a',
    });
    expect(estimateWallTime([], 4)).toMatchObject({ seconds: 0, boundBy: 'latency' });
    expect(() => estimateWallTime([], 0)).toThrow(RangeError);
  });
});
