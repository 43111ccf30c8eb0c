// The rate limiter against the real openai and @anthropic-ai/sdk clients and fake servers that
// enforce rpm/tpm limits, on a virtual clock: minutes of rate-limited traffic run in about a
// second, and throughput is measured in virtual time. The claims of issue 12: no 429 storm, and
// throughput within 10 % of the limit.
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createRateLimiter, type RateLimiterOptions } from '../rate-limit/rate-limiter.js';
import { startFakeAnthropicServer } from '../testing/fake-anthropic-server.js';
import { startFakeOpenAIServer } from '../testing/fake-openai-server.js';
import type { FakeRateLimiter, FakeRateLimitOptions } from '../testing/fake-rate-limit.js';
import { createVirtualClock, type VirtualClock } from '../testing/virtual-clock.js';
import { createAnthropicModel } from './anthropic-model.js';
import type { LanguageModel } from './language-model.js';
import { createLeanFetch } from './lean-fetch.js';
import { createOpenAIModel } from './openai-model.js';
import { observeRateLimits } from './rate-limit-fetch.js';
import { withRateLimit } from './with-rate-limit.js';
import { withRetries } from './with-retries.js';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface Setup {
  family: 'openai' | 'anthropic';
  server: Omit<FakeRateLimitOptions, 'clock'>;
  client: Omit<RateLimiterOptions, 'clock' | 'maxConcurrency'>;
  concurrency?: number;
}

interface RunOutcome {
  ok: number;
  failed: number;
  /** Virtual ms at which each request finished, in order. */
  finishedAt: number[];
  tokensAt: Array<{ at: number; tokens: number }>;
  server: FakeRateLimiter;
  limiter: ReturnType<typeof createRateLimiter>;
}

async function start(
  setup: Setup,
): Promise<
  { model: LanguageModel; clock: VirtualClock } & Omit<
    RunOutcome,
    'ok' | 'failed' | 'finishedAt' | 'tokensAt'
  >
> {
  const clock = createVirtualClock();
  const leanFetch = createLeanFetch();
  closers.push(() => leanFetch.destroy());
  const limiter = createRateLimiter({ ...setup.client, maxConcurrency: setup.concurrency ?? 8, clock });
  const fetch = observeRateLimits(clock.hold(leanFetch), limiter, clock);
  const rateLimit = { ...setup.server, clock };
  let raw: LanguageModel;
  let server: FakeRateLimiter | undefined;
  if (setup.family === 'openai') {
    const fake = await startFakeOpenAIServer({ rateLimit, record: false });
    closers.push(fake.close);
    server = fake.rateLimit;
    raw = createOpenAIModel({
      id: 'openai/m',
      model: 'm',
      apiKey: 'sk-test',
      baseURL: fake.url,
      timeoutMs: 10_000,
      fetch,
      clock,
    });
  } else {
    const fake = await startFakeAnthropicServer({ rateLimit, record: false });
    closers.push(fake.close);
    server = fake.rateLimit;
    raw = createAnthropicModel({
      id: 'anthropic/m',
      model: 'm',
      apiKey: 'sk-test',
      baseURL: fake.url,
      timeoutMs: 10_000,
      fetch,
      clock,
    });
  }
  const model = withRetries(withRateLimit(raw, limiter), {
    maxRetries: 6,
    baseDelayMs: 500,
    maxDelayMs: 20_000,
    rng: createRng(7),
    clock,
  });
  if (!server) throw new Error('no rate limit on the fake server');
  return { model, clock, server, limiter };
}

/** `n` requests through a pool of `concurrency` workers; question i is `words` words long. */
async function run(setup: Setup, n: number, words: (i: number) => number = () => 8): Promise<RunOutcome> {
  const { model, clock, server, limiter } = await start(setup);
  const outcome: RunOutcome = { ok: 0, failed: 0, finishedAt: [], tokensAt: [], server, limiter };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      try {
        const result = await model.generate({
          messages: [{ role: 'user', content: `q${i} ${'word '.repeat(words(i))}` }],
          maxTokens: 200,
        });
        outcome.ok++;
        const at = clock.monotonic();
        outcome.finishedAt.push(at);
        outcome.tokensAt.push({
          at,
          tokens: (result.usage?.inputTokens ?? 0) + (result.usage?.outputTokens ?? 0),
        });
      } catch {
        outcome.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: setup.concurrency ?? 8 }, worker));
  return outcome;
}

/** Requests per minute after the first minute, when the bucket's starting allowance is spent. */
function steadyRate(finishedAt: number[]): number {
  const end = finishedAt[finishedAt.length - 1];
  const after = finishedAt.filter((t) => t > 60_000).length;
  const rate = (after / (end - 60_000)) * 60_000;
  if (process.env.RATE_LIMIT_REPORT)
    console.log(`steady ${rate.toFixed(2)}/min over ${(end / 60_000).toFixed(2)} min`);
  return rate;
}

describe('withRateLimit against fake servers with enforced limits (virtual time)', () => {
  it('openai: rpm configured as the server enforces it — few 429s, steady throughput within 10 % of the limit', async () => {
    const out = await run({ family: 'openai', server: { rpm: 120 }, client: { rpm: 120 } }, 300);
    if (process.env.RATE_LIMIT_REPORT) console.log(`refused ${out.server.refused}`, out.limiter.stats());
    expect(out.ok).toBe(300);
    expect(out.server.refused).toBeLessThanOrEqual(3);
    const rate = steadyRate(out.finishedAt);
    expect(rate).toBeGreaterThan(120 * 0.9);
    expect(rate).toBeLessThanOrEqual(120 * 1.01);
  });

  it('anthropic: nothing configured — learns the limit from the headers, few 429s, throughput within 10 %', async () => {
    const out = await run({ family: 'anthropic', server: { rpm: 60 }, client: {} }, 240);
    if (process.env.RATE_LIMIT_REPORT) console.log(`refused ${out.server.refused}`, out.limiter.stats());
    expect(out.ok).toBe(240);
    expect(out.server.refused).toBeLessThanOrEqual(3);
    expect(out.limiter.stats().rpm).toBe(60);
    const rate = steadyRate(out.finishedAt);
    expect(rate).toBeGreaterThan(60 * 0.9);
    expect(rate).toBeLessThanOrEqual(60 * 1.01);
  });

  it('openai: tpm binds (requests of uneven size) — few 429s, token throughput within 10 % of the limit', async () => {
    const tpm = 6000;
    const out = await run(
      { family: 'openai', server: { tpm }, client: { tpm } },
      360,
      (i) => 20 + ((i * 37) % 80),
    );
    if (process.env.RATE_LIMIT_REPORT) console.log(`refused ${out.server.refused}`, out.limiter.stats());
    expect(out.ok).toBe(360);
    expect(out.server.refused).toBeLessThanOrEqual(3);
    const end = out.tokensAt[out.tokensAt.length - 1].at;
    const after = out.tokensAt.filter((t) => t.at > 60_000).reduce((sum, t) => sum + t.tokens, 0);
    const rate = (after / (end - 60_000)) * 60_000;
    if (process.env.RATE_LIMIT_REPORT) console.log(`steady ${rate.toFixed(1)} tokens/min`);
    expect(rate).toBeGreaterThan(tpm * 0.9);
    expect(rate).toBeLessThanOrEqual(tpm * 1.05);
  });

  it('a server limit below the configured one, enforced over seconds (burst 5): the headers win, few 429s', async () => {
    const out = await run(
      { family: 'openai', server: { rpm: 120, burstRequests: 5 }, client: { rpm: 600 } },
      360,
    );
    if (process.env.RATE_LIMIT_REPORT) console.log(`refused ${out.server.refused}`, out.limiter.stats());
    expect(out.ok).toBe(360);
    expect(out.server.refused).toBeLessThanOrEqual(5);
    expect(out.limiter.stats().rpm).toBe(120);
    const rate = steadyRate(out.finishedAt);
    expect(rate).toBeGreaterThan(120 * 0.9);
    expect(rate).toBeLessThanOrEqual(120 * 1.01);
  });

  it('another client on the same key takes a third of the quota: the remaining headers make room for it', async () => {
    const { model, clock, server, limiter } = await start({
      family: 'openai',
      server: { rpm: 120 },
      client: { rpm: 120 },
    });
    let done = false;
    const theirs: number[] = [];
    const other = (async () => {
      while (!done) {
        await clock.sleep(1500);
        if (server.admit(0).ok) theirs.push(clock.monotonic());
      }
    })();
    const finishedAt: number[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < 300) {
        next++;
        await model.generate({ messages: [{ role: 'user', content: 'hi' }] });
        finishedAt.push(clock.monotonic());
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    done = true;
    await other;
    if (process.env.RATE_LIMIT_REPORT)
      console.log(`refused ${server.refused}, theirs ${theirs.length}`, limiter.stats());
    expect(finishedAt).toHaveLength(300);
    // Ours: the other client's own refusals are its business.
    expect(limiter.stats().rateLimited).toBeLessThanOrEqual(5);
    // The other client takes 40 a minute (a little less when it is refused); we get the rest.
    const rate = steadyRate(finishedAt);
    expect(rate).toBeGreaterThan(80 * 0.85);
    const end = finishedAt[finishedAt.length - 1];
    const theirRate = (theirs.filter((t) => t > 60_000 && t <= end).length / (end - 60_000)) * 60_000;
    expect(rate + theirRate).toBeLessThanOrEqual(120 * 1.02);
  });

  it('no headers and nothing configured: the first 429s set the pace — a handful of 429s, then near the limit', async () => {
    const out = await run({ family: 'anthropic', server: { rpm: 60, headers: false }, client: {} }, 240);
    if (process.env.RATE_LIMIT_REPORT)
      console.log(`no headers: refused ${out.server.refused}`, out.limiter.stats());
    expect(out.ok).toBe(240);
    // One burst of 429s (the requests in flight when the allowance ran out), then few more.
    expect(out.server.refused).toBeLessThanOrEqual(12);
    const rate = steadyRate(out.finishedAt);
    expect(rate).toBeGreaterThan(60 * 0.8);
    expect(rate).toBeLessThanOrEqual(60 * 1.01);
  });

  it('adversarial: without the limiter the same run is a 429 storm', async () => {
    const clock = createVirtualClock();
    const leanFetch = createLeanFetch();
    closers.push(() => leanFetch.destroy());
    const fake = await startFakeOpenAIServer({ rateLimit: { rpm: 60, clock }, record: false });
    closers.push(fake.close);
    const raw = createOpenAIModel({
      id: 'openai/m',
      model: 'm',
      apiKey: 'k',
      baseURL: fake.url,
      timeoutMs: 10_000,
      fetch: clock.hold(leanFetch),
      clock,
    });
    const model = withRetries(raw, {
      maxRetries: 6,
      baseDelayMs: 500,
      maxDelayMs: 20_000,
      rng: createRng(7),
      clock,
    });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < 120) {
        next++;
        await model.generate({ messages: [{ role: 'user', content: 'hi' }] }).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(fake.rateLimit?.refused).toBeGreaterThan(20);
  });
});
