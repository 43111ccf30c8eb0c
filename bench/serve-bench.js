// `npm run bench -- --only serve`: the serving targets, measured with autocannon against a
// serve process of its own (bench/serve-bench-server.js): the serving layer's CPU per request
// with a 0 ms model, classify at 200 requests/s and answers at 30 requests/s on the sample
// (p99, errors), and cold start (readiness, first request vs the median). Next to each latency
// target it reports where the time went (bench/serve-load.js): every response's own latency,
// the server's side of it, the event loop's delay, the server's wait for a core, and the same
// autocannon run against a bare node:http server on the same machine (the floor).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './child-processes.js';
import { loadRun, startServerProcess } from './serve-load.js';

const SERVER = path.join(REPO_ROOT, 'bench', 'serve-bench-server.js');
const FLOOR = path.join(REPO_ROOT, 'bench', 'serve-floor-server.js');
const CLASSIFY = { connections: 16, overallRate: 200, duration: 10 };
const ANSWER = { connections: 8, overallRate: 30, duration: 10 };

function cases(file, field, route) {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l)[field])
    .map((text) => ({
      method: 'POST',
      path: `/v1/${route}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(route === 'answer' ? { question: text } : { input: text }),
    }));
}

/** Client-side time (ms) and the server's own `latency_ms` from the response. */
async function timedPost(url, request) {
  const t0 = performance.now();
  const res = await fetch(`${url}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const body = await res.json();
  return { ms: performance.now() - t0, serverMs: body.latency_ms };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load1 = () => os.loadavg()[0].toFixed(1);
const fmt = (ms) => (ms === null || ms === undefined ? 'n/a' : `${ms.toFixed(2)} ms`);

/** The rows that say where a load run's latency went; returns the run's details. */
function explainRun(row, label, run, loadAverage) {
  const t = run.timeline;
  row(
    `… ${label}: each response counted once, p99 (p50, max)`,
    `${fmt(run.own.p99)} (${fmt(run.own.p50)}, ${fmt(run.own.max)}); autocannon histogram ${run.autocannon.samples} samples for ${run.responses} responses`,
    'reported',
    null,
    run.own.p99,
  );
  row(
    `… ${label}: server side, request parsed → response written, p99 (max)`,
    `${fmt(t.p99)} (${fmt(t.max)}); event-loop delay p99 ${fmt(t.loopDelay.p99)}, max ${fmt(t.loopDelay.max)}; ${t.gc.count} GC pauses, longest ${fmt(t.gc.maxMs)}`,
    'reported',
    null,
    t.p99,
  );
  row(
    `… ${label}: server CPU per request (on the request's path)`,
    `${fmt(run.serverCpuMs)} (${fmt(t.onPathCpuMs)}); main thread waited ${run.runQueueWaitMs === null ? 'n/a' : `${Math.round(run.runQueueWaitMs)} ms`} for a core`,
    'reported',
    null,
    run.serverCpuMs,
  );
  return {
    loadAverage,
    autocannon: run.autocannon,
    responses: run.responses,
    own: run.own,
    errors: run.errors,
    rps: run.rps,
    serverCpuMs: run.serverCpuMs,
    onPathCpuMs: t.onPathCpuMs,
    runQueueWaitMs: run.runQueueWaitMs,
    server: { p50: t.p50, p99: t.p99, max: t.max, loopDelay: t.loopDelay, gc: t.gc },
  };
}

export async function benchServe({ row, header, details }) {
  header('Serving (evalgate serve, autocannon on 127.0.0.1)');

  // Serving layer overhead: a 0 ms pipeline, so the server's CPU is validation, routing,
  // timeout, metrics, pino and the inference log.
  const scripted = startServerProcess(SERVER, ['scripted']);
  const { url: scriptedUrl } = await scripted.ready;
  const overheadRequests = [
    {
      method: 'POST',
      path: '/v1/classify',
      headers: { 'content-type': 'application/json' },
      body: '{"input":"I was charged twice"}',
    },
  ];
  await loadRun(scriptedUrl, { connections: 8, amount: 2000, requests: overheadRequests }, scripted); // warm-up
  const overhead = await loadRun(
    scriptedUrl,
    { connections: 8, amount: 20000, requests: overheadRequests },
    scripted,
  );
  await scripted.stop();
  row(
    'serve: CPU per request, 0 ms model (serving layer)',
    fmt(overhead.serverCpuMs),
    '≤ 0.3 ms',
    overhead.serverCpuMs <= 0.3,
    overhead.serverCpuMs,
  );
  details.serveOverhead = {
    requests: overhead.responses,
    errors: overhead.errors,
    rps: overhead.rps,
  };

  // The sample's pipeline: cold start, then classify and answer throughput at fixed rates.
  const t0 = performance.now();
  const sample = startServerProcess(SERVER, ['sample']);
  const { url } = await sample.ready;
  const readyMs = performance.now() - t0;
  const intent = cases('test_cases/intent.jsonl', 'input', 'classify');
  const qa = cases('test_cases/support-qa.jsonl', 'question', 'answer');
  // The bench's own HTTP client compiles lazily too: warm its GET and POST paths and its JSON
  // body reading (timedPost reads the response with res.json()) on routes outside /v1 (a POST to
  // /healthz is a JSON 404), which leaves the server's /v1 path as cold (or warm) as serve made it.
  await (await fetch(`${url}/healthz`)).json();
  for (let i = 0; i < 3; i++)
    await (
      await fetch(`${url}/healthz`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json();
  sample.startTimeline();
  const first = await timedPost(url, intent[1]);
  const later = [];
  for (let i = 2; i < 42; i++) later.push(await timedPost(url, intent[i]));
  const coldTimeline = await sample.readTimeline();
  const medianMs = median(later.map((t) => t.ms));
  const medianServerMs = median(later.map((t) => t.serverMs));
  row('serve: start to ready (index load + warm-up)', fmt(readyMs), 'reported', null, readyMs);
  row(
    'serve: first request after ready vs median',
    `${fmt(first.ms)} vs ${fmt(medianMs)}`,
    'first ≤ median',
    first.ms <= medianMs,
    first.ms,
  );
  row(
    '… server-side latency_ms, first vs median',
    `${fmt(first.serverMs)} vs ${fmt(medianServerMs)}`,
    'reported',
    null,
    first.serverMs,
  );
  row(
    '… server side, request parsed → response written, first vs median',
    `${fmt(coldTimeline.first)} vs ${fmt(coldTimeline.p50)} (GC inside the first: ${fmt(coldTimeline.firstGcMs)}; connections opened: ${coldTimeline.accepted})`,
    'reported',
    null,
    coldTimeline.first,
  );

  // CPU per pipeline request, sequential (no queueing), in the server process only.
  const cpuBefore = await sample.cpuUs();
  const sequential = 500;
  for (let i = 0; i < sequential; i++) await timedPost(url, intent[i % intent.length]);
  const classifyCpuMs = ((await sample.cpuUs()) - cpuBefore) / 1000 / sequential;
  row('serve: classify, server CPU per request', fmt(classifyCpuMs), 'reported', null, classifyCpuMs);
  const answerCpuBefore = await sample.cpuUs();
  for (let i = 0; i < 100; i++) await timedPost(url, qa[i % qa.length]);
  const answerCpuMs = ((await sample.cpuUs()) - answerCpuBefore) / 1000 / 100;
  row('serve: answer, server CPU per request', fmt(answerCpuMs), 'reported', null, answerCpuMs);

  const classifyLoad = load1();
  const classify = await loadRun(url, { ...CLASSIFY, requests: intent }, sample);
  row(
    'serve: classify at 200 req/s, p99',
    `${fmt(classify.autocannon.p99)} (p50 ${fmt(classify.autocannon.p50)}, ${classify.responses} req, ${classify.errors} errors, load ${classifyLoad})`,
    '< 25 ms, no errors',
    classify.autocannon.p99 < 25 && classify.errors === 0,
    classify.autocannon.p99,
  );
  const classifyDetails = explainRun(row, 'classify', classify, classifyLoad);

  const answerLoad = load1();
  const answer = await loadRun(url, { ...ANSWER, requests: qa }, sample);
  row(
    'serve: answers at 30 req/s, p99',
    `${fmt(answer.autocannon.p99)} (p50 ${fmt(answer.autocannon.p50)}, ${answer.responses} req, ${answer.errors} errors, load ${answerLoad})`,
    '< 150 ms',
    answer.autocannon.p99 < 150 && answer.errors === 0,
    answer.autocannon.p99,
  );
  const answerDetails = explainRun(row, 'answers', answer, answerLoad);
  await sample.stop();

  // The floor: the classify run's exact autocannon settings against a bare node:http server
  // (JSON body in, a classify-sized JSON out, no work). Its p99 is what the load client, the
  // loopback and this machine's other processes cost on their own.
  // Then the same server spending serve's measured on-path CPU per request: what queueing that
  // much work costs here, with no framework, GC churn or logging of serve's own.
  const floorRun = await floorLoadRun(intent, 0);
  row(
    'floor: bare node:http, same autocannon run, p99',
    floorRow(floorRun),
    'reported',
    null,
    floorRun.autocannon.p99,
  );
  const spinMs = Math.round(classify.timeline.onPathCpuMs * 100) / 100;
  const spinRun = await floorLoadRun(intent, spinMs);
  row(
    `floor: the same, spending ${fmt(spinMs)} CPU per request, p99`,
    floorRow(spinRun),
    'reported',
    null,
    spinRun.autocannon.p99,
  );

  details.serve = {
    readyMs,
    firstMs: first.ms,
    medianMs,
    firstServerMs: first.serverMs,
    medianServerMs,
    firstServerSideMs: coldTimeline.first,
    medianServerSideMs: coldTimeline.p50,
    classifyCpuMs,
    answerCpuMs,
    classify: classifyDetails,
    answer: answerDetails,
    floor: floorRun,
    floorWithServeCpu: { spinMs, ...spinRun },
  };
}

async function floorLoadRun(requests, spinMs) {
  const floor = startServerProcess(FLOOR, [String(spinMs)]);
  const { url } = await floor.ready;
  await loadRun(url, { connections: 16, amount: 400, requests }, floor); // warm-up
  const loadAverage = load1();
  const run = await loadRun(url, { ...CLASSIFY, requests }, floor);
  await floor.stop();
  return {
    loadAverage,
    autocannon: run.autocannon,
    own: run.own,
    responses: run.responses,
    errors: run.errors,
    serverCpuMs: run.serverCpuMs,
    runQueueWaitMs: run.runQueueWaitMs,
  };
}

function floorRow(run) {
  const wait = run.runQueueWaitMs === null ? 'n/a' : `${Math.round(run.runQueueWaitMs)} ms`;
  return `${fmt(run.autocannon.p99)} (each response once: ${fmt(run.own.p99)}, max ${fmt(run.own.max)}; waited ${wait} for a core; load ${run.loadAverage})`;
}
