// `npm run bench -- --only serve`: the serving targets, measured with autocannon against a
// serve process of its own (bench/serve-bench-server.js): the serving layer's CPU per request
// with a 0 ms model, classify at 200 requests/s and answers at 30 requests/s on the sample
// (p99, errors) — each rate both as autocannon sends it (per-second bursts, each response
// counted once) and on an open-loop schedule (bench/serve-paced.js), the target holding for both —
// and cold start (bench/serve-cold-start.js). Next to each latency
// target it reports where the time went (bench/serve-load.js): every response's own latency,
// the server's side of it, the event loop's delay, the server's wait for a core, and the same
// autocannon run against a bare node:http server on the same machine (the floor).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './child-processes.js';
import { benchColdStart } from './serve-cold-start.js';
import { loadRun, startServerProcess, timedPost } from './serve-load.js';
import { pacedRun } from './serve-paced.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
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

/** The p99 a latency target is held to: autocannon's bursts and the open-loop schedule both. */
const worstP99 = (run, paced) => Math.max(run.autocannon.p99, paced.p99);

function latencyCell(run, paced, loadAverage) {
  return `open loop ${fmt(paced.p99)} (p50 ${fmt(paced.p50)}, max ${fmt(paced.max)}, ${paced.responses} req, ${paced.errors} errors, ${paced.lateSends} sent late); autocannon ${fmt(run.autocannon.p99)} (p50 ${fmt(run.autocannon.p50)}, ${run.responses} req, ${run.errors} errors); load ${loadAverage}`;
}

const load1 = () => os.loadavg()[0].toFixed(1);
const fmt = (ms) => (ms === null || ms === undefined ? 'n/a' : `${ms.toFixed(2)} ms`);

/** The rows that say where a load run's latency went; returns the run's details. */
function explainRun(row, label, run, loadAverage) {
  const t = run.timeline;
  row(
    `… ${label}: each response counted once, p99 (p50, max)`,
    `${fmt(run.own.p99)} (${fmt(run.own.p50)}, ${fmt(run.own.max)}); autocannon's default correction (1 ms interval) would read p99 ${fmt(run.autocannonDefault?.p99)} over ${run.autocannonDefault?.samples} samples`,
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
    autocannonDefault: run.autocannonDefault,
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
  await warmClient(scriptedUrl);
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

  // The sample's pipeline: cold start (several fresh servers), then classify and answer
  // throughput at fixed rates on the last one.
  const intent = cases('test_cases/intent.jsonl', 'input', 'classify');
  const qa = cases('test_cases/support-qa.jsonl', 'question', 'answer');
  const cold = await benchColdStart({
    row,
    intent,
    startServer: () => startServerProcess(SERVER, ['sample']),
  });
  const { server: sample, url } = cold;

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
  const classifyPaced = await pacedRun(url, {
    rate: CLASSIFY.overallRate,
    durationS: CLASSIFY.duration,
    requests: intent,
  });
  row(
    'serve: classify at 200 req/s, p99 (open loop and autocannon)',
    latencyCell(classify, classifyPaced, classifyLoad),
    '< 25 ms, no errors',
    worstP99(classify, classifyPaced) < 25 && classify.errors + classifyPaced.errors === 0,
    worstP99(classify, classifyPaced),
  );
  const classifyDetails = explainRun(row, 'classify', classify, classifyLoad);

  const answerLoad = load1();
  const answer = await loadRun(url, { ...ANSWER, requests: qa }, sample);
  const answerPaced = await pacedRun(url, {
    rate: ANSWER.overallRate,
    durationS: ANSWER.duration,
    requests: qa,
  });
  row(
    'serve: answers at 30 req/s, p99 (open loop and autocannon)',
    latencyCell(answer, answerPaced, answerLoad),
    '< 150 ms',
    worstP99(answer, answerPaced) < 150 && answer.errors + answerPaced.errors === 0,
    worstP99(answer, answerPaced),
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
    coldStart: cold.details,
    classifyCpuMs,
    answerCpuMs,
    classify: { ...classifyDetails, paced: classifyPaced },
    answer: { ...answerDetails, paced: answerPaced },
    floor: floorRun,
    floorWithServeCpu: { spinMs, ...spinRun },
  };
}

/**
 * The bench's client (undici's fetch, JSON reading) compiles lazily: warm it on the 0 ms
 * server's /v1 routes, which answer the same shapes, so a cold-start sample times the server.
 */
async function warmClient(url) {
  for (let i = 0; i < 200; i++) {
    await timedPost(url, {
      path: '/v1/classify',
      headers: JSON_HEADERS,
      body: '{"input":"warm the client"}',
    });
    if (i % 4 === 0)
      await timedPost(url, {
        path: '/v1/answer',
        headers: JSON_HEADERS,
        body: '{"question":"warm the client"}',
      });
  }
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
    autocannonDefault: run.autocannonDefault,
    own: run.own,
    responses: run.responses,
    errors: run.errors,
    serverCpuMs: run.serverCpuMs,
    runQueueWaitMs: run.runQueueWaitMs,
  };
}

function floorRow(run) {
  const wait = run.runQueueWaitMs === null ? 'n/a' : `${Math.round(run.runQueueWaitMs)} ms`;
  return `${fmt(run.autocannon.p99)} (max ${fmt(run.own.max)}; autocannon's default correction would read ${fmt(run.autocannonDefault?.p99)}; waited ${wait} for a core; load ${run.loadAverage})`;
}
