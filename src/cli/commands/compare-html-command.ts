// `evalgate compare --html [--html-out file] A B`: the side-by-side page for two runs.
import path from 'node:path';
import type { LoadedConfig } from '../../config/load-config.js';
import { writeCompareHtmlReport } from '../../html-report/write-compare-html-report.js';
import type { MetricComparison } from '../../run/types.js';

export async function compareHtmlCommand(options: {
  dirA: string;
  dirB: string;
  comparisons: readonly MetricComparison[];
  loaded: LoadedConfig;
  reportsDir: string;
  /** Where to write the page; default reports/compare-<A>-vs-<B>.html. */
  file?: string;
}): Promise<void> {
  const { config, root } = options.loaded;
  const name = `compare-${path.basename(options.dirA)}-vs-${path.basename(options.dirB)}.html`;
  const file = options.file ? path.resolve(options.file) : path.join(options.reportsDir, name);
  const written = await writeCompareHtmlReport({
    dirA: options.dirA,
    dirB: options.dirB,
    comparisons: options.comparisons,
    confidence: config.gate.confidence,
    indexDir: config.rag ? path.resolve(root, config.rag.index_dir) : null,
    file,
  });
  process.stdout.write(`html: ${path.relative(process.cwd(), written)}\n`);
}
