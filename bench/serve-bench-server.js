// A serve process for bench/serve-bench.js: `scripted` serves a 0 ms pipeline (what is left is
// the serving layer's own cost), `sample` serves the bundled sample's evaluated pipeline.
// Prints the URL once ready; answers `cpu` messages with its own CPU time (µs), so the load
// generator's CPU is never counted.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { systemClock } from '../dist/core/clock.js';
import { loadServingPipeline } from '../dist/serve/load-serving-pipeline.js';
import { createScriptedPipeline } from '../dist/serve/scripted-pipeline.js';
import { startServe } from '../dist/serve/start-serve.js';

const mode = process.argv[2];
const config = path.resolve(import.meta.dirname, '../eval/evalgate.yaml');
const t0 = performance.now();
const server = await startServe({
  configPath: config,
  env: {},
  clock: systemClock,
  newId: randomUUID,
  host: '127.0.0.1',
  port: 0,
  log: path.join(mkdtempSync(path.join(os.tmpdir(), 'evalgate-serve-bench-')), 'inference.jsonl'),
  // Request logs are part of the layer's cost: written, then discarded.
  logStream: new PassThrough().resume(),
  loadPipeline: (file) =>
    mode === 'scripted'
      ? Promise.resolve(createScriptedPipeline())
      : loadServingPipeline({
          configPath: file,
          env: {},
          clock: systemClock,
          suites: ['support-qa', 'intent'],
        }),
});
process.stdout.write(`${JSON.stringify({ url: server.url, readyMs: performance.now() - t0 })}\n`);
process.on('message', (message) => {
  if (message === 'cpu') {
    const u = process.cpuUsage();
    process.send({ cpuUs: u.user + u.system });
  }
  if (message === 'stop') server.stop().then(() => process.exit(0));
});
process.on('disconnect', () => server.stop().then(() => process.exit(0)));
