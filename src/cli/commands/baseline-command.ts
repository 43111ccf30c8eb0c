// `evalgate baseline accept [run]`: promotes a run (default: the latest) to the gate baseline.
import path from 'node:path';
import { buildBaseline, serializeBaseline } from '../../run/baseline.js';
import { readResults, readRunRecord } from '../../run/read-run.js';
import { writeFileAtomic } from '../../run/run-folder.js';
import { withServingReference } from '../../serve/attach-serving-reference.js';
import { findRun, loadProject } from './load-project.js';

export async function baselineAcceptCommand(
  run: string | undefined,
  options: { config: string },
): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const runDir = await findRun(reportsDir, run);
  const [record, results] = await Promise.all([readRunRecord(runDir), readResults(runDir)]);
  const built = buildBaseline(record, results, new Date().toISOString());
  const baseline = await withServingReference(built, { loaded, record, results, env: process.env });
  const file = path.resolve(loaded.root, loaded.config.gate.baseline);
  await writeFileAtomic(file, serializeBaseline(baseline));
  process.stdout.write(
    `baseline: ${path.relative(process.cwd(), file)} now holds run ${record.manifest.runId} (${results.length} results)\n`,
  );
  return 0;
}
