// A probe behind issue 11's cold-start row (not part of `npm run bench`): does the first request
// after ready cost more because it is first, or because the server sat idle before it?
//   node bench/serve-idle-probe.js [--starts 4] [--idle-ms 1500]
// Each fresh serve process (bench/serve-bench-server.js, the sample) gets: GET /healthz, a wait of
// idle-ms, then one classify request; six more after a 37 ms pause each; the same wait again, mid-life,
// then one request; six more. Every request carries the same text. Prints the server's CPU per
// request (its own spans: request parsed → response written) and, over the starts, the median
// first / mid-life / steady request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './child-processes.js';
import { startServerProcess } from './serve-load.js';

const { values } = parseArgs({ options: { starts: { type: 'string' }, 'idle-ms': { type: 'string' } } });
const STARTS = Number(values.starts ?? 4);
const IDLE_MS = Number(values['idle-ms'] ?? 1500);
const PAUSE_MS = 37;
const SERVER = path.join(REPO_ROOT, 'bench', 'serve-bench-server.js');
const texts = readFileSync(path.join(REPO_ROOT, 'test_cases/intent.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).input);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The server's per-request spans since its timeline started: [t0, cpu0 µs, t1, cpu1 µs]. */
function spans(server) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (message && 'spans' in message) {
        server.child.off('message', onMessage);
        resolve(message.spans);
      }
    };
    server.child.on('message', onMessage);
    server.child.send('spans');
  });
}

const rows = { first: [], midLife: [], steady: [] };
for (let start = 0; start < STARTS; start++) {
  const server = startServerProcess(SERVER, ['sample']);
  const { url } = await server.ready;
  // As the bench does: GET /healthz opens the keep-alive connection the requests then use.
  await (await fetch(`${url}/healthz`)).json();
  await server.startTimeline();
  const body = JSON.stringify({ input: texts[(start * 82) % texts.length] });
  const post = async () =>
    (
      await fetch(`${url}/v1/classify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    ).json();
  for (const wait of [IDLE_MS, IDLE_MS]) {
    await sleep(wait);
    await post();
    for (let i = 0; i < 6; i++) {
      await sleep(PAUSE_MS);
      await post();
    }
  }
  const cpuMs = (await spans(server)).map(([, cpu0, , cpu1]) => (cpu1 - cpu0) / 1000);
  rows.first.push(cpuMs[0]);
  rows.midLife.push(cpuMs[7]);
  rows.steady.push(median([...cpuMs.slice(1, 7), ...cpuMs.slice(8)]));
  console.log(`start ${start}: server CPU per request (ms) ${cpuMs.map((ms) => ms.toFixed(2)).join(' ')}`);
  await server.stop();
}
const fmt = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `median over ${STARTS} starts, after ${IDLE_MS} ms idle: first ${fmt(median(rows.first))}, mid-life ${fmt(median(rows.midLife))}; steady (37 ms pauses) ${fmt(median(rows.steady))}`,
);
