// CPU cost of the providers that call the user's own application (issue 9's targets):
// - http: 5 rounds of 2,000 calls at concurrency 8 through the http provider, wrapped as in a run (retries,
//   timing), against a loopback service in another process (bench/app-service-process.js), so
//   the CPU counted is the client's alone; the same calls as bare keep-alive node:http POSTs give
//   the floor;
// - module: 100,000 calls of a trivial async export through the module provider (same wrapping),
//   minus the same calls made directly: what the provider adds per call.
// Prints one JSON line. Run after `npm run build`.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { ProviderConfigSchema } from '../dist/config/schema.js';
import { systemClock } from '../dist/core/clock.js';
import { createRng } from '../dist/core/rng.js';
import { createHttpModel } from '../dist/providers/http/http-model.js';
import { createHttpSender } from '../dist/providers/http/send-http-request.js';
import { createModuleModel } from '../dist/providers/module/module-model.js';
import { withLatency } from '../dist/providers/with-latency.js';
import { withRetries } from '../dist/providers/with-retries.js';

const HTTP_CALLS = 2000;
const MODULE_CALLS = 100_000;
const CONCURRENCY = 8;

const wrap = (model) =>
  withLatency(
    withRetries(model, {
      maxRetries: 4,
      baseDelayMs: 500,
      maxDelayMs: 20_000,
      rng: createRng(1),
      clock: systemClock,
    }),
    systemClock,
  );
const request = (i) => ({
  messages: [{ role: 'user', content: `Can annual plans be refunded? (${i})` }],
  inputs: { task: 'rag-qa', question: `Can annual plans be refunded? (${i})`, vars: { top_k: 3 } },
  caseId: `case-${i}`,
});
const cpuMs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
async function pool(n, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

// ---- http ----
const child = spawn(process.execPath, [path.join(import.meta.dirname, 'app-service-process.js')], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const { url } = JSON.parse(
  await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
);
const config = ProviderConfigSchema.parse({
  id: 'http/bench',
  url: `${url}/answer`,
  headers: { Authorization: 'Bearer ${APP_TOKEN}' },
  body: { question: '{{question}}', top_k: '{{vars.top_k}}', case: '{{id}}' },
  response: { output: '$.answer', contexts: '$.contexts', usage: '$.usage' },
});
const sender = createHttpSender();
const httpModel = wrap(
  createHttpModel({ config, env: { APP_TOKEN: 'bench-token' }, sender, clock: systemClock }),
);
const agent = new http.Agent({ keepAlive: true });
const bare = (i) =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ question: request(i).inputs.question, top_k: 3, case: `case-${i}` });
    const req = http.request(
      `${url}/answer`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: 'Bearer bench-token',
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
// Rounds alternate provider and floor after a warm-up of both; the median round counts (a
// shared machine makes single rounds noisy).
const ROUNDS = 5;
const measure = async (fn) => {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await pool(HTTP_CALLS, fn);
  return { cpu: cpuMs(cpu0) / HTTP_CALLS, wall: performance.now() - start };
};
const viaProvider = async (i) => {
  const r = await httpModel.generate(request(i));
  if (r.contexts.length !== 3) throw new Error('unexpected reply');
};
await pool(500, viaProvider);
await pool(500, bare);
const providerRounds = [];
const floorRounds = [];
for (let round = 0; round < ROUNDS; round++) {
  providerRounds.push(await measure(viaProvider));
  floorRounds.push(await measure(bare));
}
const mid = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const httpCpuMs = mid(providerRounds.map((r) => r.cpu));
const httpWallMs = mid(providerRounds.map((r) => r.wall));
const floorCpuMs = mid(floorRounds.map((r) => r.cpu));
const floorWallMs = mid(floorRounds.map((r) => r.wall));
sender.destroy();
agent.destroy();
child.stdin.end();

if (process.argv.includes('--http-only')) {
  console.log(
    JSON.stringify({
      http: { cpuMsPerCall: httpCpuMs, floorCpuMsPerCall: floorCpuMs, httpWallMs, floorWallMs },
    }),
  );
  process.exit(0);
}

// ---- module ----
const dir = mkdtempSync(path.join(os.tmpdir(), 'evalgate-bench-module-'));
writeFileSync(
  path.join(dir, 'app.mjs'),
  "export async function answer(input, ctx) { return { output: 'ok ' + ctx.caseId, contexts: [{ id: 'a.md#0', text: input }] }; }\n",
);
const moduleModel = wrap(
  await createModuleModel({
    config: ProviderConfigSchema.parse({ id: 'module/app.mjs#answer' }),
    root: dir,
    configFile: 'bench',
    index: 0,
  }),
);
const { answer } = await import(path.join(dir, 'app.mjs'));
const shared = new AbortController().signal;
const direct = (i) => answer(request(i).inputs.question, { signal: shared, caseId: `case-${i}` });
for (let i = 0; i < 5000; i++) {
  await moduleModel.generate(request(i));
  await direct(i);
}
let t0 = performance.now();
for (let i = 0; i < MODULE_CALLS; i++) await direct(i);
const directMs = (performance.now() - t0) / MODULE_CALLS;
t0 = performance.now();
for (let i = 0; i < MODULE_CALLS; i++) await moduleModel.generate(request(i));
const viaProviderMs = (performance.now() - t0) / MODULE_CALLS;

const r3 = (x) => Math.round(x * 1000) / 1000;
const r4 = (x) => Math.round(x * 10000) / 10000;
console.log(
  JSON.stringify({
    bench: 'app-providers',
    http: {
      calls: HTTP_CALLS,
      concurrency: CONCURRENCY,
      cpuMsPerCall: r3(httpCpuMs),
      floorCpuMsPerCall: r3(floorCpuMs),
      wallMs: Math.round(httpWallMs),
    },
    module: {
      calls: MODULE_CALLS,
      msPerCall: r4(viaProviderMs),
      directMsPerCall: r4(directMs),
      overheadMsPerCall: r4(viaProviderMs - directMs),
    },
  }),
);
process.exit(0);
