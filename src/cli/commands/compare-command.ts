// `evalgate compare <runA> <runB> [runC...]`: two runs give the paired comparison of B with A
// (one-sided, as the gate asks it), without gating. Three or more runs, or `--markdown`, give the
// matrix a sweep prints: every run against the first, aligned by case, two-sided, Holm-adjusted
// across runs × metrics, with the Pareto front.
import { InputError } from '../../core/errors.js';
import { compareRuns } from '../../gate/compare-runs.js';
import { perCaseTable } from '../../run/per-case-table.js';
import { readResults, readRunRecord } from '../../run/read-run.js';
import type { RunManifest } from '../../run/types.js';
import { redefinedMetrics } from '../../scorers/metric-definitions.js';
import { renderComparisonTable } from '../../reporters/comparison-table.js';
import { paretoFront } from '../../sweep/pareto-front.js';
import { renderMatrixConsole } from '../../sweep/render-sweep-console.js';
import { matrixLegend, matrixTables } from '../../sweep/render-sweep-markdown.js';
import { buildSweepMatrix, COST_METRIC } from '../../sweep/sweep-matrix.js';
import { compareHtmlCommand } from './compare-html-command.js';
import { findRun, loadProject } from './load-project.js';

export interface CompareOptions {
  config: string;
  html?: boolean;
  htmlOut?: string;
  markdown?: boolean;
  metrics?: string[];
}

export async function compareCommand(runs: string[], options: CompareOptions): Promise<number> {
  if (runs.length < 2)
    throw new InputError({
      code: 'USAGE',
      field: 'compare',
      message: 'give at least two runs (the first is the reference)',
    });
  const { loaded, reportsDir } = await loadProject(options.config);
  const dirs = await Promise.all(runs.map((run) => findRun(reportsDir, run)));
  const gate = loaded.config.gate;
  const manifests = await Promise.all(dirs.map(async (dir) => (await readRunRecord(dir)).manifest));
  const redefined = redefinedAcross(manifests);
  if (runs.length === 2 && !options.markdown && !options.metrics) {
    const [a, b] = await Promise.all(dirs.map((dir) => readResults(dir)));
    const comparisons = compareRuns({
      redefinedMetrics: redefined,
      baseline: perCaseTable(a),
      candidate: perCaseTable(b),
      maxDrop: gate.max_drop,
      confidence: gate.confidence,
      resamples: gate.resamples,
      seed: loaded.config.seed,
    });
    process.stdout.write(redefinedNote(redefined));
    process.stdout.write(
      `${renderComparisonTable(comparisons, {
        confidence: gate.confidence,
        color: process.stdout.isTTY === true,
      })}\n`,
    );
    if (options.html || options.htmlOut)
      await compareHtmlCommand({
        dirA: dirs[0],
        dirB: dirs[1],
        comparisons,
        loaded,
        reportsDir,
        file: options.htmlOut,
      });
    return 0;
  }
  if (options.html || options.htmlOut)
    throw new InputError({
      code: 'USAGE',
      field: '--html',
      message: 'the side-by-side page compares exactly two runs',
    });
  const loadedRuns = await Promise.all(
    dirs.map(async (dir) => ({ record: await readRunRecord(dir), results: await readResults(dir) })),
  );
  const names = loadedRuns.map((r) => r.record.manifest.runId);
  if (new Set(names).size !== names.length)
    throw new InputError({ code: 'USAGE', field: 'compare', message: 'a run is named twice' });
  const matrix = buildSweepMatrix({
    variants: loadedRuns.map((r) => ({
      name: r.record.manifest.runId,
      summary: r.record.summary,
      results: r.results,
    })),
    metrics: (options.metrics ?? [...Object.keys(gate.max_drop), COST_METRIC, 'latency.p95_ms']).filter(
      (metric) => !redefined.has(metric),
    ),
    confidence: gate.confidence,
    resamples: gate.resamples,
    seed: loaded.config.seed,
  });
  process.stdout.write(redefinedNote(redefined));
  const pareto = paretoFront(matrix.rows, names);
  const reference = `run ${names[0]}`;
  process.stdout.write(
    options.markdown
      ? `## Runs compared with ${names[0]}\n\n${matrixLegend(matrix.family, reference)}\n\n${matrixTables(matrix.rows, pareto)}\n`
      : `${renderMatrixConsole({ rows: matrix.rows, names, pareto, family: matrix.family, reference, color: process.stdout.isTTY === true })}\n`,
  );
  return 0;
}

/** Metrics some run scored under another definition than the first run: never compared. */
function redefinedAcross(manifests: readonly RunManifest[]): Set<string> {
  const [first, ...rest] = manifests;
  return new Set(
    rest.flatMap((m) => redefinedMetrics(first.metricDefinitions, m.metricDefinitions).map((r) => r.metric)),
  );
}

function redefinedNote(redefined: ReadonlySet<string>): string {
  return redefined.size === 0
    ? ''
    : `not compared: ${[...redefined].join(', ')} (the runs scored them with different definitions)\n`;
}
