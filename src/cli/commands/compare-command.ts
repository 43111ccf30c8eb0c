// `evalgate compare <runA> <runB>`: the paired comparison of two runs (A = baseline), printed
// without gating.
import { compareRuns } from '../../gate/compare-runs.js';
import { perCaseTable } from '../../run/per-case-table.js';
import { readResults } from '../../run/read-run.js';
import { renderComparisonTable } from '../../reporters/comparison-table.js';
import { compareHtmlCommand } from './compare-html-command.js';
import { findRun, loadProject } from './load-project.js';

export async function compareCommand(
  runA: string,
  runB: string,
  options: { config: string; html?: boolean; htmlOut?: string },
): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const [dirA, dirB] = await Promise.all([findRun(reportsDir, runA), findRun(reportsDir, runB)]);
  const [a, b] = await Promise.all([readResults(dirA), readResults(dirB)]);
  const gate = loaded.config.gate;
  const comparisons = compareRuns({
    baseline: perCaseTable(a),
    candidate: perCaseTable(b),
    maxDrop: gate.max_drop,
    confidence: gate.confidence,
    resamples: gate.resamples,
    seed: loaded.config.seed,
  });
  process.stdout.write(
    `${renderComparisonTable(comparisons, {
      confidence: gate.confidence,
      color: process.stdout.isTTY === true,
    })}\n`,
  );
  if (options.html || options.htmlOut)
    await compareHtmlCommand({ dirA, dirB, comparisons, loaded, reportsDir, file: options.htmlOut });
  return 0;
}
