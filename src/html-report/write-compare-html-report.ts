// `evalgate compare --html A B`: one page with the paired comparison and every case of run B
// beside the same case in run A (answers, scores, change).
import path from 'node:path';
import { readResults, readRunRecord } from '../run/read-run.js';
import { scoredCheckVersion } from '../scorers/hallucination/check-version.js';
import { CHECK_VERSION } from '../scorers/hallucination/support-model.js';
import type { MetricComparison } from '../run/types.js';
import { loadChunkTexts } from './chunk-texts.js';
import { comparisonMarkdown } from './comparison-markdown.js';
import { writeHtmlPage } from './html-page-writer.js';
import { markdownToHtml } from './markdown-to-html.js';

export interface WriteCompareHtmlOptions {
  dirA: string;
  dirB: string;
  comparisons: readonly MetricComparison[];
  confidence: number;
  indexDir: string | null;
  file: string;
}

export async function writeCompareHtmlReport(options: WriteCompareHtmlOptions): Promise<string> {
  const [recordB, resultsA, resultsB] = await Promise.all([
    readRunRecord(options.dirB),
    readResults(options.dirA),
    readResults(options.dirB),
  ]);
  const a = path.basename(options.dirA);
  const b = recordB.manifest.runId;
  const chunkTexts = await loadChunkTexts(options.indexDir, recordB.manifest.corpusHash);
  const written = await writeHtmlPage({
    file: options.file,
    title: `Comparison: ${a} (A) vs ${b} (B)`,
    runId: b,
    sectionsHtml: markdownToHtml(
      comparisonMarkdown(options.comparisons, { a, b, confidence: options.confidence }),
    ),
    results: resultsB,
    baseline: resultsA,
    baselineRunId: a,
    baselineLabel: 'run A',
    chunkTexts,
    hallucinationThreshold: recordB.manifest.hallucinationThreshold,
    markUnsupported: scoredCheckVersion(recordB.manifest.metricDefinitions) === CHECK_VERSION,
    notes: chunkTexts.available
      ? []
      : ['Chunk texts are not available (no matching retrieval index on disk); chunks are shown by id.'],
  });
  return written.file;
}
