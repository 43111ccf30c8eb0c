// "## Confidence Distribution" of the model evaluation report: how confident the model said it
// was against how often it was right, per bin, and where the human-review threshold falls.
import type { RunRecord, SuiteSummary } from '../run/types.js';
import { formatCount, formatPercent, formatScore } from './format-value.js';
import { escapeMarkdown, markdownTable } from './markdown-table.js';
import { pairLabel } from './record-index.js';

const BAR_WIDTH = 20;

export function renderConfidenceSection(record: RunRecord): string {
  const withHistogram = record.summary.filter(
    (s) => s.confidenceHistogram && s.confidenceHistogram.length > 0,
  );
  const parts = ['## Confidence Distribution'];
  if (withHistogram.length === 0) {
    parts.push(
      'No suite in this run records a confidence (classification suites do, when the provider reports one), so there is no distribution to show.',
    );
    return parts.join('\n\n');
  }
  parts.push(
    'How sure the model said it was, against how often it was actually right. In a well-calibrated model the accuracy in each row matches its confidence range: right about 8 times in 10 when it says 0.8. Predictions below the review threshold go to a person; those above it are handled automatically.',
  );
  for (const summary of withHistogram) parts.push(...suiteHistogram(summary));
  return parts.join('\n\n');
}

function suiteHistogram(summary: SuiteSummary): string[] {
  const bins = mergeEmptyBins(summary.confidenceHistogram ?? []);
  const threshold = summary.classification?.reviewThreshold?.threshold ?? null;
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const rows = bins.map((bin) => [
    `${formatScore(bin.low)}–${formatScore(bin.high)}`,
    formatCount(bin.count),
    formatCount(bin.correct),
    bin.count > 0 ? formatScore(bin.correct / bin.count) : 'n/a',
    '█'.repeat(Math.round((bin.count / maxCount) * BAR_WIDTH)),
    ...(threshold === null ? [] : [routing(bin.low, bin.high, threshold)]),
  ]);
  const headers = [
    'Confidence',
    'Cases',
    'Correct',
    'Accuracy',
    'Distribution',
    ...(threshold === null ? [] : ['Handled by']),
  ];
  return [
    `### ${escapeMarkdown(pairLabel(summary.suite, summary.provider))}`,
    markdownTable(headers, rows, ['left', 'right', 'right', 'right', 'left', 'left']),
    reviewSentence(summary),
  ];
}

type Bin = NonNullable<SuiteSummary['confidenceHistogram']>[number];

/** Adjacent empty bins read better as one row ("0.000–0.500 · 0 cases") than as five. */
function mergeEmptyBins(bins: Bin[]): Bin[] {
  const merged: Bin[] = [];
  for (const bin of bins) {
    const last = merged.at(-1);
    if (last && last.count === 0 && bin.count === 0) merged[merged.length - 1] = { ...last, high: bin.high };
    else merged.push({ ...bin });
  }
  return merged;
}

function routing(low: number, high: number, threshold: number): string {
  if (high <= threshold) return 'person (below threshold)';
  if (low >= threshold) return 'automatic';
  return `split at ${formatScore(threshold)}`;
}

function reviewSentence(summary: SuiteSummary): string {
  const review = summary.classification?.reviewThreshold;
  if (!review)
    return 'No human-review threshold was computed for this suite (it needs a target precision and confidences).';
  const precision = formatScore(review.targetPrecision);
  if (review.threshold === null) {
    return `**Human review:** no confidence threshold reaches precision ${precision} on the automatically handled predictions, so every prediction would need a person.`;
  }
  return `**Human review:** to keep precision at ${precision} or better on the predictions handled automatically, send predictions with confidence below ${formatScore(review.threshold)} to a person — ${formatPercent(review.reviewShare)} of the cases in this run.`;
}
