// Constant-memory runs (issue 12): one real `evalgate eval` child per suite size (2k / 20k / 100k
// qa cases) against the fake OpenAI server at 0 ms, in a process of its own. Reports each run's
// wall time, CPU time and peak RSS (bench/usage-hook.js), and the growth from 20k to 100k.
// Targets: peak RSS < 250 MB at 100,000 cases, growing < 20 % from 20k to 100k.
//   node bench/memory-bench.js [--sizes 2000,20000,100000] [--short-ids] [--runs N]   prints one JSON line per size and run
// --runs N: N rounds of every size; the verdict lines then read each size's median peak.
// --short-ids: case ids of at most 10 characters (`q123`), which V8's JSON.parse keeps in its string
// table, the pessimistic case for the case scan (docs/constant-memory.md, eighth pass).
// `npm run bench` runs it as the `memory` section (benchMemory below).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBenchProject } from './bench-project.js';
import { installCleanup, REPO_ROOT, runNodeChecked, startFakeServerProcess } from './child-processes.js';
import { growthMet, growthPercent, medianRuns, peakMet, verdictLines } from './memory-verdict.js';

export const MEMORY_SIZES = [2000, 20000, 100000];
const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** Runs each size once; returns `{ cases, wallMs, cpuMs, maxRssBytes, timings }` per size. */
export async function measureRuns(sizes = MEMORY_SIZES, { shortIds = false } = {}) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'evalgate-memory-bench-'));
  const projectDir = path.join(scratch, 'project');
  const suites = Object.fromEntries(sizes.map((n) => [`qa${n}`, n]));
  const config = createBenchProject({ dir: projectDir, suites, shortIds });
  const reportsDir = path.join(projectDir, 'reports');
  const server = await startFakeServerProcess({ latencyMs: 0 });
  const out = [];
  try {
    for (const n of sizes) {
      await server.reset();
      const env = { ...process.env, OPENAI_API_KEY: 'bench-dummy-key', EVALGATE_BENCH_BASE_URL: server.url };
      delete env.ANTHROPIC_API_KEY;
      delete env.GITHUB_STEP_SUMMARY;
      const args = [CLI, 'eval', '--config', config, '--suite', `qa${n}`, '--quiet', '--no-cache'];
      args.push('--no-experiment-log', '--out', reportsDir);
      const result = await runNodeChecked(args, { env, usage: true, timeoutMs: 900_000 });
      const runs = path.join(reportsDir, 'runs');
      const runDir = path.join(runs, readdirSync(runs).sort().at(-1));
      const record = JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8'));
      if (record.manifest.counts.results !== n || record.manifest.counts.errors !== 0)
        throw new Error(
          `eval of ${n} cases gave ${record.manifest.counts.results} results, ${record.manifest.counts.errors} of them errors (see ${runDir})`,
        );
      rmSync(runDir, { recursive: true, force: true });
      out.push({
        cases: n,
        wallMs: Math.round(result.wallMs),
        cpuMs: Math.round(result.usage.cpuMs),
        maxRssBytes: result.usage.maxRssBytes,
        timings: record.manifest.timings,
        requests: await server.count(),
      });
    }
  } finally {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

/** The `memory` section of `npm run bench`. */
export async function benchMemory({ row, header, details }) {
  header('Constant-memory runs (qa cases, 0 ms fake OpenAI server, --no-cache, one process per size)');
  const runs = await measureRuns();
  details.memory = runs;
  const mb = (bytes) => bytes / 1024 / 1024;
  for (const r of runs) {
    row(
      `${r.cases} cases: wall / CPU`,
      `${(r.wallMs / 1000).toFixed(1)} s / ${(r.cpuMs / 1000).toFixed(1)} s`,
      'info',
      null,
      r.wallMs,
    );
    const target = r.cases === 100000 ? '< 250 MB' : 'info';
    row(
      `${r.cases} cases: peak RSS`,
      `${mb(r.maxRssBytes).toFixed(2)} MB`,
      target,
      r.cases === 100000 ? peakMet(r.maxRssBytes) : null,
      r.maxRssBytes,
    );
  }
  const at = (n) => runs.find((r) => r.cases === n);
  if (at(20000) && at(100000)) {
    const growth = growthPercent(at(20000).maxRssBytes, at(100000).maxRssBytes);
    const met = growthMet(at(20000).maxRssBytes, at(100000).maxRssBytes);
    row('peak RSS growth 20k -> 100k cases', `${growth.toFixed(2)} %`, '< 20 %', met, growth);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  installCleanup();
  const i = process.argv.indexOf('--sizes');
  const sizes = i > 0 ? process.argv[i + 1].split(',').map(Number) : MEMORY_SIZES;
  const r = process.argv.indexOf('--runs');
  const repeats = r > 0 ? Number(process.argv[r + 1]) : 1;
  const loadBefore = os.loadavg()[0];
  const rounds = [];
  for (let k = 0; k < repeats; k++) {
    const runs = await measureRuns(sizes, { shortIds: process.argv.includes('--short-ids') });
    for (const run of runs)
      console.log(JSON.stringify({ ...run, peakRssMb: Math.round(run.maxRssBytes / 1024 / 1024) }));
    rounds.push(runs);
    if (repeats > 1) for (const line of verdictLines(runs)) console.log(`round ${k + 1}: ${line}`);
  }
  for (const line of verdictLines(medianRuns(rounds)))
    console.log(repeats > 1 ? `median of ${repeats}: ${line}` : line);
  console.log(
    `load average (1 min): ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`,
  );
}
