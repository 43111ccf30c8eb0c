// An open-loop load run at a fixed rate (wrk2 / k6 constant-arrival-rate semantics): request k
// is due at t0 + k / rate, sent then on a keep-alive connection of a pool large enough that no
// request waits for a socket, and its latency counts from when it was due, not from when it was
// sent. A server that stalls therefore shows the stall in every request that fell due during it,
// whatever the phase. autocannon's `overallRate` cannot do this: each connection sends its
// per-second budget back to back and then idles (bench/serve-load.js), which measures bursts.
import http from 'node:http';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/**
 * `requests`: [{path, headers, body}], sent in turn. Resolves when every response (or error)
 * is in: {p50, p99, max, responses, errors, lateSends} with latencies in ms from the due time.
 */
export async function pacedRun(url, { rate, durationS, requests }) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / rate;
  const total = Math.round(rate * durationS);
  const latencies = new Float64Array(total);
  let errors = 0;
  let finished = 0;
  // Sends more than 2 ms after their due time: the client's own lateness, counted in latency.
  let lateSends = 0;
  const t0 = performance.now() + 20;
  await new Promise((resolve) => {
    const settle = (k, ok) => {
      latencies[k] = performance.now() - (t0 + k * interval);
      if (!ok) errors++;
      if (++finished === total) resolve();
    };
    const send = (k) => {
      if (performance.now() - (t0 + k * interval) > 2) lateSends++;
      const request = requests[k % requests.length];
      const req = http.request(
        {
          hostname,
          port,
          path: request.path,
          method: 'POST',
          agent,
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => settle(k, res.statusCode === 200));
        },
      );
      req.on('error', () => settle(k, false));
      req.end(request.body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
  agent.destroy();
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    responses: total,
    errors,
    lateSends,
  };
}
