// What the peak resident set of one `evalgate eval` is made of (issue 12, constant-memory runs).
// Runs the same child as bench/memory-bench.js, plus an in-process probe (bench/memory-probe.js:
// V8 heap spaces, array buffers) and an outside sampler of /proc/<pid> (RSS split into anonymous
// and file-backed pages, and the largest anonymous mappings at the peak). The outside sampler
// keeps sampling while the event loop is blocked (statistics phase).
//   node bench/memory-breakdown.js --cases 20000 [--short-ids] [--env NAME=VALUE ...] [--node-flags '...'] [--keep]
// --short-ids: case ids of at most 10 characters, as in bench/memory-bench.js.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchProject } from './bench-project.js';
import { installCleanup, REPO_ROOT, startFakeServerProcess } from './child-processes.js';

installCleanup();
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const n = Number(arg('--cases', '20000'));
const extraEnv = {};
process.argv.forEach((a, i) => {
  if (a === '--env') {
    const [k, ...v] = process.argv[i + 1].split('=');
    extraEnv[k] = v.join('=');
  }
});
const nodeFlags = (arg('--node-flags', '') || '').split(' ').filter(Boolean);
const MB = 1024 * 1024;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'evalgate-memory-breakdown-'));
const projectDir = path.join(scratch, 'project');
const shortIds = process.argv.includes('--short-ids');
const config = createBenchProject({ dir: projectDir, suites: { [`qa${n}`]: n }, shortIds });
const reportsDir = path.join(projectDir, 'reports');
const probeFile = path.join(scratch, 'probe.jsonl');
const server = await startFakeServerProcess({ latencyMs: 0 });

function readKb(pid, file, keys) {
  const out = {};
  try {
    for (const line of readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\n')) {
      const m = /^(\w+):\s+(\d+) kB/.exec(line);
      if (m && keys.includes(m[1])) out[m[1]] = Number(m[2]) * 1024;
    }
  } catch {}
  return out;
}
function anonMappings(pid) {
  const maps = [];
  let cur = null;
  try {
    for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        cur = {
          size: parseInt(head[2], 16) - parseInt(head[1], 16),
          name: head[3] || '[anon]',
          rss: 0,
          anon: 0,
        };
        maps.push(cur);
        continue;
      }
      const m = /^(Rss|Anonymous):\s+(\d+) kB/.exec(line);
      if (m && cur) cur[m[1] === 'Rss' ? 'rss' : 'anon'] = Number(m[2]) * 1024;
    }
  } catch {}
  return maps;
}

const env = {
  ...process.env,
  ...extraEnv,
  OPENAI_API_KEY: 'bench-dummy-key',
  EVALGATE_BENCH_BASE_URL: server.url,
};
env.EVALGATE_MEMORY_PROBE_FILE = probeFile;
delete env.ANTHROPIC_API_KEY;
delete env.GITHUB_STEP_SUMMARY;
const args = [
  ...nodeFlags,
  '--import',
  path.join(REPO_ROOT, 'bench', 'memory-probe.js'),
  path.join(REPO_ROOT, 'dist', 'cli', 'main.js'),
  'eval',
  '--config',
  config,
  '--suite',
  `qa${n}`,
  '--quiet',
  '--no-cache',
  '--no-experiment-log',
  '--out',
  reportsDir,
];
const started = Date.now();
const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
const outside = [];
let peak = { rss: 0 };
const timer = setInterval(() => {
  const s = readKb(child.pid, 'status', ['VmRSS', 'RssAnon', 'RssFile', 'RssShmem', 'VmHWM']);
  if (!s.VmRSS) return;
  const row = { t: Date.now(), rss: s.VmRSS, anon: s.RssAnon, file: s.RssFile, hwm: s.VmHWM };
  outside.push(row);
  if (row.rss > peak.rss + 2 * MB) peak = { ...row, maps: anonMappings(child.pid) };
}, 100);
const code = await new Promise((r) => child.once('close', r));
clearInterval(timer);
await server.close();
if (code !== 0) throw new Error(`eval exited ${code}`);
const runs = path.join(reportsDir, 'runs');
const record = JSON.parse(readFileSync(path.join(runs, readdirSync(runs).sort().at(-1), 'run.json'), 'utf8'));
const probe = readFileSync(probeFile, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
if (process.argv.includes('--keep')) console.log(`kept: ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });

// Phase boundaries from the manifest's timings (relative to startedAt).
const t0 = Date.parse(record.manifest.startedAt);
const tm = record.manifest.timings;
let acc = t0;
const bounds = [['startup', started, t0]];
for (const k of ['load', 'index', 'cases', 'statistics']) {
  if (tm[k] === undefined) continue;
  bounds.push([k, acc, acc + tm[k]]);
  acc += tm[k];
}
bounds.push(['reports', acc, Infinity]);
const phaseOf = (t) => (bounds.find(([, a, b]) => t >= a && t < b) ?? ['?'])[0];
const fmt = (b) => (b / MB).toFixed(0);
const byPhase = {};
for (const o of outside) {
  const p = phaseOf(o.t);
  if (!byPhase[p] || o.rss > byPhase[p].rss) byPhase[p] = o;
}
const nearest = (t) => probe.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best));
console.log(
  `${n} cases, exit ${code}, wall ${((Date.now() - started) / 1000).toFixed(1)} s, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `imports only: ${JSON.stringify(Object.fromEntries(['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].map((k) => [k, fmt(probe[1][k])])))}`,
);
console.log(
  'phase | peak RSS | anon | file | nearest probe: heapTotal used external arrayBuffers | new / old / code / lo spaces (size)',
);
for (const [p] of bounds) {
  const o = byPhase[p];
  if (!o) continue;
  const s = nearest(o.t);
  const sp = (k) => fmt(s.spaces[k]?.size ?? 0);
  console.log(
    `${p} | ${fmt(o.rss)} | ${fmt(o.anon)} | ${fmt(o.file)} | ${fmt(s.heapTotal)} ${fmt(s.heapUsed)} ${fmt(s.external)} ${fmt(s.arrayBuffers)} (probe ${s.tag} ${((s.t - o.t) / 1000).toFixed(1)} s away) | ${sp('new_space')} / ${sp('old_space')} / ${sp('code_space')} / ${sp('large_object_space')}+${sp('new_large_object_space')}`,
  );
}
const big = (peak.maps ?? []).filter((m) => m.rss > 1 * MB).sort((a, b) => b.rss - a.rss);
console.log(
  `peak RSS sampled ${fmt(peak.rss)} MB (VmHWM at end ${fmt(outside.at(-1).hwm)} MB) in phase ${phaseOf(peak.t)}; mappings > 1 MB resident:`,
);
for (const m of big.slice(0, 25))
  console.log(
    `  ${m.name} size ${fmt(m.size)} MB rss ${(m.rss / MB).toFixed(1)} anon ${(m.anon / MB).toFixed(1)}`,
  );
const totalAnonSmall = (peak.maps ?? []).filter((m) => m.rss <= 1 * MB).reduce((a, m) => a + m.rss, 0);
console.log(`  (mappings <= 1 MB: ${fmt(totalAnonSmall)} MB total)`);
console.log(`timings: ${JSON.stringify(tm)} startedAt ${t0} (epoch ms), child pid ${child.pid}`);
