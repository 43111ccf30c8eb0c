// `npm run bench -- --only ratelimit`: the rate limiter in wall-clock time, against the fake
// OpenAI and Anthropic servers enforcing limits over short periods (bursts of a second's worth)
// through the real SDKs: throughput against the limit, 429s, and the client's CPU per request.
// The same claims are tested on a virtual clock in src/providers/with-rate-limit.test.ts.
import path from 'node:path';
import { REPO_ROOT } from './child-processes.js';

const dist = (file) => import(path.join(REPO_ROOT, 'dist', file));

async function scenario({ family, rpm, burst, configured, requests, concurrency }) {
  const { createRateLimiter } = await dist('rate-limit/rate-limiter.js');
  const { observeRateLimits } = await dist('providers/rate-limit-fetch.js');
  const { withRateLimit } = await dist('providers/with-rate-limit.js');
  const { withRetries } = await dist('providers/with-retries.js');
  const { createLeanFetch } = await dist('providers/lean-fetch.js');
  const { systemClock } = await dist('core/clock.js');
  const { createRng } = await dist('core/rng.js');
  const server =
    family === 'openai'
      ? await (await dist('testing/fake-openai-server.js')).startFakeOpenAIServer({
          rateLimit: { rpm, burstRequests: burst },
          record: false,
        })
      : await (await dist('testing/fake-anthropic-server.js')).startFakeAnthropicServer({
          rateLimit: { rpm, burstRequests: burst },
          record: false,
        });
  const lean = createLeanFetch();
  const clock = systemClock;
  const limiter = createRateLimiter({ rpm: configured, maxConcurrency: concurrency, clock });
  const options = {
    id: `${family}/m`,
    model: 'm',
    apiKey: 'bench-key',
    baseURL: server.url,
    timeoutMs: 10_000,
    fetch: observeRateLimits(lean, limiter, clock),
    clock,
  };
  const raw =
    family === 'openai'
      ? (await dist('providers/openai-model.js')).createOpenAIModel(options)
      : (await dist('providers/anthropic-model.js')).createAnthropicModel(options);
  const model = withRetries(withRateLimit(raw, limiter), {
    maxRetries: 6,
    baseDelayMs: 500,
    maxDelayMs: 20_000,
    rng: createRng(1),
    clock,
  });
  const finished = [];
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      try {
        await model.generate({ messages: [{ role: 'user', content: 'What is the refund window?' }] });
        finished.push(performance.now() - t0);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  lean.destroy();
  await server.close();
  // After the first `burst` requests the server allows rpm/60 a second: compare with that.
  const steady = ((finished.length - burst) / (finished[finished.length - 1] / 1000)) * 60;
  return {
    wallMs,
    cpuMsPerRequest: (used.user + used.system) / 1000 / requests,
    steadyRpm: steady,
    refused: server.rateLimit.refused,
    failed,
  };
}

/** CPU per request through the SDK alone and through the limiter, at 0 ms with no limits (the overhead a run pays). */
export async function overhead(requests) {
  const { createRateLimiter } = await dist('rate-limit/rate-limiter.js');
  const { observeRateLimits } = await dist('providers/rate-limit-fetch.js');
  const { withRateLimit } = await dist('providers/with-rate-limit.js');
  const { createLeanFetch } = await dist('providers/lean-fetch.js');
  const { createOpenAIModel } = await dist('providers/openai-model.js');
  const { systemClock } = await dist('core/clock.js');
  const { startFakeOpenAIServer } = await dist('testing/fake-openai-server.js');
  const server = await startFakeOpenAIServer({ record: false });
  const measure = async (wrapped) => {
    const lean = createLeanFetch();
    const limiter = createRateLimiter({ maxConcurrency: 8, clock: systemClock });
    const fetch = wrapped ? observeRateLimits(lean, limiter, systemClock) : lean;
    const raw = createOpenAIModel({
      id: 'openai/m',
      model: 'm',
      apiKey: 'k',
      baseURL: server.url,
      timeoutMs: 10_000,
      fetch,
    });
    const model = wrapped ? withRateLimit(raw, limiter) : raw;
    const request = { messages: [{ role: 'user', content: 'What is the refund window?' }] };
    for (let i = 0; i < 200; i++) await model.generate(request);
    const cpu = process.cpuUsage();
    let next = 0;
    const worker = async () => {
      while (next++ < requests) await model.generate(request);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const used = process.cpuUsage(cpu);
    lean.destroy();
    return (used.user + used.system) / 1000 / requests;
  };
  // Alternate to spread the machine's noise over both.
  const bare = [];
  const paced = [];
  for (let round = 0; round < 3; round++) {
    bare.push(await measure(false));
    paced.push(await measure(true));
  }
  await server.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[1];
  return { bareMs: median(bare), pacedMs: median(paced) };
}

export async function benchRateLimits({ row, header, details }) {
  header('Rate limits (wall clock, fake servers enforcing per-second bursts)');
  const cases = [
    { name: 'openai, rpm configured', family: 'openai', rpm: 3000, burst: 50, configured: 3000 },
    { name: 'anthropic, limit learnt from headers', family: 'anthropic', rpm: 2400, burst: 40 },
  ];
  details.rateLimits = [];
  const cost = await overhead(2000);
  details.rateLimitOverhead = cost;
  row(
    'rate limit: CPU per request, SDK alone → with limiter',
    `${cost.bareMs.toFixed(3)} → ${cost.pacedMs.toFixed(3)} ms (+${((cost.pacedMs - cost.bareMs) * 1000).toFixed(0)} µs)`,
    '(fake server in-process)',
    null,
  );
  for (const c of cases) {
    const result = await scenario({ ...c, requests: 400, concurrency: 16 });
    details.rateLimits.push({ ...c, ...result });
    const ratio = result.steadyRpm / c.rpm;
    row(
      `rate limit: ${c.name} (${c.rpm} rpm), throughput`,
      `${result.steadyRpm.toFixed(0)} rpm (${(ratio * 100).toFixed(1)} %) in ${(result.wallMs / 1000).toFixed(1)} s`,
      '90–101 % of the limit',
      ratio >= 0.9 && ratio <= 1.01 && result.failed === 0,
    );
    row(
      `rate limit: ${c.name}, 429s`,
      `${result.refused} of 400 · ${result.cpuMsPerRequest.toFixed(2)} ms CPU/req`,
      '≤ 5',
      result.refused <= 5,
    );
  }
}
