// reports/model-eval-report.md: the report a product or strategy reader acts on. Sections
// and their order are fixed by the spec; each one is rendered by its own module.
import type { ErrorAnalysis } from '../analysis/error-analysis.js';
import { type ChartLink, withChartLinks } from '../charts/chart-links.js';
import type { RunRecord } from '../run/types.js';
import { renderBiasSection } from './bias-section.js';
import { renderConfidenceSection } from './confidence-section.js';
import { renderErrorAnalysisSection } from './error-analysis-section.js';
import { formatTimestamp } from './format-value.js';
import { renderJudgeQualitySection } from './judge-quality-section.js';
import { code, escapeMarkdown } from './markdown-table.js';
import { renderModelSummarySection } from './model-summary-section.js';
import { renderPerformanceSection } from './performance-section.js';
import { checkCounts } from './check-counts.js';
import { RECOMMENDATION_HEADLINES, renderRecommendationSection } from './recommendation-section.js';

export const REPORT_SECTIONS = [
  'Model Summary',
  'Performance Metrics',
  'Bias Audit Results',
  'Error Analysis',
  'Confidence Distribution',
  'Recommendation',
] as const;

export function renderModelEvalReport(
  record: RunRecord,
  analysis: ErrorAnalysis,
  charts: readonly ChartLink[] = [],
): string {
  const sections = [
    `# Model evaluation report: ${escapeMarkdown(record.manifest.name)}`,
    verdict(record),
    renderModelSummarySection(record),
    renderPerformanceSection(record),
    renderJudgeQualitySection(record),
    renderBiasSection(record.bias),
    renderErrorAnalysisSection(analysis, record.bias.subgroups),
    renderConfidenceSection(record),
    renderRecommendationSection(record.gate),
  ];
  return withChartLinks(`${sections.filter(Boolean).join('\n\n')}\n`, charts);
}

const GATE_WORDS: Record<RunRecord['gate']['status'], string> = {
  pass: 'gate passed',
  fail: 'gate failed',
  error: 'run error',
};

/** The answer first, for readers who stop after two lines; the details follow in order. */
function verdict(record: RunRecord): string {
  const { gate, manifest } = record;
  return `> **${RECOMMENDATION_HEADLINES[gate.recommendation]}** · ${GATE_WORDS[gate.status]} · ${checkCounts(gate).join(' · ')} · run ${code(manifest.runId)} · ${formatTimestamp(manifest.startedAt)}\n>\n> See the Recommendation at the end for the reasons.`;
}
