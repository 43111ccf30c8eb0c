// `evalgate export trec [run]`: writes the retrieved documents of every retrieval-scored case
// as a TREC run file, and the gold judgements as a qrels file beside it, so our retrieval
// metrics can be cross-checked with trec_eval (`trec_eval -m all_trec qrels run`).
import path from 'node:path';
import { readResults } from '../../run/read-run.js';
import { writeFileAtomic } from '../../run/run-folder.js';
import { renderTrecQrels, renderTrecRun } from '../../reporters/trec-export.js';
import { findRun, loadProject } from './load-project.js';

export async function exportTrecCommand(
  run: string | undefined,
  options: { config: string; out?: string },
): Promise<number> {
  const { reportsDir } = await loadProject(options.config);
  const runDir = await findRun(reportsDir, run);
  const results = await readResults(runDir);
  const runFile = options.out ? path.resolve(options.out) : path.join(runDir, 'trec.run');
  const qrelsFile = runFile.replace(/(\.run)?$/, '.qrels');
  const runText = renderTrecRun(results, path.basename(runDir));
  await writeFileAtomic(runFile, runText);
  await writeFileAtomic(qrelsFile, renderTrecQrels(results));
  process.stdout.write(
    `trec run: ${path.relative(process.cwd(), runFile)}  qrels: ${path.relative(process.cwd(), qrelsFile)}\n`,
  );
  return 0;
}
