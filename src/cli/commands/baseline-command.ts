// `evalgate baseline accept [run]`: promotes a run (default: the latest) to the gate baseline,
// and makes its report the committed one (reports/model-eval-report.md): the files under git
// change only when a team accepts a new state, never on an ordinary run.
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { describeCaseSelection } from '../../gate/describe-case-selection.js';
import { buildBaseline, serializeBaseline } from '../../run/baseline.js';
import { readResults, readRunRecord } from '../../run/read-run.js';
import { writeReports } from '../../reporters/write-reports.js';
import { writeFileAtomic } from '../../run/run-folder.js';
import { withServingReference } from '../../serve/attach-serving-reference.js';
import { withModuleClosers } from './with-module-closers.js';
import { findRun, loadProject } from './load-project.js';

export async function baselineAcceptCommand(
  run: string | undefined,
  options: { config: string; experimentLog?: boolean; allowPartial?: boolean },
): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const runDir = await findRun(reportsDir, run);
  const [record, results] = await Promise.all([readRunRecord(runDir), readResults(runDir)]);
  // The baseline (and the serving check built from it) must describe what was evaluated.
  if (record.manifest.configHash !== loaded.hash)
    throw new InputError({
      code: 'BASELINE_STALE_CONFIG',
      file: path.relative(process.cwd(), loaded.file) || loaded.file,
      message: `the config changed since run ${record.manifest.runId} was evaluated (hash ${record.manifest.configHash} → ${loaded.hash}): run \`evalgate eval\` again and accept that run`,
    });
  // The latest run is often a quick `--limit 5` or `--suite x`: promoting it would leave later
  // gates pairing only those cases or suites. A partial baseline must be asked for. (`--provider`
  // is a deliberate choice of the provider to gate on, and stays allowed.)
  const m = record.manifest;
  const partial =
    describeCaseSelection(m) ??
    (m.budget?.stopped ? 'stopped by its budget' : null) ??
    (m.filters?.suites ? `--suite ${m.filters.suites.join(' ')}` : null) ??
    (m.sweep && m.sweep.cases !== 'all' ? `a sweep run on its ${m.sweep.cases} cases` : null);
  if (partial && !options.allowPartial)
    throw new InputError({
      code: 'BASELINE_PARTIAL_RUN',
      file: runDir,
      message: `run ${record.manifest.runId} covered only part of the project (${partial}); accept a full run, or pass --allow-partial`,
    });
  const built = buildBaseline(record, results, new Date().toISOString());
  // A rag.retriever module is loaded for its embedder: its `close` runs once the reference is built.
  const baseline = await withModuleClosers(
    (line) => process.stderr.write(`evalgate: ${line}\n`),
    (moduleClosers) =>
      withServingReference(built, { loaded, record, results, env: process.env, moduleClosers }),
  );
  const file = path.resolve(loaded.root, loaded.config.gate.baseline);
  await writeFileAtomic(file, serializeBaseline(baseline));
  const log = path.resolve(loaded.root, loaded.config.experiments_log);
  const written = await writeReports({
    record,
    results,
    runDir,
    reportsDir,
    experimentLog: options.experimentLog === false ? null : log,
    skipLoggedRun: true,
    gateMargins: loaded.config.gate.max_drop,
    indexDir: loaded.config.rag ? path.resolve(loaded.root, loaded.config.rag.index_dir) : null,
  });
  process.stdout.write(
    `baseline: ${path.relative(process.cwd(), file)} now holds run ${record.manifest.runId} (${results.length} results); report: ${path.relative(process.cwd(), written.report)}\n`,
  );
  return 0;
}
