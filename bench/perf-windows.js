// Where one thread of a process spent its CPU inside given time windows, from a `perf record -g -k
// CLOCK_MONOTONIC` file (a node process run with --perf-basic-prof names its JS frames). Used by
// `bench/serve-idle-probe.js --perf` to compare the first request with a later one frame by frame:
// V8's own CPU profiler samples too sparsely for a ~1 ms request, perf at 25 kHz does not.
import { execFileSync } from 'node:child_process';

/**
 * Counts, per window group, the thread's samples and, per frame name, the samples whose stack holds
 * that frame (inclusive: a frame counts once per sample however deep it recurs).
 * `windows`: [{ group, startNs, endNs }] on CLOCK_MONOTONIC (BigInt ns).
 */
export function framesInWindows(perfData, tid, windows) {
  const out = execFileSync('perf', ['script', '-i', perfData, '-F', 'tid,time,ip,sym'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const groups = new Map(windows.map((w) => [w.group, { samples: 0, frames: new Map() }]));
  for (const block of out.split('\n\n')) {
    const lines = block.trim().split('\n');
    const head = /^(\d+)\s+(\d+)\.(\d+):/.exec(lines[0] ?? '');
    if (!head || Number(head[1]) !== tid) continue;
    const ns = BigInt(head[2]) * 1_000_000_000n + BigInt(head[3].padEnd(9, '0'));
    const window = windows.find((w) => w.startNs <= ns && ns <= w.endNs);
    if (!window) continue;
    const group = groups.get(window.group);
    group.samples++;
    const seen = new Set(lines.slice(1).map(frameName));
    for (const frame of seen) group.frames.set(frame, (group.frames.get(frame) ?? 0) + 1);
  }
  return groups;
}

/** "  17d2506 OPENSSL_LH_retrieve+0x16 (/usr/bin/node)" → "OPENSSL_LH_retrieve". */
function frameName(line) {
  const sym = line.trim().split(/\s+/).slice(1).join(' ');
  return sym.replace(/\s*\([^()]*\)$/, '').replace(/\+0x[0-9a-f]+$/, '') || '[unknown]';
}
