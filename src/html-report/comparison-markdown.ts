// The sections of the `evalgate compare --html A B` page, as markdown for markdownToHtml: the
// paired comparison per suite × provider × metric (B − A with its interval and p-value).
import { escapeMarkdown, markdownTable } from '../reporters/markdown-table.js';
import { formatDelta, formatInterval, formatMetric, formatP } from '../reporters/format-value.js';
import type { MetricComparison } from '../run/types.js';

export function comparisonMarkdown(
  comparisons: readonly MetricComparison[],
  runs: { a: string; b: string; confidence: number },
): string {
  const level = Math.round(runs.confidence * 100);
  const intro = `Run A \`${runs.a}\` against run B \`${runs.b}\`, paired by case id. Δ = B − A.`;
  if (comparisons.length === 0)
    return `## Comparison\n\n${intro}\n\nNo metrics in common between the two runs.\n`;
  const rows = comparisons.map((c) => [
    escapeMarkdown(c.suite),
    escapeMarkdown(c.provider),
    escapeMarkdown(c.metric),
    String(c.n),
    formatMetric(c.metric, c.baseline),
    formatMetric(c.metric, c.candidate),
    formatDelta(c.metric, c.delta),
    formatInterval(c.metric, c.low, c.high) ?? 'n/a',
    formatP(c.adjustedP ?? c.pValue),
  ]);
  const table = markdownTable(
    ['Suite', 'Provider', 'Metric', 'n', 'A', 'B', 'Δ (B − A)', `${level}% CI`, 'p'],
    rows,
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  return `## Comparison\n\n${intro}\n\n${table}\n`;
}
