// "## Error Analysis" of the model evaluation report: renders an ErrorAnalysis (selected by
// analysis/error-analysis.ts) as catastrophic errors, common causes and edge cases, quoting
// real inputs and outputs — always escaped, since they are arbitrary user and model text.
import type {
  CatastrophicKind,
  EdgeCaseGroup,
  EdgeCaseKind,
  ErrorAnalysis,
  ErrorExample,
  FailureGroup,
} from '../analysis/error-analysis.js';
import { CATASTROPHIC_KINDS } from '../analysis/error-analysis.js';
import { breakdownAttribute, breakdownKind } from '../aggregate/tag-breakdowns.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import type { SubgroupGap } from '../run/types.js';
import { formatCount, formatPercent, formatScore } from './format-value.js';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';
import { ATTRIBUTION_LABELS } from './performance-section.js';
import { pairLabel } from './record-index.js';

export const CATASTROPHIC_LABELS: Record<CatastrophicKind, string> = {
  'confident-hallucination': 'Confident hallucination',
  'unanswerable-answered': 'Answered the unanswerable',
  'missed-escalation': 'Missed escalation',
  'false-escalation': 'Wrong escalation',
  'provider-error': 'Failed model call',
};

const FAILURE_MEANING: Record<FailureGroup['attribution'], string> = {
  'retrieval-miss':
    'Search did not find a relevant document, so the model never saw the answer. Fix in retrieval (chunking, search mode, k), not in the prompt.',
  'context-overflow':
    'A relevant passage was found but dropped to fit the context budget. Fix with a larger budget, smaller chunks or fewer, better-ranked passages.',
  'generation-error':
    'The right passage reached the model and the answer was still wrong or unsupported. Fix in the prompt, the few-shot examples or the model.',
  'wrong-label':
    'The classifier chose the wrong label. The most frequent confusions show which labels need clearer definitions or more examples.',
  'provider-error':
    'The model call failed (timeout, rate limit, server error) after retries. These cases have no answer to score.',
};

const EDGE_LABELS: Record<EdgeCaseKind, string> = {
  unanswerable: 'Unanswerable questions',
  'context-overflow': 'Context overflow',
  'long-input': 'Long inputs',
  ambiguous: 'Ambiguous cases',
};

const EXAMPLE_HEADERS = ['Case', 'Input', 'Output', 'Expected', 'Why'];

export function renderErrorAnalysisSection(
  analysis: ErrorAnalysis,
  tagBreakdowns: SubgroupGap[] = [],
): string {
  const { totals } = analysis;
  const unjudged = totals.unjudged > 0 ? `, ${totals.unjudged} were not judged pass or fail` : '';
  return [
    '## Error Analysis',
    `Of ${totals.results} results (one per case and provider), ${totals.passed} passed and ${totals.failed} failed${unjudged}. The examples below are real cases from this run; long inputs and outputs are shortened (…).`,
    '### Catastrophic Errors',
    ...catastrophic(analysis),
    '### Common Errors',
    ...common(analysis.common),
    ...topics(tagBreakdowns),
    '### Edge Cases',
    ...edgeCases(analysis),
  ].join('\n\n');
}

function catastrophic(analysis: ErrorAnalysis): string[] {
  const { counts, items } = analysis.catastrophic;
  const threshold = formatScore(analysis.options.confidentThreshold);
  const intro = `Mistakes that do real harm even when rare: stating unsupported facts with confidence ${threshold} or more, answering a question the knowledge base cannot answer instead of declining, sending a case that needs a person elsewhere (or escalating one that does not), and failed model calls.`;
  const total = CATASTROPHIC_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  if (total === 0) return [intro, 'None in this run.'];
  const tally = CATASTROPHIC_KINDS.filter((k) => counts[k] > 0)
    .map((k) => `${CATASTROPHIC_LABELS[k]}: ${counts[k]}`)
    .join(' · ');
  const shown =
    items.length < total ? ` Up to ${analysis.options.maxCatastrophicPerKind} of each kind are listed.` : '';
  const rows = items.map((item) => [
    `**${CATASTROPHIC_LABELS[item.kind]}**<br>${caseCell(item)}`,
    ...exampleCells(item),
  ]);
  return [
    intro,
    `Found ${total}: ${tally}.${shown}`,
    markdownTable(['Error', ...EXAMPLE_HEADERS.slice(1)], rows),
  ];
}

function common(groups: FailureGroup[]): string[] {
  if (groups.length === 0) return ['No failures in this run.'];
  const totalFailures = groups.reduce((sum, g) => sum + g.count, 0);
  const overview = markdownTable(
    ['Cause', 'Failures', 'Share of failures', 'Where'],
    groups.map((g) => [
      ATTRIBUTION_LABELS[g.attribution],
      formatCount(g.count),
      formatPercent(g.count / totalFailures),
      g.breakdown
        .map((b) => `${escapeMarkdown(pairLabel(b.suite, b.provider))}: ${b.count} of ${b.total}`)
        .join('<br>'),
    ]),
    ['left', 'right', 'right', 'left'],
  );
  const parts = ['Failures grouped by their cause, most frequent first.', overview];
  for (const group of groups) {
    parts.push(
      `#### ${ATTRIBUTION_LABELS[group.attribution]} (${group.count})`,
      FAILURE_MEANING[group.attribution],
    );
    if (group.confusions.length > 0) {
      parts.push(
        markdownTable(
          ['Correct label', 'Predicted', 'Times'],
          group.confusions.map((c) => [
            escapeMarkdown(c.gold),
            escapeMarkdown(c.predicted),
            formatCount(c.count),
          ]),
          ['left', 'left', 'right'],
        ),
      );
    }
    parts.push(exampleTable(group.examples));
  }
  return parts;
}

/** The main metric by topic tag, weakest first: where in the product the failures concentrate. */
function topics(breakdowns: SubgroupGap[]): string[] {
  const byTopic = breakdowns.filter((g) => breakdownKind(g) === 'topic');
  if (byTopic.length === 0) return [];
  const parts = [
    '#### By topic',
    'The main metric for each topic tag of the test cases (and for each value of a tag such as `channel:chat` that is not a protected attribute), weakest first. A case with several tags counts in each; a topic with fewer than 5 cases is too small to compare.',
  ];
  for (const breakdown of byTopic) {
    const label = describeMetric(breakdown.metric).label;
    const rows = [...breakdown.groups]
      .sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity) || (a.tag < b.tag ? -1 : 1))
      .map((g) => [code(g.tag), formatCount(g.n), formatScore(g.value)]);
    const attribute = breakdownAttribute(breakdown);
    const by = attribute === undefined ? 'by topic tag' : `by ${code(attribute)}`;
    parts.push(
      `${escapeMarkdown(pairLabel(breakdown.suite, breakdown.provider))} · ${escapeMarkdown(label)} ${by}:`,
      markdownTable(['Topic', 'Cases', escapeMarkdown(label)], rows, ['left', 'right', 'right']),
    );
  }
  return parts;
}

function edgeCases(analysis: ErrorAnalysis): string[] {
  const groups = analysis.edgeCases;
  const rows = groups.map((g) => [
    edgeLabel(g.kind, analysis),
    formatCount(g.count),
    g.kind === 'unanswerable' ? `${g.passed} declined correctly` : formatCount(g.passed),
    g.passRate === null ? 'n/a' : `${formatScore(g.passRate)} (${g.passed}/${g.judged})`,
    edgeNote(g),
  ]);
  const parts = [
    'Situations that often break LLM apps, and how this run handled them.',
    markdownTable(['Edge case', 'Cases', 'Passed', 'Pass rate', 'Note'], rows, [
      'left',
      'right',
      'left',
      'left',
      'left',
    ]),
  ];
  for (const group of groups) {
    if (group.examples.length === 0) continue;
    parts.push(`#### ${edgeLabel(group.kind, analysis)}`, exampleTable(group.examples));
  }
  return parts;
}

function edgeLabel(kind: EdgeCaseKind, analysis: ErrorAnalysis): string {
  const { longInputTag, longInputShare, longInputVsMedian } = analysis.options;
  return kind === 'long-input'
    ? `${EDGE_LABELS[kind]} (tagged ${code(longInputTag)}, or among the longest ${formatPercent(longInputShare)} of their suite and ${longInputVsMedian}× its median length)`
    : EDGE_LABELS[kind];
}

function edgeNote(group: EdgeCaseGroup): string {
  switch (group.kind) {
    case 'unanswerable':
      return 'The right answer is to say the knowledge base does not know.';
    case 'context-overflow':
      return `${group.droppedChunks ?? 0} passage(s) dropped to fit the context budget.`;
    case 'long-input': {
      const long = group.longInputs;
      if (!long) return 'Long messages such as pasted logs or email threads.';
      const range =
        long.minChars === long.maxChars ? `${long.minChars}` : `${long.minChars}–${long.maxChars}`;
      return `Long messages such as pasted logs or email threads: ${long.tagged} tagged, ${long.byLength} more by length; ${range} characters.`;
    }
    case 'ambiguous':
      return 'Cases tagged `ambiguous`: unclear questions where asking back is acceptable.';
  }
}

function exampleTable(examples: ErrorExample[]): string {
  return markdownTable(
    EXAMPLE_HEADERS,
    examples.map((e) => [caseCell(e), ...exampleCells(e)]),
  );
}

function caseCell(example: ErrorExample): string {
  return `${code(`${example.suite}/${example.caseId}`)}<br>${escapeMarkdown(example.provider)}`;
}

function exampleCells(example: ErrorExample): string[] {
  return [
    quote(example.input),
    example.output === null ? '_(no output)_' : quote(example.output),
    example.expected === null ? '—' : quote(example.expected),
    escapeMarkdown(example.why),
  ];
}

function quote(text: string): string {
  return `“${escapeMarkdown(text)}”`;
}
