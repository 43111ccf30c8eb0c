// Shared by the benches that replay one phase of a finished run under V8's sampling heap profiler
// (bench/statistics-memory.js, bench/reports-memory.js): the run folder and project from the
// command line, live-heap and peak-RSS readings, and the allocation totals under named functions.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { loadProject } from '../dist/cli/commands/load-project.js';

export const MB = 1024 * 1024;
export const round = (x) => Math.round(x * 10) / 10;

/** `<run folder> --config <project config>` from the command line, and the loaded project. */
export async function openReplay() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  const runDir = path.resolve(process.argv[2] ?? '');
  const configAt = process.argv.indexOf('--config');
  if (!process.argv[2] || configAt < 0) throw new Error('usage: <run folder> --config <project config>');
  // The bench project names its fake server's URL through the environment; no call is made here.
  process.env.EVALGATE_BENCH_BASE_URL ??= 'http://127.0.0.1:9/v1';
  const { loaded } = await loadProject(process.argv[configAt + 1]);
  return { runDir, loaded };
}

/** What is live after two forced collections; typed arrays' contents (outside V8's heap) too. */
export function live() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The process's peak resident set so far (VmHWM), in bytes. */
export const hwm = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;

/**
 * Runs `work` under the sampling heap profiler (32 KB interval: totals within a few percent;
 * collected objects included) and sums what was allocated under each of the `watched` functions
 * over their call subtrees (a function that calls itself counts once per stack).
 */
export async function profileAllocations(watched, work) {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 32 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  const totals = Object.fromEntries(watched.map((name) => [name, 0]));
  const inclusive = (node) => node.children.reduce((sum, child) => sum + inclusive(child), node.selfSize);
  const walk = (node, inside) => {
    const name = node.callFrame.functionName;
    if (Object.hasOwn(totals, name) && !inside.has(name)) totals[name] += inclusive(node);
    const below = Object.hasOwn(totals, name) ? new Set([...inside, name]) : inside;
    for (const child of node.children) walk(child, below);
  };
  walk(profile.head, new Set());
  return {
    result,
    profile,
    totals,
    total: inclusive(profile.head),
    wallMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
}
