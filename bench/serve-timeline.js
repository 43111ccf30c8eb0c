// Where a served request's time goes, seen from inside the server process (bench only): the
// event loop's delay (how long a ready callback waited for the loop), each request's time from
// the HTTP parser emitting it to the response's last byte being handed to the socket, the CPU
// spent in that span (on the request's path, as opposed to work done after the response) and
// the garbage-collection pauses, over one measured window. Read through node's built-in `http.server.*` diagnostics channels, so the
// serving code is unchanged (the probe itself runs in, and costs, the measured process). A client-side p99 far above these is time spent
// outside the server's request path: in the kernel, the load client, or waiting for a core.
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';

const quantile = (sorted, q) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

export function createServerTimeline(subscribe) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const started = new WeakMap();
  let durations = [];
  // Each request's [read at, CPU µs then, response written at, CPU µs then] (bench/serve-burst.js).
  let spans = [];
  let onPathCpuUs = 0;
  let firstWindow = null;
  let gcs = [];
  new PerformanceObserver((list) => {
    if (recording) for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration });
  }).observe({ entryTypes: ['gc'] });
  let recording = false;
  let accepted = 0;
  subscribe('net.server.socket', () => {
    if (recording) accepted++;
  });
  subscribe('http.server.request.start', ({ request }) => {
    if (recording) started.set(request, { t0: performance.now(), cpu0: process.cpuUsage() });
  });
  subscribe('http.server.response.finish', ({ request }) => {
    const start = started.get(request);
    if (start === undefined) return;
    const end = performance.now();
    durations.push(end - start.t0);
    firstWindow ??= { start: start.t0, end };
    const cpu = process.cpuUsage(start.cpu0);
    onPathCpuUs += cpu.user + cpu.system;
    const cpu0Us = start.cpu0.user + start.cpu0.system;
    spans.push([start.t0, cpu0Us, end, cpu0Us + cpu.user + cpu.system]);
  });
  return {
    start() {
      durations = [];
      spans = [];
      onPathCpuUs = 0;
      firstWindow = null;
      gcs = [];
      accepted = 0;
      loop.reset();
      loop.enable();
      recording = true;
    },
    /** The per-request spans of the window (kept apart from read(), which stays small). */
    spans() {
      return spans;
    },
    read() {
      recording = false;
      loop.disable();
      const first = durations[0] ?? null;
      const sorted = durations.sort((a, b) => a - b);
      const ms = (ns) => ns / 1e6;
      return {
        requests: sorted.length,
        /** Connections the server accepted in the window (keep-alive clients open none). */
        accepted,
        first,
        // Garbage-collection pauses inside the first request's time, and over the window.
        firstGcMs: gcs
          .filter((g) => firstWindow && g.start < firstWindow.end && g.start + g.ms > firstWindow.start)
          .reduce((sum, g) => sum + g.ms, 0),
        gc: { count: gcs.length, maxMs: gcs.reduce((m, g) => Math.max(m, g.ms), 0) },
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        max: quantile(sorted, 1),
        onPathCpuMs: sorted.length ? onPathCpuUs / 1000 / sorted.length : null,
        loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      };
    },
  };
}
