// Where one thread of a process spent its CPU inside given time windows, from a `perf record -g -k
// CLOCK_MONOTONIC` file (a node process run with --perf-basic-prof names its JS frames). Used by
// `bench/serve-idle-probe.js --perf` to compare the first request with a later one frame by frame:
// V8's own CPU profiler samples too sparsely for a ~1 ms request, perf at 25 kHz does not.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Counts, per window group, the thread's samples and, per frame name, the samples whose stack holds
 * that frame (inclusive: a frame counts once per sample however deep it recurs).
 * `windows`: [{ group, startNs, endNs }] on CLOCK_MONOTONIC (BigInt ns).
 */
export async function framesInWindows(perfData, tid, windows) {
  const groups = new Map(windows.map((w) => [w.group, { samples: 0, frames: new Map() }]));
  const perf = spawn('perf', ['script', '-i', perfData, '-F', 'tid,time,ip,sym'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  perf.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  // Set up before reading, so a missing `perf` (spawn error) or its exit is never missed.
  const exited = new Promise((resolve, reject) => {
    perf.once('error', reject);
    perf.once('close', resolve);
  });
  let group = null;
  let seen = new Set();
  const close = () => {
    for (const frame of seen) group.frames.set(frame, (group.frames.get(frame) ?? 0) + 1);
  };
  for await (const line of createInterface({ input: perf.stdout })) {
    const head = /^\s*(\d+)\s+(\d+)\.(\d+):/.exec(line);
    if (head) {
      if (group) close();
      group = null;
      seen = new Set();
      if (Number(head[1]) !== tid) continue;
      const ns = BigInt(head[2]) * 1_000_000_000n + BigInt(head[3].padEnd(9, '0'));
      const window = windows.find((w) => w.startNs <= ns && ns <= w.endNs);
      if (!window) continue;
      group = groups.get(window.group);
      group.samples++;
    } else if (group && line.trim()) seen.add(frameName(line));
  }
  if (group) close();
  // A failed `perf script` would otherwise read as empty tables.
  const code = await exited;
  if (code !== 0)
    throw new Error(`perf script -i ${perfData} exited ${code}: ${stderr.trim().split('\n').at(-1)}`);
  return groups;
}

/**
 * "  17d2506 OPENSSL_LH_retrieve+0x16 (/usr/bin/node)" → "OPENSSL_LH_retrieve", as a string of its
 * own (a slice would keep the whole chunk it came from alive for as long as the name is a key).
 */
function frameName(line) {
  const sym = line.trim().split(/\s+/).slice(1).join(' ');
  const name = sym.replace(/\s*\([^()]*\)$/, '').replace(/\+0x[0-9a-f]+$/, '') || '[unknown]';
  return Buffer.from(name).toString();
}
