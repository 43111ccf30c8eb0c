// The serve bench's load runs: a server process of its own (the serve process or the bare
// node:http floor), and one autocannon run against it that also keeps what autocannon's summary
// hides. Around the run: the server's CPU, its main thread's time runnable but waiting for a
// core (Linux /proc/<pid>/schedstat), and the server-side timeline (bench/serve-timeline.js).
//
// Latency percentiles. With `overallRate`, autocannon 9 corrects for coordinated omission with
// an expected interval of `Math.ceil(1 / rate)` (lib/run.js), where `rate` is requests per second
// per connection: 1/12.5 s read as 1 ms, so every response slower than 1 ms adds synthetic
// samples. No expected interval fits autocannon's pacing anyway (each connection sends its
// per-second budget back to back, then idles), so the run turns the correction off
// (`ignoreCoordinatedOmission`: each response counted once) and reports what the default would
// have printed; the open-loop run in serve-paced.js measures the rate itself.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/**
 * Forks a bench server (`serve-bench-server.js` or `serve-floor-server.js`) and waits for its URL.
 * `forkOptions` go to fork() (serve-idle-probe's --perf starts the server under `perf record`).
 */
export function startServerProcess(script, args, forkOptions = {}) {
  const child = fork(script, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], ...forkOptions });
  const ready = new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  const ask = (message, key) =>
    new Promise((resolve) => {
      // The answer is the message carrying `key`; any other message is not this one's.
      const onMessage = (m) => {
        if (m === null || typeof m !== 'object' || !(key in m)) return;
        child.off('message', onMessage);
        resolve(m[key]);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    child,
    ready,
    cpuUs: () => ask('cpu', 'cpuUs'),
    // Awaited: a control message the server reads while the first measured request arrives
    // would be timed inside that request.
    startTimeline: () => ask('timeline-start', 'timelineStarted'),
    readTimeline: () => ask('timeline', 'timeline'),
    /** The server's performance.now() and CLOCK_MONOTONIC (ns, as text) read together. */
    clock: () => ask('clock', 'clock'),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.send('stop');
      }),
  };
}

/** Milliseconds the process's main thread has spent runnable but not running (null off Linux). */
export function runQueueWaitMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return null;
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/**
 * Latencies with HdrHistogram's `recordValueWithExpectedInterval` correction applied: a value
 * above the interval also counts value − interval, value − 2·interval, … down to the interval,
 * the requests a paced client would have sent while this one was outstanding. Sorted.
 */
export function coordinatedOmission(latencies, intervalMs) {
  const out = [];
  for (const value of latencies) {
    out.push(value);
    if (intervalMs > 0)
      for (let missing = value - intervalMs; missing >= intervalMs; missing -= intervalMs) out.push(missing);
  }
  return out.sort((a, b) => a - b);
}

/** One autocannon run; `server` (from startServerProcess) adds its CPU, wait and timeline. */
export async function loadRun(url, options, server) {
  await server.startTimeline();
  const cpu0 = await server.cpuUs();
  const wait0 = runQueueWaitMs(server.child.pid);
  const own = [];
  const result = await new Promise((resolve, reject) => {
    const paced = Boolean(options.overallRate || options.connectionRate);
    const tracker = autocannon({ url, ...options, ignoreCoordinatedOmission: paced }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    tracker.on('response', (_client, _status, _bytes, ms) => own.push(ms));
  });
  const cpuUs = (await server.cpuUs()) - cpu0;
  const wait1 = runQueueWaitMs(server.child.pid);
  // autocannon's own correction, unit slip included: what its summary would have printed.
  const connections = Math.min(options.connections, options.overallRate ?? Infinity);
  const rate =
    options.connectionRate ?? (options.overallRate ? Math.floor(options.overallRate / connections) : 0);
  const asAutocannon = rate > 0 ? coordinatedOmission(own, Math.ceil(1 / rate)) : null;
  own.sort((a, b) => a - b);
  const responses = own.length;
  return {
    autocannon: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      samples: result.latency.totalCount,
    },
    autocannonDefault: asAutocannon && { p99: quantile(asAutocannon, 0.99), samples: asAutocannon.length },
    responses,
    own: { p50: quantile(own, 0.5), p99: quantile(own, 0.99), max: own[responses - 1] },
    errors: result.errors + result.non2xx + result.timeouts,
    rps: result.requests.average,
    serverCpuMs: cpuUs / 1000 / Math.max(1, responses),
    runQueueWaitMs: wait0 === null || wait1 === null ? null : wait1 - wait0,
    timeline: await server.readTimeline(),
  };
}

/** Client-side time (ms) and the server's own `latency_ms` from the response. */
export async function timedPost(url, request) {
  const t0 = performance.now();
  const res = await fetch(`${url}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const body = await res.json();
  return { ms: performance.now() - t0, serverMs: body.latency_ms };
}
