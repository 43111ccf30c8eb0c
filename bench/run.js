// `npm run bench`: evalgate's performance benchmarks against the targets in the issues and
// docs/performance.md. Each measurement prints `name | measured | target | pass`; all of them
// are written to .evalgate/bench/latest.json. Run after `npm run build` (npm run bench does it).
//   node bench/run.js [--only startup,harness,scoring,html,stats,retrieval,install,app,serve,ratelimit,memory,labels]
// The eval processes under test are real `evalgate eval` child processes talking to the fake
// OpenAI server, which runs in a process of its own so the eval process's CPU and memory are
// its own; bench/usage-hook.js reports each child's CPU time and peak RSS when it exits.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchProject } from './bench-project.js';
import { benchServe } from './serve-bench.js';
import { benchRateLimits } from './rate-limit-bench.js';
import { benchManyLabels } from './many-labels-section.js';
import { benchMemory } from './memory-bench.js';
import {
  installCleanup,
  killAllChildren,
  median,
  REPO_ROOT,
  runNodeChecked,
  startFakeServerProcess,
} from './child-processes.js';

const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const STARTUP_RUNS = 15;
const HARNESS_RUNS = 3;
const CASES = 2000;
const SMALL_CASES = 500;
const SLOW_MODEL_MS = 100;
const SLOW_CONCURRENCY = 16;

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1].split(',')) : null;
const enabled = (section) => !only || only.has(section);

const rows = [];
const details = {};
const scratch = mkdtempSync(path.join(os.tmpdir(), 'evalgate-bench-'));

installCleanup();
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

// ---------- formatting ----------

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const fmtMb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function header(title) {
  process.stdout.write(`\n${title}\n${'-'.repeat(title.length)}\n`);
}

/** One result row; `pass` is true/false, or null for a number reported without a target. */
function row(name, measured, target, pass, value) {
  rows.push({ name, measured, target, pass, value });
  const mark = pass === null ? '-' : pass ? 'PASS' : 'MISS';
  process.stdout.write(`${name.padEnd(54)} | ${measured.padEnd(26)} | ${target.padEnd(28)} | ${mark}\n`);
}

// ---------- eval child runs ----------

function evalEnv(url) {
  const env = { ...process.env, OPENAI_API_KEY: 'bench-dummy-key', EVALGATE_BENCH_BASE_URL: url };
  delete env.ANTHROPIC_API_KEY;
  delete env.GITHUB_STEP_SUMMARY;
  return env;
}

/** The run folder the eval printed (`... run: <dir>`), else the newest one under `reportsDir`. */
function readRunRecord(stdout, reportsDir) {
  const match = /\brun: (\S.*)$/m.exec(stdout);
  let runDir = match ? path.resolve(REPO_ROOT, match[1].trim()) : null;
  if (!runDir || !existsSync(path.join(runDir, 'run.json'))) {
    const runs = path.join(reportsDir, 'runs');
    const newest = existsSync(runs) ? readdirSync(runs).sort().at(-1) : undefined;
    if (!newest) throw new Error(`could not find the run folder (looked in the eval output and ${runs})`);
    runDir = path.join(runs, newest);
  }
  return { runDir, record: JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8')) };
}

/** One `evalgate eval` child on the bench project; returns wall, CPU, RSS and the manifest. */
async function evalRun({ config, suite, server, extra = [], expectedCases }) {
  const reportsDir = path.join(path.dirname(path.dirname(config)), 'reports');
  await server.reset();
  const args = [
    CLI,
    'eval',
    '--config',
    config,
    '--suite',
    suite,
    '--quiet',
    '--no-experiment-log',
    '--out',
    reportsDir,
    ...extra,
  ];
  const result = await runNodeChecked(args, { env: evalEnv(server.url), usage: true });
  const requests = await server.count();
  const { record, runDir } = readRunRecord(result.stdout, reportsDir);
  const { counts, timings } = record.manifest;
  if (counts.results !== expectedCases || counts.errors !== 0) {
    throw new Error(
      `eval on ${suite} produced ${counts.results} results with ${counts.errors} errors (expected ${expectedCases}, 0): see ${runDir}`,
    );
  }
  rmSync(runDir, { recursive: true, force: true });
  return {
    wallMs: result.wallMs,
    cpuMs: result.usage.cpuMs,
    maxRssBytes: result.usage.maxRssBytes,
    requests,
    counts,
    timings,
  };
}

function medianOf(runs, key) {
  return median(runs.map((r) => r[key]));
}

// ---------- 1. startup ----------

async function benchStartup() {
  header('1. Startup');
  for (const flag of ['--help', '--version']) {
    await runNodeChecked([CLI, flag]); // warm the file cache once
    const times = [];
    for (let i = 0; i < STARTUP_RUNS; i++) times.push((await runNodeChecked([CLI, flag])).wallMs);
    const ms = median(times);
    details[`startup${flag}`] = {
      runs: STARTUP_RUNS,
      medianMs: ms,
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
    };
    row(`evalgate ${flag} (median of ${STARTUP_RUNS})`, fmtMs(ms), '< 150 ms', ms < 150, ms);
  }
  // What `evalgate eval` pays before any work: importing the eval command's module graph.
  const importScript = `const t0 = performance.now(); await import(${JSON.stringify(new URL('../dist/cli/commands/eval-command.js', import.meta.url).href)}); console.log(performance.now() - t0);`;
  const imports = [];
  for (let i = 0; i < 5; i++)
    imports.push(
      Number(lastLine((await runNodeChecked(['--input-type=module', '-e', importScript])).stdout)),
    );
  const importMs = median(imports);
  details.evalImportMs = imports;
  row('import of the eval command module graph (median of 5)', fmtMs(importMs), 'info', null, importMs);
}

// ---------- 2. harness throughput ----------

async function benchHarness() {
  header(`2. Harness throughput (${CASES} qa cases, fake OpenAI server in its own process)`);
  const projectDir = path.join(scratch, 'project');
  const config = createBenchProject({ dir: projectDir, suites: { qa: CASES, qa500: SMALL_CASES } });
  details.harness = { projectDir, cases: CASES };

  const fast = await startFakeServerProcess({ latencyMs: 0 });
  const slow = await startFakeServerProcess({ latencyMs: SLOW_MODEL_MS });
  try {
    // (a) 0 ms model, no cache, default concurrency.
    const runs = [];
    for (let i = 0; i < HARNESS_RUNS; i++)
      runs.push(
        await evalRun({ config, suite: 'qa', server: fast, extra: ['--no-cache'], expectedCases: CASES }),
      );
    const wall = medianOf(runs, 'wallMs');
    const cpuPerCase = medianOf(runs, 'cpuMs') / CASES;
    const rss2000 = medianOf(runs, 'maxRssBytes');
    const aggregateMs = median(runs.map((r) => r.timings.aggregate));
    details.harness.zeroLatency = {
      runs,
      medianWallMs: wall,
      medianCpuMsPerCase: cpuPerCase,
      medianMaxRssBytes: rss2000,
    };
    row(
      `(a) 0 ms model, no cache: wall (median of ${HARNESS_RUNS})`,
      fmtMs(wall),
      '< 1.5 s',
      wall < 1500,
      wall,
    );
    row(
      '(a) 0 ms model, no cache: CPU per case',
      `${cpuPerCase.toFixed(3)} ms`,
      '< 1 ms',
      cpuPerCase < 1,
      cpuPerCase,
    );
    row(
      '(a) requests the server received per run',
      String(runs[0].requests),
      String(CASES),
      runs.every((r) => r.requests === CASES),
      runs[0].requests,
    );
    const phases = ['load', 'index', 'cases', 'aggregate']
      .map((p) => Math.round(median(runs.map((r) => r.timings[p] ?? 0))))
      .join(' / ');
    row('(a) phases load / index / cases / aggregate, ms', phases, 'info (run.json timings)', null, null);
    row(
      'stats + record for 2,000 cases in the CLI (aggregate)',
      fmtMs(aggregateMs),
      '< 1 s',
      aggregateMs < 1000,
      aggregateMs,
    );

    // The floor: the same requests with no harness around them (bare node:http, then the SDK).
    const floor = {};
    for (const client of ['http', 'sdk']) {
      const out = await runNodeChecked([
        path.join(REPO_ROOT, 'bench', 'http-floor-bench.js'),
        '--url',
        fast.url,
        '--client',
        client,
        '--requests',
        String(CASES),
        '--concurrency',
        '8',
      ]);
      floor[client] = JSON.parse(lastLine(out.stdout));
    }
    details.harness.floor = floor;
    row(
      'floor: bare keep-alive node:http, CPU per request',
      `${floor.http.cpuMsPerRequest.toFixed(3)} ms`,
      'info',
      null,
      floor.http.cpuMsPerRequest,
    );
    row(
      'floor: openai SDK + lean fetch, CPU per request',
      `${floor.sdk.cpuMsPerRequest.toFixed(3)} ms`,
      'info',
      null,
      floor.sdk.cpuMsPerRequest,
    );
    const own = cpuPerCase - floor.sdk.cpuMsPerRequest;
    row(
      'harness CPU per case on top of the SDK floor',
      `${own.toFixed(3)} ms`,
      'info (incl. startup)',
      null,
      own,
    );

    // (b) 100 ms model at concurrency 16.
    const ideal = (CASES / SLOW_CONCURRENCY) * SLOW_MODEL_MS;
    const slowRuns = [];
    for (let i = 0; i < HARNESS_RUNS; i++) {
      slowRuns.push(
        await evalRun({
          config,
          suite: 'qa',
          server: slow,
          extra: ['--no-cache', '--concurrency', String(SLOW_CONCURRENCY)],
          expectedCases: CASES,
        }),
      );
    }
    const wallMs = medianOf(slowRuns, 'wallMs');
    details.harness.slowModel = { runs: slowRuns, idealMs: ideal, medianWallMs: wallMs };
    const over = (wallMs / ideal - 1) * 100;
    row(
      `(b) ${SLOW_MODEL_MS} ms model, concurrency ${SLOW_CONCURRENCY}: wall (median of ${HARNESS_RUNS})`,
      `${fmtMs(wallMs)} (+${over.toFixed(1)} %)`,
      `<= ${fmtMs(ideal * 1.1)} (ideal ${fmtMs(ideal)} +10 %)`,
      wallMs <= ideal * 1.1,
      wallMs,
    );

    // (c) fully cached rerun: fill a fresh cache, then rerun.
    rmSync(path.join(projectDir, '.evalgate', 'cache'), { recursive: true, force: true });
    const fill = await evalRun({ config, suite: 'qa', server: fast, expectedCases: CASES });
    const reruns = [];
    for (let i = 0; i < HARNESS_RUNS; i++)
      reruns.push(await evalRun({ config, suite: 'qa', server: fast, expectedCases: CASES }));
    const rerunWall = medianOf(reruns, 'wallMs');
    const rerunRequests = reruns.reduce((sum, r) => sum + r.requests, 0);
    details.harness.cached = { fill, reruns, medianWallMs: rerunWall, requestsDuringReruns: rerunRequests };
    row(
      '(c) cache fill run: requests to the server',
      String(fill.requests),
      `${CASES} (fresh cache)`,
      fill.requests === CASES,
      fill.requests,
    );
    row(
      `(c) fully cached rerun: wall (median of ${HARNESS_RUNS})`,
      fmtMs(rerunWall),
      '< 1 s',
      rerunWall < 1000,
      rerunWall,
    );
    row(
      '(c) fully cached rerun: requests to the server',
      String(rerunRequests),
      '0',
      rerunRequests === 0,
      rerunRequests,
    );
    row(
      '(c) fully cached rerun: cases served from cache',
      String(reruns[0].counts.cached),
      String(CASES),
      reruns.every((r) => r.counts.cached === CASES),
      reruns[0].counts.cached,
    );

    // (d) memory: 2,000 vs 500 cases, same settings as (a).
    const small = [];
    for (let i = 0; i < HARNESS_RUNS; i++)
      small.push(
        await evalRun({
          config,
          suite: 'qa500',
          server: fast,
          extra: ['--no-cache'],
          expectedCases: SMALL_CASES,
        }),
      );
    const rss500 = medianOf(small, 'maxRssBytes');
    const perCaseKb = (rss2000 - rss500) / (CASES - SMALL_CASES) / 1024;
    details.harness.memory = { small, rss500, rss2000, perCaseKb };
    row(
      `(d) peak RSS, ${CASES} cases (run a)`,
      fmtMb(rss2000),
      '< 150 MB (promptfoo ~380 MB)',
      rss2000 < 150 * 1024 * 1024,
      rss2000,
    );
    row(`(d) peak RSS, ${SMALL_CASES} cases`, fmtMb(rss500), 'info', null, rss500);
    row(
      `(d) RSS growth ${SMALL_CASES} -> ${CASES} cases`,
      `${(rss2000 / rss500).toFixed(2)}x, ${perCaseKb.toFixed(1)} KB/case`,
      'info (roughly flat)',
      null,
      rss2000 / rss500,
    );

    // CPU split into a fixed part per process and a marginal part per case, from the two sizes.
    const cpu500 = medianOf(small, 'cpuMs');
    const cpu2000 = medianOf(runs, 'cpuMs');
    const marginal = (cpu2000 - cpu500) / (CASES - SMALL_CASES);
    const fixed = cpu2000 - marginal * CASES;
    details.harness.cpuSplit = { cpu500, cpu2000, marginalMsPerCase: marginal, fixedMs: fixed };
    row(
      `CPU per extra case (${SMALL_CASES} vs ${CASES} runs)`,
      `${marginal.toFixed(3)} ms`,
      'info',
      null,
      marginal,
    );
    row('CPU fixed per eval process (start, imports, stats, files)', fmtMs(fixed), 'info', null, fixed);
  } finally {
    await Promise.all([fast.close(), slow.close()]);
  }
}

// ---------- 3. offline scoring on the sample project ----------

async function benchScoring() {
  header('3. Offline scoring on the sample project (eval/evalgate.yaml, local/extractive)');
  const reportsDir = path.join(scratch, 'sample-reports');
  const env = { ...process.env };
  // Offline for sure: no key, so the openai/anthropic providers of the sample are skipped.
  delete env.OPENAI_API_KEY;
  delete env.ANTHROPIC_API_KEY;
  delete env.GITHUB_STEP_SUMMARY;
  const run = await runNodeChecked(
    [CLI, 'eval', '--config', 'eval/evalgate.yaml', '--quiet', '--no-experiment-log', '--out', reportsDir],
    { env, usage: true },
  );
  const { record, runDir } = readRunRecord(run.stdout, reportsDir);
  const results = record.manifest.counts.results;
  details.sample = {
    wallMs: run.wallMs,
    cpuMs: run.usage.cpuMs,
    maxRssBytes: run.usage.maxRssBytes,
    results,
    timings: record.manifest.timings,
  };
  row('sample project eval, all suites: wall', fmtMs(run.wallMs), 'info', null, run.wallMs);
  row('sample project eval: results', String(results), 'info', null, results);
  const supportQa = record.summary.find((s) => s.suite === 'support-qa');
  details.sample.supportQaNdcg10 = supportQa?.metrics['retrieval.ndcg@10']?.value ?? null;

  const scoring = JSON.parse(
    lastLine(
      (await runNodeChecked([path.join(REPO_ROOT, 'bench', 'scoring-bench.js'), '--run', runDir])).stdout,
    ),
  );
  details.scoring = scoring;
  row(
    'scoreCase per case, support-qa (warm median)',
    `${scoring.msPerCaseSupportQa.toFixed(3)} ms`,
    '< 1 ms',
    scoring.msPerCaseSupportQa < 1,
    scoring.msPerCaseSupportQa,
  );
  row(
    `scoreCase per case, all ${scoring.cases} sample results (warm)`,
    `${scoring.msPerCaseAll.toFixed(3)} ms`,
    '< 1 ms',
    scoring.msPerCaseAll < 1,
    scoring.msPerCaseAll,
  );
  row(
    'scoreCase per case, all sample results (cold pass)',
    `${scoring.coldMsPerCaseAll.toFixed(3)} ms`,
    '< 1 ms',
    scoring.coldMsPerCaseAll < 1,
    scoring.coldMsPerCaseAll,
  );
  row(
    'embedding for semantic scorers, per qa case',
    `${scoring.embedMsPerQaCase.toFixed(3)} ms`,
    'info',
    null,
    scoring.embedMsPerQaCase,
  );
  const { checked, matching } = scoring.passagesRecreated;
  row(
    "re-created passages equal the run's context",
    `${matching}/${checked}`,
    'all',
    matching === checked,
    matching,
  );
  const { compared, matching: same } = scoring.scoresRecomputed;
  row('recomputed scores equal the recorded ones', `${same}/${compared}`, 'all', same === compared, same);
}

// ---------- 3b. HTML report ----------

/** Opens a page in headless Chromium and returns when its script has rendered the first rows. */
async function loadInChromium(file) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${file}`, { timeout: 120_000 });
    await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
    const readyAt = Number(await page.getAttribute('body', 'data-ready-at'));
    await page.waitForSelector('body[data-details="1"]', { timeout: 120_000 });
    const detailsAt = Number(await page.getAttribute('body', 'data-details-at'));
    // One filter change over every case: how long a reader waits after choosing "fail".
    const filterMs = await page.evaluate(() => {
      const select = document.querySelector('select[name=status]');
      const t0 = performance.now();
      select.value = 'fail';
      select.dispatchEvent(new Event('change'));
      return performance.now() - t0;
    });
    return { readyAt, detailsAt, filterMs };
  } finally {
    await browser.close();
  }
}

async function benchHtml() {
  header('3b. HTML report: file size, write time and time to interactive in Chromium');
  const haveChromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  const targets = [
    { cases: 2000, maxMb: 5, maxMs: 1000 },
    { cases: 100_000, maxMb: 25, maxMs: 2000 },
  ];
  details.html = {};
  // The sample's own results, scaled up: a fresh offline run of the sample project.
  const reportsDir = path.join(scratch, 'html-sample-reports');
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  delete env.ANTHROPIC_API_KEY;
  delete env.GITHUB_STEP_SUMMARY;
  const sampleRun = await runNodeChecked(
    [CLI, 'eval', '--config', 'eval/evalgate.yaml', '--quiet', '--no-experiment-log', '--out', reportsDir],
    { env },
  );
  const { runDir } = readRunRecord(sampleRun.stdout, reportsDir);
  const indexDir = path.join(REPO_ROOT, '.evalgate', 'index');
  for (const { cases, maxMb, maxMs } of targets) {
    const file = path.join(scratch, `report-${cases}.html`);
    const script = path.join(REPO_ROOT, 'bench', 'html-report-bench.js');
    const run = await runNodeChecked(
      [script, '--from', runDir, '--index', indexDir, '--cases', String(cases), '--out', file],
      { usage: true },
    );
    const written = JSON.parse(lastLine(run.stdout));
    const mb = written.bytes / 1024 / 1024;
    details.html[cases] = { ...written, maxRssBytes: run.usage.maxRssBytes };
    row(
      `report.html, ${cases} cases: size`,
      `${mb.toFixed(1)} MB`,
      `< ${maxMb} MB`,
      mb < maxMb,
      written.bytes,
    );
    row(`report.html, ${cases} cases: write time`, fmtMs(written.writeMs), 'info', null, written.writeMs);
    row(
      `report.html, ${cases} cases: writer peak RSS`,
      fmtMb(run.usage.maxRssBytes),
      'info',
      null,
      run.usage.maxRssBytes,
    );
    if (!haveChromium) {
      row(`report.html, ${cases} cases: interactive`, 'no chromium', `< ${maxMs} ms`, null, null);
      continue;
    }
    const loads = [];
    for (let i = 0; i < 3; i++) loads.push(await loadInChromium(file));
    const readyAt = median(loads.map((l) => l.readyAt));
    const filterMs = median(loads.map((l) => l.filterMs));
    const detailsAt = median(loads.map((l) => l.detailsAt));
    details.html[cases].loads = loads;
    row(
      `report.html, ${cases} cases: table and filters ready (median of 3)`,
      fmtMs(readyAt),
      `< ${maxMs} ms`,
      readyAt < maxMs,
      readyAt,
    );
    row(`report.html, ${cases} cases: answers and scores decoded`, fmtMs(detailsAt), 'info', null, detailsAt);
    row(`report.html, ${cases} cases: filter all rows`, fmtMs(filterMs), 'info', null, filterMs);
  }
}

// ---------- 4. statistics ----------

async function benchStats() {
  header('4. Statistics (2,000 synthetic results x 10 metrics, 2,000 resamples)');
  const stats = JSON.parse(
    lastLine((await runNodeChecked([path.join(REPO_ROOT, 'bench', 'stats-bench.js')])).stdout),
  );
  details.stats = stats;
  row(
    'summarizeSuite (first call, cold)',
    fmtMs(stats.summarizeSuite.coldMs),
    '< 1 s',
    stats.summarizeSuite.coldMs < 1000,
    stats.summarizeSuite.coldMs,
  );
  row(
    'summarizeSuite (warm median)',
    fmtMs(stats.summarizeSuite.warmMs),
    'info',
    null,
    stats.summarizeSuite.warmMs,
  );
  row(
    'compareRuns, paired, 10 metrics (cold)',
    fmtMs(stats.compareRuns.coldMs),
    '< 1 s',
    stats.compareRuns.coldMs < 1000,
    stats.compareRuns.coldMs,
  );
  row(
    'summarizeSuite + compareRuns (cold)',
    fmtMs(stats.summarizeSuite.coldMs + stats.compareRuns.coldMs),
    '< 1 s',
    stats.summarizeSuite.coldMs + stats.compareRuns.coldMs < 1000,
    stats.summarizeSuite.coldMs + stats.compareRuns.coldMs,
  );
}

// ---------- 5. retrieval ----------

async function benchRetrieval() {
  header('5. Retrieval');
  const ragBench = path.join(REPO_ROOT, 'bench', 'rag-bench.js');
  if (existsSync(ragBench)) {
    const rag = JSON.parse(lastLine((await runNodeChecked([ragBench], { timeoutMs: 180_000 })).stdout));
    details.rag = rag;
    row(
      `index build, ${rag.corpus.chunks} chunks (chunk+embed+HNSW)`,
      fmtMs(rag.buildMs),
      '< 10 s',
      rag.buildMs < 10_000,
      rag.buildMs,
    );
    row(
      'hybrid query p50 at 10k chunks',
      fmtMs(rag.hybridQueryP50Ms),
      '< 2 ms',
      rag.hybridQueryP50Ms < 2,
      rag.hybridQueryP50Ms,
    );
    row(
      'hybrid query p99 at 10k chunks',
      fmtMs(rag.hybridQueryP99Ms),
      '< 10 ms',
      rag.hybridQueryP99Ms < 10,
      rag.hybridQueryP99Ms,
    );
    row(
      `HNSW recall@10 (efSearch ${rag.efSearch})`,
      rag.recallAt10.toFixed(4),
      '>= 0.99',
      rag.recallAt10 >= 0.99,
      rag.recallAt10,
    );
    row('load persisted 10k-chunk index', fmtMs(rag.loadMs), '< 200 ms', rag.loadMs < 200, rag.loadMs);
    row(
      'unchanged-corpus check',
      fmtMs(rag.unchangedCheckMs),
      '< 100 ms',
      rag.unchangedCheckMs < 100,
      rag.unchangedCheckMs,
    );
    // The sample's embedder: the same corpus through local/lsa (fit adds a truncated SVD).
    const lsa = JSON.parse(
      lastLine((await runNodeChecked([ragBench, '--embedder', 'local/lsa'], { timeoutMs: 180_000 })).stdout),
    );
    details.ragLsa = lsa;
    row(
      `index build with ${lsa.embedder} (fit ${fmtMs(lsa.buildPhasesMs.fit)})`,
      fmtMs(lsa.buildMs),
      'info (< 10 s is for local/hash)',
      null,
      lsa.buildMs,
    );
    row(
      `hybrid query p50 / p99 with ${lsa.embedder}`,
      `${fmtMs(lsa.hybridQueryP50Ms)} / ${fmtMs(lsa.hybridQueryP99Ms)}`,
      'info',
      null,
      lsa.hybridQueryP50Ms,
    );
  } else {
    row('bench/rag-bench.js', 'not present', 'n/a', null, null);
  }

  // 100k chunks in process (hnswlib, parallel shard build), and pgvector in PGlite at 20k chunks:
  // PGlite is single-threaded WASM, and its HNSW build at 100k would hold the bench for many minutes.
  const scale = JSON.parse(
    lastLine(
      (
        await runNodeChecked([path.join(REPO_ROOT, 'bench', 'scale-bench.js'), '--store', 'hnsw'], {
          timeoutMs: 900_000,
        })
      ).stdout,
    ),
  );
  details.scale = scale;
  row(
    `scale: chunk+embed+HNSW, ${scale.chunks} chunks`,
    fmtMs(scale.buildMs),
    '< 90 s',
    scale.buildMs < 90_000,
    scale.buildMs,
  );
  row(
    `scale: hybrid query p50 / p99 at ${scale.chunks}`,
    `${fmtMs(scale.hybridQueryP50Ms)} / ${fmtMs(scale.hybridQueryP99Ms)}`,
    'p50 < 5 ms',
    scale.hybridQueryP50Ms < 5,
    scale.hybridQueryP50Ms,
  );
  row(
    `scale: peak RSS at ${scale.chunks} chunks`,
    `${scale.peakRssMb} MB`,
    '< 1 GB',
    scale.peakRssMb < 1024,
    scale.peakRssMb,
  );
  const scalePg = JSON.parse(
    lastLine(
      (
        await runNodeChecked([path.join(REPO_ROOT, 'bench', 'scale-bench.js'), '--store', 'pgvector'], {
          timeoutMs: 900_000,
        })
      ).stdout,
    ),
  );
  details.scalePgvector = scalePg;
  row(
    `scale: pgvector (PGlite) build, ${scalePg.chunks} chunks`,
    fmtMs(scalePg.buildMs),
    'info',
    null,
    scalePg.buildMs,
  );
  row(
    `scale: pgvector hybrid query p50 / p99`,
    `${fmtMs(scalePg.hybridQueryP50Ms)} / ${fmtMs(scalePg.hybridQueryP99Ms)}`,
    'info',
    null,
    scalePg.hybridQueryP50Ms,
  );

  const lsaFit = JSON.parse(
    lastLine(
      (await runNodeChecked([path.join(REPO_ROOT, 'bench', 'lsa-fit-bench.js')], { timeoutMs: 180_000 }))
        .stdout,
    ),
  );
  details.lsaFit = lsaFit;
  row(
    `local/lsa fit, ${lsaFit.documents} docs / ${lsaFit.distinctTerms} terms (CPU ${fmtMs(lsaFit.fitCpuMs)})`,
    fmtMs(lsaFit.fitMs),
    '< 3 s',
    lsaFit.fitMs < 3000,
    lsaFit.fitMs,
  );

  const modes = JSON.parse(
    lastLine((await runNodeChecked([path.join(REPO_ROOT, 'bench', 'retrieval-modes-bench.js')])).stdout),
  );
  details.retrievalModes = modes;
  const ndcg = (mode, key) => modes.modes[mode][key]?.ndcg10;
  for (const mode of ['dense', 'bm25', 'hybrid']) {
    row(
      `nDCG@10 ${mode} (support-qa / retrieval / pooled)`,
      `${ndcg(mode, 'support-qa').toFixed(3)} / ${ndcg(mode, 'retrieval').toFixed(3)} / ${ndcg(mode, 'pooled').toFixed(3)}`,
      'info',
      null,
      ndcg(mode, 'pooled'),
    );
  }
  for (const key of ['support-qa', 'retrieval', 'pooled']) {
    const h = ndcg('hybrid', key);
    row(
      `sample: hybrid vs bm25 / dense, nDCG@10 (${key})`,
      `${h.toFixed(3)} vs ${ndcg('bm25', key).toFixed(3)} / ${ndcg('dense', key).toFixed(3)}`,
      'info',
      null,
      h,
    );
  }
  if (details.sample?.supportQaNdcg10 != null) {
    const cli = details.sample.supportQaNdcg10;
    const mode = modes.configMode;
    row(
      `cross-check: CLI support-qa nDCG@10 (${mode})`,
      cli.toFixed(3),
      `= ${ndcg(mode, 'support-qa').toFixed(3)} above`,
      Math.abs(cli - ndcg(mode, 'support-qa')) < 0.0015,
      cli,
    );
  }

  // The defaults are chosen on the held-out corpus (docs/metrics.md, "Retrieval defaults").
  const defaults = JSON.parse(
    lastLine((await runNodeChecked([path.join(REPO_ROOT, 'bench', 'retrieval-defaults-bench.js')])).stdout),
  );
  details.retrievalDefaults = defaults;
  const heldout = (mode, embedder, analyzer) =>
    defaults.rows.find(
      (r) => r.corpus === 'heldout' && r.mode === mode && r.embedder === embedder && r.analyzer === analyzer,
    ).ndcg10;
  for (const analyzer of ['standard', 'lucene']) {
    const bm25 = heldout('bm25', '-', analyzer);
    const best = Math.max(
      ...['local/hash', 'local/lsa'].flatMap((e) => [
        heldout('dense', e, analyzer),
        heldout('hybrid', e, analyzer),
      ]),
    );
    row(
      `held-out: default bm25 vs best offline mode (${analyzer})`,
      `${bm25.toFixed(3)} vs ${best.toFixed(3)}`,
      '>= best - 0.005',
      bm25 >= best - 0.005,
      bm25,
    );
  }
  const analyzerTest = defaults.decisions.heldout.luceneMinusStandardBm25;
  row(
    'held-out: bm25 lucene - standard analyzer, nDCG@10',
    `${analyzerTest.difference.toFixed(3)} (p = ${analyzerTest.pValue.toFixed(2)})`,
    'info',
    null,
    analyzerTest.difference,
  );
}

// ---------- 6. install ----------

async function benchInstall() {
  header('6. Install (npm ci in a clean clone of HEAD, empty npm cache)');
  const install = JSON.parse(
    lastLine(
      (await runNodeChecked([path.join(REPO_ROOT, 'bench', 'install-bench.js')], { timeoutMs: 600_000 }))
        .stdout,
    ),
  );
  details.install = install;
  const mb = (bytes) => bytes / 1024 / 1024;
  row(
    'npm ci, full install: wall',
    fmtMs(install.full.wallMs),
    '< 30 s',
    install.full.wallMs < 30_000,
    install.full.wallMs,
  );
  row(
    'node_modules, full install (with dev tools)',
    fmtMb(install.full.nodeModulesBytes),
    '< 220 MB (promptfoo 1.4 GB)',
    mb(install.full.nodeModulesBytes) < 220,
    install.full.nodeModulesBytes,
  );
  row('npm ci --omit=dev: wall', fmtMs(install.production.wallMs), 'info', null, install.production.wallMs);
  row(
    'node_modules, production dependencies only',
    fmtMb(install.production.nodeModulesBytes),
    '< 120 MB',
    mb(install.production.nodeModulesBytes) < 120,
    install.production.nodeModulesBytes,
  );
}

// ---------- the user's own application (issue 9) ----------

async function benchAppProviders() {
  header('Providers that call your own app (http, module)');
  const out = JSON.parse(
    lastLine((await runNodeChecked([path.join(REPO_ROOT, 'bench', 'app-provider-bench.js')])).stdout),
  );
  details.appProviders = out;
  row(
    'http provider: client CPU per call, loopback service',
    `${out.http.cpuMsPerCall.toFixed(3)} ms`,
    '≤ 0.5 ms',
    out.http.cpuMsPerCall <= 0.5,
    out.http.cpuMsPerCall,
  );
  row(
    '… floor: bare keep-alive node:http, same calls',
    `${out.http.floorCpuMsPerCall.toFixed(3)} ms`,
    'info',
    null,
    out.http.floorCpuMsPerCall,
  );
  row(
    'module provider: added time per call (vs a direct call)',
    `${out.module.overheadMsPerCall.toFixed(4)} ms`,
    '≤ 0.05 ms',
    out.module.overheadMsPerCall <= 0.05,
    out.module.overheadMsPerCall,
  );
}

function lastLine(text) {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1];
}

// ---------- main ----------

const started = Date.now();
const loadBefore = os.loadavg();
process.stdout.write(
  `evalgate bench · ${os.cpus().length} CPUs · node ${process.version} · load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}\n`,
);
if (loadBefore[0] > 0.5)
  process.stdout.write(
    'note: the machine is busy (1-minute load average above 0.5); wall-clock numbers will be inflated.\n',
  );
let failed = null;
try {
  if (enabled('startup')) await benchStartup();
  if (enabled('harness')) await benchHarness();
  if (enabled('scoring')) await benchScoring();
  if (enabled('html')) await benchHtml();
  if (enabled('stats')) await benchStats();
  if (enabled('retrieval')) await benchRetrieval();
  if (enabled('install')) await benchInstall();
  if (enabled('app')) await benchAppProviders();
  if (enabled('serve')) await benchServe({ row, header, details });
  if (enabled('ratelimit')) await benchRateLimits({ row, header, details });
  if (enabled('memory')) await benchMemory({ row, header, details });
  if (enabled('labels')) await benchManyLabels({ row, header, details });
} catch (error) {
  failed = error;
} finally {
  killAllChildren();
}

const totalMs = Date.now() - started;
const misses = rows.filter((r) => r.pass === false);
const outDir = path.join(REPO_ROOT, '.evalgate', 'bench');
mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, 'latest.json');
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      totalMs,
      loadAverage: { before: loadBefore, after: os.loadavg() },
      error: failed ? String(failed.stack ?? failed) : null,
      rows,
      details,
    },
    null,
    1,
  )}\n`,
);

process.stdout.write(
  `\n${rows.filter((r) => r.pass === true).length} targets met, ${misses.length} missed${misses.length ? `: ${misses.map((r) => r.name).join('; ')}` : ''}\n`,
);
process.stdout.write(`bench took ${fmtMs(totalMs)}; results in ${path.relative(process.cwd(), outFile)}\n`);
if (failed) {
  process.stderr.write(`bench: ${failed.message}\n`);
  process.exitCode = 1;
}
