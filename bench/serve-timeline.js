// Where a served request's time goes, seen from inside the server process (bench only): the
// event loop's delay (how long a ready callback waited for the loop) and each request's time from
// the HTTP parser emitting it to the response's last byte being handed to the socket, both over
// one measured window. Read through node's built-in `http.server.*` diagnostics channels, so the
// serving code is measured exactly as it ships. A client-side p99 far above these is time spent
// outside the server's request path: in the kernel, the load client, or waiting for a core.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const quantile = (sorted, q) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

export function createServerTimeline(subscribe) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const started = new WeakMap();
  let durations = [];
  let onPathCpuUs = 0;
  let recording = false;
  subscribe('http.server.request.start', ({ request }) => {
    if (recording) started.set(request, { t0: performance.now(), cpu0: process.cpuUsage() });
  });
  subscribe('http.server.response.finish', ({ request }) => {
    const start = started.get(request);
    if (start === undefined) return;
    durations.push(performance.now() - start.t0);
    const cpu = process.cpuUsage(start.cpu0);
    onPathCpuUs += cpu.user + cpu.system;
  });
  return {
    start() {
      durations = [];
      onPathCpuUs = 0;
      loop.reset();
      loop.enable();
      recording = true;
    },
    read() {
      recording = false;
      loop.disable();
      const first = durations[0] ?? null;
      const sorted = durations.sort((a, b) => a - b);
      const ms = (ns) => ns / 1e6;
      return {
        requests: sorted.length,
        first,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        max: quantile(sorted, 1),
        onPathCpuMs: sorted.length ? onPathCpuUs / 1000 / sorted.length : null,
        loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      };
    },
  };
}
