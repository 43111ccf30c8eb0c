#!/usr/bin/env node
// evalgate's command line. Only argv parsing lives here; each command's module is imported
// when it runs, so `--help` and `--version` stay fast.
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Command, Option } from 'commander';
import { tuneHeapForRuns } from '../memory/heap-tuning.js';
import { installPhaseCollection } from '../memory/phase-collection.js';
import { runCommand } from './run-command.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The case-selection flags `eval` and `plan` share (one definition, so their help and parsing agree).
const selection = {
  limit: () => new Option('--limit <n>', 'only the first n cases of each suite').argParser(parsePositiveInt),
  sample: () =>
    new Option('--sample <n>', 'a seeded random sample of n cases, stratified by suite').argParser(
      parsePositiveInt,
    ),
  filter: () => new Option('--filter <expr...>', 'only cases matching every filter (tag:<t>[,<t>...])'),
  case: () => new Option('--case <id...>', 'only these case ids (repeatable)'),
  rerunFailed: () => new Option('--rerun-failed <run>', 'only the cases that failed or errored in that run'),
};

const program = new Command()
  .name('evalgate')
  .description('Evaluation harness and prompt-regression gate for LLM and RAG applications')
  .version(pkg.version)
  // Usage errors are one line, like every other error.
  .configureOutput({
    outputError: (message, write) =>
      write(`evalgate: ${message.replace(/^error: /, '').trim()} (see --help)\n`),
  })
  .exitOverride();

program
  .command('eval')
  .description('run every suite against the configured models, score, report, and gate')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-s, --suite <name...>', 'only these suites')
  .option('-p, --provider <id...>', 'only these providers (missing keys become an error)')
  .option('--concurrency <n>', 'parallel model calls (overrides the config)', parsePositiveInt)
  .option('--repeat <n>', 'run each case n times (flakiness and clustered intervals)', parsePositiveInt)
  .option('--no-cache', 'bypass the response cache')
  .option('--gate', 'exit 1 when a target is missed or a metric regresses significantly')
  .option('--hypothesis <text>', 'what this run is meant to show (appends an experiment log entry)')
  .option('--out <dir>', 'also write model-eval-report.md to this folder (run folders go under it)')
  .option('--experiment-log', 'append an entry to the experiment log (default: only with --hypothesis)')
  .option('--no-experiment-log', 'never append to the experiment log')
  .option('--allow-missing-provider', 'a provider of the baseline may be absent (a deliberate switch)')
  .option(
    '--max-cost-usd <usd>',
    'stop before model calls would cost more (overrides budget.max_cost_usd)',
    parsePositiveNumber,
  )
  .option('--yes', 'start even when the estimate is above the budget (the run still stops at it)')
  .addOption(new Option('--quiet', 'no progress output'))
  .option('--batch', 'send model calls through the OpenAI / Anthropic batch APIs (half price, slower)')
  .option('--batch-poll <seconds>', 'seconds between batch status polls (default 30)', parsePositiveNumber)
  .option('--shard <i/n>', 'run shard i of n (1-based): a balanced, deterministic share of every suite')
  .option('--resume [run]', 'finish an interrupted run (default: the latest unfinished one)')
  .addOption(selection.limit())
  .addOption(selection.sample())
  .addOption(selection.filter())
  .addOption(selection.case())
  .addOption(selection.rerunFailed())
  .action((options) => {
    tuneMemoryForRuns();
    return runCommand(() => import('./commands/eval-command.js').then((m) => m.evalCommand(options)));
  });

program
  .command('plan')
  .description(
    'what eval with these flags would cost and take, and the cases a target effect needs (no model calls)',
  )
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-s, --suite <name...>', 'only these suites')
  .option('-p, --provider <id...>', 'only these providers (missing keys become an error)')
  .option('--concurrency <n>', 'parallel model calls (overrides the config)', parsePositiveInt)
  .option('--repeat <n>', 'run each case n times', parsePositiveInt)
  .option('--no-cache', 'plan as if the response cache were bypassed')
  .option('--batch', 'price uncached API calls at the batch discount')
  .option('--shard <i/n>', 'plan shard i of n (1-based), as eval --shard runs it')
  .addOption(selection.limit())
  .addOption(selection.sample())
  .addOption(selection.filter())
  .addOption(selection.case())
  .addOption(selection.rerunFailed())
  .option('--mde <effect>', 'cases needed to catch a true drop this large (e.g. 0.03)', parsePositiveNumber)
  .option(
    '--against <run>',
    'with --mde: take the spread of differences from this run paired with the baseline',
  )
  .option('--json', 'print the plan as JSON')
  .action((options) =>
    runCommand(() => import('./commands/plan-command.js').then((m) => m.planCommand(options))),
  );

program
  .command('merge')
  .description('join the shard runs of `eval --shard i/n` into one run folder and print its path')
  .argument('<runs...>', 'shard run ids or folders (every shard of one split)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--allow-missing-provider', 'a provider of the baseline may be absent (a deliberate switch)')
  .action((runs, options) => {
    tuneMemoryForRuns();
    return runCommand(() => import('./commands/merge-command.js').then((m) => m.mergeCommand(runs, options)));
  });

program
  .command('index')
  .description('build (or reuse) the retrieval index for the corpus')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .action((options) =>
    runCommand(() => import('./commands/index-command.js').then((m) => m.indexCommand(options))),
  );

program
  .command('report')
  .description('re-render the report, experiment entry and junit from a run folder (no model calls)')
  .argument('[run]', 'run id or folder (default: latest)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--html', "rebuild only the run folder's charts and report.html")
  .action((run, options) =>
    runCommand(() => import('./commands/report-command.js').then((m) => m.reportCommand(run, options))),
  );

program
  .command('gate')
  .description(
    'judge a stored run against the current baseline and config (no model calls); exit 1 on failure',
  )
  .argument('[run]', 'run id or folder (default: latest)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--allow-missing-provider', 'a provider of the baseline may be absent (a deliberate switch)')
  .action((run, options) => {
    tuneMemoryForRuns();
    return runCommand(() => import('./commands/gate-command.js').then((m) => m.gateCommand(run, options)));
  });

program
  .command('compare')
  .description(
    'compare runs by case, without gating: two runs one-sided as the gate asks; three or more (or --markdown) as a matrix against the first',
  )
  .argument('<runs...>', 'run ids or folders; the first is the reference (A)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--markdown', 'print the comparison as markdown tables')
  .option(
    '--metrics <ids>',
    'comma-separated metric ids for the matrix (default: gated metrics, cost.per_case_usd, latency.p95_ms)',
    parseList,
  )
  .option('--html', 'also write a side-by-side HTML page (two runs)')
  .option('--html-out <file>', 'where to write it (default: reports/compare-<A>-vs-<B>.html)')
  .action((runs, options) =>
    runCommand(() => import('./commands/compare-command.js').then((m) => m.compareCommand(runs, options))),
  );

program
  .command('sweep')
  .description(
    "run every variant of a sweep (the config's sweep: block or --file) and compare them with the reference",
  )
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-f, --file <file>', "sweep file (sweep: and/or sweep_variants:) instead of the config's own block")
  .option('-s, --suite <name...>', 'only these suites')
  .option('-p, --provider <id...>', 'only these providers (missing keys become an error)')
  .option('--concurrency <n>', 'parallel model calls (overrides the config)', parsePositiveInt)
  .option('--no-cache', 'bypass the response cache')
  .option(
    '--metrics <ids>',
    'comma-separated metric ids (default: gated metrics, cost.per_case_usd, latency.p95_ms)',
    parseList,
  )
  .option('--hypothesis <text>', 'what the sweep is meant to show (in the experiment log entry)')
  .option(
    '--holdout <fraction>',
    "keep this share of each suite's cases aside for --confirm (seeded)",
    parseFraction,
  )
  .option(
    '--max-cost-usd <usd>',
    'refuse to start when the estimate is above this (unless --yes)',
    parseNonNegative,
  )
  .option('-y, --yes', 'start even above --max-cost-usd')
  .option('--no-experiment-log', 'do not append the sweep to the experiment log')
  .option('--render <sweep-id>', 're-render a finished sweep from its sweep.json (no model calls)')
  .option('--refine <sweep-id>', 'print a finer grid around the best region of a finished sweep')
  .option('--confirm <sweep-id>', "run --variant and the reference on the sweep's held-out cases")
  .option('--variant <name>', 'the variant to confirm')
  .option('--reconfirm', 'confirm another variant on held-out cases already used (recorded as such)')
  .addOption(new Option('--quiet', 'no progress output'))
  .action((options) => {
    tuneMemoryForRuns();
    return runCommand(() => import('./commands/sweep-command.js').then((m) => m.sweepCommand(options)));
  });

program
  .command('history')
  .description('runs over time, from the run folders and the experiment log')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-m, --metric <id>', 'show this metric per suite × provider (e.g. answer.f1)')
  .option('--limit <n>', 'the newest n runs', parsePositiveInt, 30)
  .action((options) =>
    runCommand(() => import('./commands/history-command.js').then((m) => m.historyCommand(options))),
  );

const baseline = program.command('baseline').description('manage the gate baseline');
baseline
  .command('accept')
  .description('promote a run (default: latest) to reports/baseline.json and reports/model-eval-report.md')
  .argument('[run]', 'run id or folder')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--no-experiment-log', 'do not append the accepted run to the experiment log')
  .option(
    '--allow-partial',
    'accept a run of selected cases (--limit, --sample, a shard) or one its budget cut short',
  )
  .action((run, options) =>
    runCommand(() =>
      import('./commands/baseline-command.js').then((m) => m.baselineAcceptCommand(run, options)),
    ),
  );

const exportCmd = program.command('export').description('export run data for other tools');
exportCmd
  .command('trec')
  .description('write a TREC run file (and qrels) so retrieval numbers can be checked with trec_eval')
  .argument('[run]', 'run id or folder (default: latest)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-o, --out <file>', 'run file path (qrels written beside it)')
  .action((run, options) =>
    runCommand(() => import('./commands/export-command.js').then((m) => m.exportTrecCommand(run, options))),
  );

program
  .command('init')
  .description('scaffold eval/evalgate.yaml, a prompt, a corpus and test cases in this folder')
  .argument('[dir]', 'target folder', '.')
  .option('--force', 'overwrite existing files')
  .action((dir, options) =>
    runCommand(() => import('./commands/init-command.js').then((m) => m.initCommand(dir, options))),
  );

program
  .command('serve')
  .description(
    'serve the evaluated pipeline over HTTP (/v1/answer, /v1/classify, /healthz, /readyz, /metrics)',
  )
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-s, --suite <name...>', 'only these suites (the first of each kind is the default)')
  .option('-p, --provider <id...>', 'only these providers (missing keys become an error)')
  .option('--port <n>', 'port', parsePort, 8787)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--log <file>', 'inference log (JSONL)', '.evalgate/inference.jsonl')
  .option(
    '--allow-unevaluated',
    'serve even when it differs from the accepted baseline (said in every response)',
  )
  .action((options) =>
    runCommand(() => import('./commands/serve-command.js').then((m) => m.serveCommand(options))),
  );

program
  .command('monitor')
  .description(
    'drift, quality and SLO alarms from inference logs against the accepted baseline (exit 1 on any alert)',
  )
  .requiredOption('-l, --log <file...>', 'inference log(s) written by evalgate serve (rotated files too)')
  .option('--since <time>', 'window start: ISO date-time or a duration back from now (24h, 7d)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('-o, --out <file>', 'report path (default reports/monitoring.md)')
  .option('--feedback <file>', 'human labels for production requests: report macro-F1 against them')
  .action((options) =>
    runCommand(() => import('./commands/monitor-command.js').then((m) => m.monitorCommand(options))),
  );

const feedback = program
  .command('feedback')
  .description('turn human-labelled production samples into gold cases');
feedback
  .command('import')
  .description(
    'append labelled samples (JSONL: input + label or reference) to a suite file, deduplicated, PII refused',
  )
  .argument('<file>', 'labelled samples')
  .requiredOption('-s, --suite <name>', 'the suite the samples belong to (its task and labels)')
  .option('-o, --out <file>', 'suite file to write (default test_cases/<suite>-feedback.jsonl)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .action((file, options) =>
    runCommand(() =>
      import('./commands/feedback-command.js').then((m) => m.feedbackImportCommand(file, options)),
    ),
  );

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`expected a port number, got "${value}"`);
  return n;
}

function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got "${value}"`);
  return n;
}

function parseList(value: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new Error(`expected a comma-separated list, got "${value}"`);
  return items;
}

function parseFraction(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new Error(`expected a fraction between 0 and 1, got "${value}"`);
  return n;
}

function parseNonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`expected a non-negative number, got "${value}"`);
  return n;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive integer, got "${value}"`);
  return n;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const e = error as { code?: string; exitCode?: number; message?: string };
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
    process.exitCode = 0;
  } else if (e.code?.startsWith('commander.')) {
    process.exitCode = 2;
  } else {
    process.stderr.write(`evalgate: ${e.message ?? String(error)}\n`);
    process.exitCode = 2;
  }
}

/**
 * For the commands that hold a whole run's statistics and reports (eval, gate, merge, sweep),
 * before their modules load: V8's default heap slack was most of a long run's peak RSS
 * (src/memory/heap-tuning.ts), and a full collection at phase boundaries returns each phase's
 * garbage before the next phase grows the heap (src/memory/phase-collection.ts).
 */
function tuneMemoryForRuns(): void {
  tuneHeapForRuns({
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
    setting: process.env.EVALGATE_HEAP_TUNING,
    setFlags: (flags) => v8.setFlagsFromString(flags),
  });
  installPhaseCollection(phaseCollectionContext());
}

/** A full collection at a few phase boundaries (src/memory/phase-collection.ts). */
function phaseCollectionContext() {
  return {
    setting: process.env.EVALGATE_HEAP_TUNING,
    setFlags: (flags: string) => v8.setFlagsFromString(flags),
    evaluateInNewContext: (code: string) => vm.runInNewContext(code),
  };
}
