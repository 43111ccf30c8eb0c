// The self-contained HTML report: a run's report with charts and every case, one file.
export { type ChunkTexts, loadChunkTexts } from './chunk-texts.js';
export { contentSecurityPolicy, type HtmlPageInput, writeHtmlPage } from './html-page-writer.js';
export { markdownToHtml } from './markdown-to-html.js';
export { rewriteRunHtml } from './rewrite-run-html.js';
export { type WriteCompareHtmlOptions, writeCompareHtmlReport } from './write-compare-html-report.js';
export {
  HTML_REPORT_FILE,
  type WriteRunHtmlReportOptions,
  writeRunHtmlReport,
} from './write-run-html-report.js';
