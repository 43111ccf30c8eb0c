// `evalgate compare --html A B`: one page with the paired comparison and every case of run B
// beside the same case in run A (answers, scores, change).
import path from 'node:path';
import { readResults, readRunRecord } from '../run/read-run.js';
import type { MetricComparison } from '../run/types.js';
import { loadChunkTexts } from './chunk-texts.js';
import { comparisonMarkdown } from './comparison-markdown.js';
import { writeHtmlPage } from './html-page-writer.js';
import { markdownToHtml } from './markdown-to-html.js';
import { unsupportedMarking } from './unsupported-marking.js';

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
  const marking = unsupportedMarking(recordB.manifest);
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
    hallucinationThreshold: marking.hallucinationThreshold,
    markUnsupported: marking.markUnsupported,
    notes: [
      marking.note,
      chunkTexts.available
        ? null
        : 'Chunk texts are not available (no matching retrieval index on disk); chunks are shown by id.',
    ].filter((n): n is string => n !== null),
  });
  return written.file;
}
