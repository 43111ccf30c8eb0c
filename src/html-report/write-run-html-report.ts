// reports/runs/<id>/report.html: the run's report sections with their charts inline, and every
// case with a drill-down, compared case by case with the baseline run when its folder is kept.
import path from 'node:path';
import type { WrittenChart } from '../charts/chart.js';
import { readResults } from '../run/read-run.js';
import type { CaseResult, RunRecord } from '../run/types.js';
import { loadChunkTexts } from './chunk-texts.js';
import { writeHtmlPage } from './html-page-writer.js';
import { markdownToHtml } from './markdown-to-html.js';
import { prefixSvgIds } from './prefix-svg-ids.js';
import { unsupportedMarking } from './unsupported-marking.js';

export const HTML_REPORT_FILE = 'report.html';

export interface WriteRunHtmlReportOptions {
  record: RunRecord;
  /** Every result, read once as the page is written (a results.jsonl stream, or an array). */
  results: Iterable<CaseResult> | AsyncIterable<CaseResult>;
  /** The rendered model-eval-report.md, chart links included. */
  markdown: string;
  charts: readonly WrittenChart[];
  runDir: string;
  /** reports/runs, where the baseline run's folder is looked for. */
  runsDir: string;
  /** The retrieval index folder (rag.index_dir), for chunk texts; null when there is none. */
  indexDir: string | null;
}

/** Inline SVG for the chart images the markdown links (`charts/<file>`); others are dropped. */
export function chartsAsHtml(charts: readonly WrittenChart[]): (src: string) => string | null {
  return (src) => {
    const at = charts.findIndex((c) => `charts/${c.file}` === src);
    return at < 0 ? null : prefixSvgIds(charts[at].svg, `chart${at}`);
  };
}

export async function readBaselineResults(
  runsDir: string,
  baselineRunId: string | undefined,
): Promise<{ results: CaseResult[] | null; note: string | null }> {
  if (!baselineRunId) return { results: null, note: 'No baseline: there is nothing to compare cases with.' };
  try {
    return { results: await readResults(path.join(runsDir, baselineRunId)), note: null };
  } catch {
    return {
      results: null,
      note: `The baseline run's folder (${baselineRunId}) is not here, so its answers and per-case scores are not shown.`,
    };
  }
}

export async function writeRunHtmlReport(options: WriteRunHtmlReportOptions): Promise<string> {
  const { record } = options;
  const [baseline, chunkTexts] = await Promise.all([
    readBaselineResults(options.runsDir, record.changes.baselineRunId),
    loadChunkTexts(options.indexDir, record.manifest.corpusHash),
  ]);
  const marking = unsupportedMarking(record.manifest);
  const notes = [
    baseline.note,
    marking.note,
    chunkTexts.available
      ? null
      : 'Chunk texts are not available (no matching retrieval index on disk); chunks are shown by id.',
  ];
  const written = await writeHtmlPage({
    file: path.join(options.runDir, HTML_REPORT_FILE),
    title: `Model evaluation report: ${record.manifest.name} · run ${record.manifest.runId}`,
    runId: record.manifest.runId,
    sectionsHtml: markdownToHtml(options.markdown, { image: chartsAsHtml(options.charts) }),
    results: options.results,
    baseline: baseline.results,
    baselineRunId: record.changes.baselineRunId ?? null,
    chunkTexts,
    notes: notes.filter((n): n is string => n !== null),
    hallucinationThreshold: marking.hallucinationThreshold,
    markUnsupported: marking.markUnsupported,
  });
  return written.file;
}
