// The serve bench's load runs: a server process of its own (the serve process or the bare
// node:http floor), and one autocannon run against it that also keeps what autocannon's summary
// hides. Around the run: the server's CPU, its main thread's time runnable but waiting for a
// core (Linux /proc/<pid>/schedstat), and the server-side timeline (bench/serve-timeline.js).
//
// Latency percentiles. With `overallRate`, autocannon 9 corrects for coordinated omission with
// an expected interval of `Math.ceil(1 / rate)` (lib/run.js), where `rate` is requests per second
// per connection: 200 req/s over 16 connections gives 1/12.5 s = 80 ms, read as 1 ms, so every
// response slower than 1 ms adds synthetic samples (a 30 ms one adds 29). So the run turns that
// correction off (`ignoreCoordinatedOmission`), keeps every response's own latency, and applies
// the same correction here with the interval in the right unit (`coordinatedOmission`). Both
// are reported; a latency target must hold for both. autocannon's default histogram is reported
// too, from a histogram built the way autocannon builds it.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/** Forks a bench server (`serve-bench-server.js` or `serve-floor-server.js`) and waits for its URL. */
export function startServerProcess(script, args) {
  const child = fork(script, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const ready = new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  const ask = (message, key) =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m[key]));
      child.send(message);
    });
  return {
    child,
    ready,
    cpuUs: () => ask('cpu', 'cpuUs'),
    startTimeline: () => child.send('timeline-start'),
    readTimeline: () => ask('timeline', 'timeline'),
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

/** The expected interval (ms) between two requests on one connection at the run's rate. */
function perConnectionIntervalMs(options) {
  if (options.connectionRate) return 1000 / options.connectionRate;
  if (options.overallRate) return (1000 * options.connections) / options.overallRate;
  return 0;
}

/** One autocannon run; `server` (from startServerProcess) adds its CPU, wait and timeline. */
export async function loadRun(url, options, server) {
  server.startTimeline();
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
  const interval = perConnectionIntervalMs(options);
  // autocannon's own correction, unit slip included: what its summary would have printed.
  const rate = options.connectionRate ?? Math.floor(options.overallRate / options.connections);
  const asAutocannon = interval > 0 ? coordinatedOmission(own, Math.ceil(1 / rate)) : null;
  const corrected = coordinatedOmission(own, interval);
  own.sort((a, b) => a - b);
  const responses = own.length;
  return {
    autocannon: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      samples: result.latency.totalCount,
    },
    autocannonDefault: asAutocannon && { p99: quantile(asAutocannon, 0.99), samples: asAutocannon.length },
    corrected: { intervalMs: interval, p99: quantile(corrected, 0.99), samples: corrected.length },
    responses,
    own: { p50: quantile(own, 0.5), p99: quantile(own, 0.99), max: own[responses - 1] },
    errors: result.errors + result.non2xx + result.timeouts,
    rps: result.requests.average,
    serverCpuMs: cpuUs / 1000 / Math.max(1, responses),
    runQueueWaitMs: wait0 === null || wait1 === null ? null : wait1 - wait0,
    timeline: await server.readTimeline(),
  };
}
