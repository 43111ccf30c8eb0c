// `eval --batch` against a direct run of the same generated suite, each eval in its own process
// (CPU time and peak RSS of the eval process alone; the fake OpenAI server, with its Batch API,
// runs in another). Usage, after `npm run build`:
//   node bench/batch-bench.js [--cases 2000,20000]
// Prints wall time, CPU time and peak RSS of both runs, and how many direct chat requests and
// batch lines the server answered (a batch run must make no direct request).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBenchProject } from './bench-project.js';
import { installCleanup, REPO_ROOT, runNodeChecked, startFakeServerProcess } from './child-processes.js';

const MAIN = path.join(REPO_ROOT, 'dist/cli/main.js');
const casesArg = process.argv.indexOf('--cases');
const sizes = (casesArg > 0 ? process.argv[casesArg + 1] : '2000,20000').split(',').map(Number);

installCleanup();
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

for (const cases of sizes) {
  for (const mode of ['direct', 'batch']) {
    const dir = mkdtempSync(path.join(tmpdir(), `evalgate-batch-bench-${mode}-`));
    const config = createBenchProject({ dir, suites: { qa: cases } });
    const server = await startFakeServerProcess({ latencyMs: 0 });
    const env = { ...process.env, EVALGATE_BENCH_BASE_URL: server.url, OPENAI_API_KEY: 'bench' };
    const args = [MAIN, 'eval', '-c', config, '--quiet'];
    if (mode === 'batch') args.push('--batch', '--batch-poll', '0.05');
    const run = await runNodeChecked(args, { cwd: dir, env, usage: true, timeoutMs: 900_000 });
    const answered = await server.count();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(
      `${String(cases).padStart(6)} cases, ${mode.padEnd(6)}: wall ${s(run.wallMs)}, CPU ${s(run.usage.cpuMs)}, peak RSS ${mb(run.usage.maxRssBytes)}; model answers served ${answered}\n`,
    );
  }
}
