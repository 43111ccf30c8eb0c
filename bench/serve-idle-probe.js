// A probe behind issue 11's cold-start row (not part of `npm run bench`): does the first request
// after ready cost more because it is first, or because the server sat idle before it?
//   node bench/serve-idle-probe.js [--starts 4] [--idle-ms 1500] [--same-text]
// Each fresh serve process (bench/serve-bench-server.js, the sample) gets: GET /healthz, a wait of
// idle-ms, then one classify request; six more after a 37 ms pause each; the same wait again, mid-life,
// then one request; six more. Each request carries a text not sent before (two gold texts warm-up
// does not send, joined), as the cold-start row's do; with --same-text every request carries one
// gold text, and its repeats hit the tokenizer's memo of long texts, which the first request fills
// (so the first looks dearer).
// Prints the server's CPU per request (its own spans: request parsed → response written) and, over
// the starts, the median first / mid-life / steady request. With --perf (Linux, `perf` installed,
// permission to record) each server runs under `perf record` at 25 kHz, and the probe prints the
// frames whose share of the main thread differs most between the first and the mid-life request.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './child-processes.js';
import { median } from './cold-start-verdict.js';
import { freshTexts } from './fresh-texts.js';
import { framesInWindows } from './perf-windows.js';
import { startServerProcess } from './serve-load.js';

const { values } = parseArgs({
  options: {
    starts: { type: 'string' },
    'idle-ms': { type: 'string' },
    'same-text': { type: 'boolean' },
    perf: { type: 'boolean' },
  },
});
const STARTS = Number(values.starts ?? 4);
const IDLE_MS = Number(values['idle-ms'] ?? 1500);
const PAUSE_MS = 37;
const SERVER = path.join(REPO_ROOT, 'bench', 'serve-bench-server.js');
const texts = readFileSync(path.join(REPO_ROOT, 'test_cases/intent.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).input);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

const PERF_HZ = 25_000;
const perfDir = values.perf ? mkdtempSync(path.join(os.tmpdir(), 'evalgate-perf-')) : null;
/** Fork options that start the server under `perf record` writing to `file`. */
const underPerf = (file) => ({
  execPath: 'perf',
  execArgv: ['record', '-q', '-g', '-F', String(PERF_HZ), '-k', 'CLOCK_MONOTONIC', '-o', file, '--'].concat(
    process.execPath,
    '--perf-basic-prof',
  ),
});
// Which requests each frame table covers: the first, the mid-life one, and the steady ones the
// medians below use (less the one right after each waited-for request).
const WINDOWS = { first: [0], midLife: [7], steady: [2, 3, 4, 5, 6, 9, 10, 11, 12, 13] };
const frames = { first: new Map(), midLife: new Map(), steady: new Map() };

const rows = { first: [], midLife: [], steady: [] };
for (let start = 0; start < STARTS; start++) {
  const perfData = perfDir && path.join(perfDir, `start-${start}.data`);
  const server = startServerProcess(SERVER, ['sample'], perfData ? underPerf(perfData) : {});
  const { url } = await server.ready;
  // As the bench does: GET /healthz opens the keep-alive connection the requests then use.
  await (await fetch(`${url}/healthz`)).json();
  await server.startTimeline();
  let sent = 0;
  // As the cold-start row's: two texts warm-up never sent per request, no text twice.
  const fresh = freshTexts(texts, start, STARTS);
  const text = (i) => (values['same-text'] ? texts[(start * 82) % texts.length] : fresh(i));
  const post = async () =>
    (
      await fetch(`${url}/v1/classify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: text(sent++) }),
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
  const measured = await spans(server);
  const cpuMs = measured.map(([, cpu0, , cpu1]) => (cpu1 - cpu0) / 1000);
  const clock = perfData ? await server.clock() : null;
  rows.first.push(cpuMs[0]);
  rows.midLife.push(cpuMs[7]);
  rows.steady.push(median(WINDOWS.steady.map((i) => cpuMs[i])));
  console.log(`start ${start}: server CPU per request (ms) ${cpuMs.map((ms) => ms.toFixed(2)).join(' ')}`);
  await server.stop();
  if (perfData) {
    // Spans are on the server's performance.now(); perf's samples on CLOCK_MONOTONIC.
    const mono = (ms) => BigInt(clock.monotonicNs) + BigInt(Math.round((ms - clock.nowMs) * 1e6));
    const window = (group, [t0, , t1]) => ({ group, startNs: mono(t0), endNs: mono(t1) });
    const windows = Object.entries(WINDOWS).flatMap(([group, at]) =>
      at.map((i) => window(group, measured[i])),
    );
    const groups = await framesInWindows(perfData, clock.pid, windows);
    for (const [group, { frames: counts }] of groups)
      for (const [frame, n] of counts) frames[group].set(frame, (frames[group].get(frame) ?? 0) + n);
    rmSync(`/tmp/perf-${clock.pid}.map`, { force: true });
  }
}
if (perfDir) {
  rmSync(perfDir, { recursive: true, force: true });
  const us = (group, name) =>
    ((frames[group].get(name) ?? 0) * 1e6) / PERF_HZ / STARTS / WINDOWS[group].length;
  const names = new Set(Object.values(frames).flatMap((table) => [...table.keys()]));
  const gap = (name) => us('first', name) - us('midLife', name);
  console.log('main-thread frames, inclusive µs per request: first − mid-life (first / mid-life / steady)');
  for (const name of [...names].sort((a, b) => gap(b) - gap(a)).slice(0, 40)) {
    const cells = ['first', 'midLife', 'steady'].map((group) => us(group, name).toFixed(0)).join(' / ');
    console.log(`${gap(name).toFixed(0).padStart(6)}  (${cells})  ${name}`);
  }
}
const fmt = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `median over ${STARTS} starts, after ${IDLE_MS} ms idle: first ${fmt(median(rows.first))}, mid-life ${fmt(median(rows.midLife))}; steady (37 ms pauses) ${fmt(median(rows.steady))}`,
);
