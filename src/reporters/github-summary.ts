// Markdown for $GITHUB_STEP_SUMMARY: the gate verdict and failing checks up front, then the
// same per-suite tables as the model evaluation report (folded, to keep the job page short).
import type { RunRecord } from '../run/types.js';
import { checkCounts } from './check-counts.js';
import { bulletList, code, escapeMarkdown } from './markdown-table.js';
import { renderSuiteTables } from './performance-tables.js';
import { indexRecord } from './record-index.js';
import { RECOMMENDATION_HEADLINES, renderGateFailures } from './recommendation-section.js';

const STATUS_WORDS: Record<RunRecord['gate']['status'], string> = {
  pass: 'gate passed',
  fail: 'gate failed',
  error: 'run error',
};

export function renderGithubSummary(record: RunRecord): string {
  const { gate, manifest } = record;
  const index = indexRecord(record);
  const parts = [
    `## evalgate: ${RECOMMENDATION_HEADLINES[gate.recommendation]} — ${STATUS_WORDS[gate.status]}`,
    `Run ${code(manifest.runId)} of **${escapeMarkdown(manifest.name)}** · exit code ${gate.exitCode}${record.changes.baselineRunId ? ` · baseline ${code(record.changes.baselineRunId)}` : ''}`,
  ];
  parts.push(checkCounts(gate).join(' · '));
  if (gate.failures.length > 0) parts.push('### Failing checks', renderGateFailures(gate.failures));
  else parts.push('All targets met and no metric regressed significantly against the baseline.');
  if (gate.warnings.length > 0) parts.push('### Warnings', renderGateFailures(gate.warnings));
  if (gate.notAssessed.length > 0)
    parts.push(
      '### Not assessed',
      bulletList(gate.notAssessed.map((n) => `${escapeMarkdown(n.what)}: ${escapeMarkdown(n.why)}`)),
    );
  parts.push(
    '### Performance',
    '<details open>\n<summary>Targets, values with 95% confidence intervals, and change vs baseline</summary>',
  );
  for (const summary of record.summary)
    parts.push(renderSuiteTables(summary, index, { level: 4, classification: false }));
  parts.push('</details>');
  return `${parts.join('\n\n')}\n`;
}
