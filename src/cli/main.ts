#!/usr/bin/env node
// evalgate's command line. Only argv parsing lives here; each command's module is imported
// when it runs, so `--help` and `--version` stay fast.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { runCommand } from './run-command.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
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
  .addOption(new Option('--quiet', 'no progress output'))
  .option('--shard <i/n>', 'run shard i of n (1-based): a balanced, deterministic share of every suite')
  .option('--limit <n>', 'only the first n cases of each suite', parsePositiveInt)
  .option('--sample <n>', 'a seeded random sample of n cases, stratified by suite', parsePositiveInt)
  .option('--filter <expr...>', 'only cases matching every filter (tag:<t>[,<t>...])')
  .option('--case <id...>', 'only these case ids (repeatable)')
  .option('--rerun-failed <run>', 'only the cases that failed or errored in that run')
  .option('--resume [run]', 'finish an interrupted run (default: the latest unfinished one)')
  .action((options) =>
    runCommand(() => import('./commands/eval-command.js').then((m) => m.evalCommand(options))),
  );

program
  .command('merge')
  .description('join the shard runs of `eval --shard i/n` into one run folder and print its path')
  .argument('<runs...>', 'shard run ids or folders (every shard of one split)')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--allow-missing-provider', 'a provider of the baseline may be absent (a deliberate switch)')
  .action((runs, options) =>
    runCommand(() => import('./commands/merge-command.js').then((m) => m.mergeCommand(runs, options))),
  );

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
  .action((run, options) =>
    runCommand(() => import('./commands/gate-command.js').then((m) => m.gateCommand(run, options))),
  );

program
  .command('compare')
  .description('paired comparison of two runs, without gating')
  .argument('<runA>', 'baseline run id or folder')
  .argument('<runB>', 'candidate run id or folder')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--html', 'also write a side-by-side HTML page')
  .option('--html-out <file>', 'where to write it (default: reports/compare-<A>-vs-<B>.html)')
  .action((a, b, options) =>
    runCommand(() => import('./commands/compare-command.js').then((m) => m.compareCommand(a, b, options))),
  );

const baseline = program.command('baseline').description('manage the gate baseline');
baseline
  .command('accept')
  .description('promote a run (default: latest) to reports/baseline.json and reports/model-eval-report.md')
  .argument('[run]', 'run id or folder')
  .option('-c, --config <file>', 'eval config', 'eval/evalgate.yaml')
  .option('--no-experiment-log', 'do not append the accepted run to the experiment log')
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
