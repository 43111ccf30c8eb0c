// A serve process for bench/serve-bench.js: `scripted` serves a 0 ms pipeline (what is left is
// the serving layer's own cost), `sample` serves the bundled sample's evaluated pipeline.
// Prints the URL once ready; answers `cpu` messages with its own CPU time (µs), so the load
// generator's CPU is never counted, and `timeline-start` / `timeline` with the server-side view
// of a measured window (bench/serve-timeline.js), `spans` with its per-request spans.
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../dist/core/clock.js';
import { loadServingPipeline } from '../dist/serve/load-serving-pipeline.js';
import { asyncLogDestination } from '../dist/serve/log-destination.js';
import { createScriptedPipeline } from '../dist/serve/scripted-pipeline.js';
import { startServe } from '../dist/serve/start-serve.js';
import { createServerTimeline } from './serve-timeline.js';

const mode = process.argv[2];
const config = path.resolve(import.meta.dirname, '../eval/evalgate.yaml');
const t0 = performance.now();
const dir = mkdtempSync(path.join(os.tmpdir(), 'evalgate-serve-bench-'));
// Request logs are part of the layer's cost: written as the CLI writes them (asynchronously,
// to a file here instead of stderr).
const requestLog = asyncLogDestination(path.join(dir, 'server.log'));
// As the CLI does: warm-up's own log lines go to a twin writing to the null device.
const warmUpLog = asyncLogDestination(os.devNull);
// Subscribed before start-up, so warm-up's requests already run node's diagnostics-channel publish
// paths (a subscription made after ready left them, ~25 µs of new object shapes, to the first
// measured request). Recording from the start too, so the probe's own code has run (warm-up and
// the bench's /healthz requests) before a measured window.
const timeline = createServerTimeline(subscribe);
timeline.start();
const server = await startServe({
  configPath: config,
  env: {},
  clock: systemClock,
  newId: randomUUID,
  host: '127.0.0.1',
  port: 0,
  log: path.join(dir, 'inference.jsonl'),
  logStream: requestLog.stream,
  warmUpLogStream: warmUpLog.stream,
  loadPipeline: (file) =>
    mode === 'scripted'
      ? Promise.resolve(createScriptedPipeline())
      : loadServingPipeline({
          configPath: file,
          env: {},
          clock: systemClock,
          suites: ['support-qa', 'intent'],
          // Measures speed, not the gate: a branch whose change awaits a baseline re-accept
          // (a new index key) is still benchmarked. Responses then carry the unevaluated warning.
          allowUnevaluated: true,
        }),
});
process.stdout.write(`${JSON.stringify({ url: server.url, readyMs: performance.now() - t0 })}\n`);
process.on('message', (message) => {
  if (message === 'cpu') {
    const u = process.cpuUsage();
    process.send({ cpuUs: u.user + u.system });
  }
  if (message === 'timeline-start') {
    timeline.start();
    process.send({ timelineStarted: true });
  }
  if (message === 'timeline') process.send({ timeline: timeline.read() });
  if (message === 'spans') process.send({ spans: timeline.spans() });
  // Lets a probe place the spans on perf's clock (`perf record -k CLOCK_MONOTONIC`).
  if (message === 'clock')
    process.send({
      clock: { pid: process.pid, nowMs: performance.now(), monotonicNs: String(process.hrtime.bigint()) },
    });
  if (message === 'stop') stop();
});
process.on('disconnect', () => stop());
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server
    .stop()
    .then(() => requestLog.close())
    .then(() => warmUpLog.close())
    .then(() => rmSync(dir, { recursive: true, force: true }))
    .then(() => process.exit(0));
}
