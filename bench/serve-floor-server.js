// The floor under the serve latency rows (bench only): a bare node:http server in a process of
// its own that reads the JSON body and answers a classify-sized JSON response, optionally after
// spending `spinMs` of CPU per request (the serve process's measured on-path CPU), so the
// same autocannon run shows what the load client, the loopback and the machine cost with no
// framework, and what queueing alone costs at the same CPU per request. Answers the same IPC
// messages as serve-bench-server.js (cpu, timeline-start, timeline, stop).
//   node bench/serve-floor-server.js [spinMs]   prints {"url": ...} once listening
import { subscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import { createServerTimeline } from './serve-timeline.js';

const spinMs = Number(process.argv[2] ?? 0);
const timeline = createServerTimeline(subscribe);
const response = JSON.stringify({
  label: 'billing',
  probabilities: { billing: 0.82, account: 0.1, shipping: 0.05, other: 0.03 },
  confidence: 0.82,
  needs_review: false,
  suite: 'intent',
  model: 'local/centroid',
  prompt_version: 'intent@v1',
  prompt_hash: '0123456789abcdef',
  manifest_hash: '0123456789abcdef0123456789abcdef',
  evaluated: true,
  request_id: '00000000-0000-4000-8000-000000000000',
  latency_ms: 1,
});

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    // CPU time, not wall time: a process waiting for a core is not spending its budget.
    if (spinMs > 0) {
      const start = process.cpuUsage();
      let used = 0;
      while (used < spinMs * 1000) {
        const d = process.cpuUsage(start);
        used = d.user + d.system;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(response) });
    res.end(response);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
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
  if (message === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
