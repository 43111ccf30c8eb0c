// The burst probe behind docs/performance.md's "third pass on serving", item 4: how long the
// last request of a burst waits for the server's work on the requests ahead of it, measured as
// the serve process's CPU time, which machine load inflates far less than wall time. Bursts of 16
// simultaneous classify requests (16 keep-alive connections, as autocannon's `overallRate` sends
// them), starting 30 ms apart; per burst, the server's CPU from the first request read (HTTP
// parser) to the 16th response written, read through the server's diagnostics-channel timeline
// (bench/serve-timeline.js). Not part of `npm run bench`; run it against two builds to compare:
//   npm run build && node bench/serve-burst.js [bursts=150] [size=16] [gapMs=30]
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './child-processes.js';
import { runQueueWaitMs, startServerProcess } from './serve-load.js';

const [BURSTS, SIZE, GAP_MS] = [150, 16, 30].map((d, i) => Number(process.argv[2 + i] ?? d));
const WARM_BURSTS = 10;
const INPUTS = [
  'I was charged twice',
  'how do I reset my password',
  'cancel my order please',
  'the app crashes',
];

const server = startServerProcess(path.join(REPO_ROOT, 'bench', 'serve-bench-server.js'), ['sample']);
const { url } = await server.ready;
const ask = (message, key) =>
  new Promise((resolve) => {
    server.child.once('message', (m) => resolve(m[key]));
    server.child.send(message);
  });

/** One burst: SIZE requests at once; resolves with each one's client-side time (ms). */
async function burst(k) {
  const t0 = performance.now();
  return Promise.all(
    Array.from({ length: SIZE }, async (_, i) => {
      const res = await fetch(`${url}/v1/classify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: `${INPUTS[(k + i) % INPUTS.length]} ${i}` }),
      });
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      await res.json();
      return performance.now() - t0;
    }),
  );
}

async function run(count, offset) {
  const last = [];
  for (let k = 0; k < count; k++) {
    const started = performance.now();
    const times = await burst(offset + k);
    last.push(Math.max(...times));
    const rest = GAP_MS - (performance.now() - started);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
  return last;
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p = (v, q) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];

await run(WARM_BURSTS, 0); // opens the 16 connections and warms both sides
await server.startTimeline();
const cpu0 = await server.cpuUs();
const wait0 = runQueueWaitMs(server.child.pid);
const load0 = os.loadavg()[0];
const clientLast = await run(BURSTS, WARM_BURSTS);
const cpuMs = ((await server.cpuUs()) - cpu0) / 1000;
const wait1 = runQueueWaitMs(server.child.pid);
await ask('timeline', 'timeline');
const spans = (await ask('spans', 'spans')).sort((a, b) => a[0] - b[0]);
await server.stop();

// Bursts never overlap (the next starts after the last response), so in read order they are
// consecutive groups of SIZE.
const burstCpuMs = [];
const burstWallMs = [];
for (let i = 0; i + SIZE <= spans.length; i += SIZE) {
  const group = spans.slice(i, i + SIZE);
  burstCpuMs.push((Math.max(...group.map((s) => s[3])) - Math.min(...group.map((s) => s[1]))) / 1000);
  burstWallMs.push(Math.max(...group.map((s) => s[2])) - Math.min(...group.map((s) => s[0])));
}
const f = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `serve burst probe: ${BURSTS} bursts of ${SIZE} classify requests, ${GAP_MS} ms apart (sample, intent)`,
);
console.log(`  requests seen by the server: ${spans.length} (expected ${BURSTS * SIZE})`);
console.log(
  `  server CPU, first request read -> last response written, per burst: median ${f(median(burstCpuMs))}, p90 ${f(p(burstCpuMs, 0.9))}`,
);
console.log(
  `  server wall time for the same span: median ${f(median(burstWallMs))}, p90 ${f(p(burstWallMs, 0.9))}`,
);
console.log(
  `  client: last response of a burst: median ${f(median(clientLast))}, p99 ${f(p(clientLast, 0.99))}`,
);
console.log(
  `  server CPU per request, all work (deferred log lines included): ${f(cpuMs / (BURSTS * SIZE))}`,
);
if (wait0 !== null && wait1 !== null)
  console.log(`  server main thread waiting for a core: ${f(wait1 - wait0)}`);
console.log(`  load average (1 min) at start ${load0.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)}`);
