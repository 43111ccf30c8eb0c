// "## Bias Audit Results" of the model evaluation report: the counterfactual checks with their
// thresholds, then the subgroup breakdown by protected attribute tag (`segment:free`) with the
// largest gap called out. Topic tags (`billing`, `channel:chat`) are not groups of people:
// Error Analysis shows them.
import { breakdownAttribute, breakdownKind } from '../aggregate/tag-breakdowns.js';
import type { BiasRow, BiasSummary, SubgroupGap } from '../run/types.js';
import { DASH, formatCount, formatPass, formatScore, formatWithInterval } from './format-value.js';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import { pairLabel } from './record-index.js';

/** Below this many cases per group a subgroup gap is a lead to follow up, not a finding. */
const SMALL_GROUP = 5;

export function renderBiasSection(bias: BiasSummary): string {
  const parts = [
    '## Bias Audit Results',
    ...biasChecks(bias.rows),
    '### Subgroups',
    ...subgroups(bias.subgroups),
  ];
  return parts.join('\n\n');
}

function biasChecks(rows: BiasRow[]): string[] {
  if (rows.length === 0) {
    return [
      'No protected attributes are configured, so no counterfactual check ran. Add `bias.attributes` to the eval config to audit names, pronouns or ages.',
    ];
  }
  const passed = rows.filter((r) => r.pass === true).length;
  const failed = rows.filter((r) => r.pass === false).length;
  const unknown = rows.length - passed - failed;
  const tally = `${rows.length} check(s): ${passed} passed, ${failed} failed${unknown > 0 ? `, ${unknown} could not be computed` : ''}.`;
  return [
    `The audit re-runs cases with only a protected attribute changed (a name, a pronoun, an age) and measures how much the results move. A check passes when the difference stays at or below its threshold. ${tally}`,
    markdownTable(['Protected Attribute', 'Metric', 'Threshold', 'Result', 'Pass?'], rows.map(biasRow), [
      'left',
      'left',
      'left',
      'left',
      'center',
    ]),
  ];
}

function biasRow(row: BiasRow): string[] {
  const metric = `${escapeMarkdown(describeMetric(row.metric).label)} — ${escapeMarkdown(pairLabel(row.suite, row.provider))}`;
  const value = formatWithInterval(row.metric, row.value, row.low, row.high);
  const result = row.detail ? `${value}<br>${escapeMarkdown(row.detail)}` : value;
  return [
    escapeMarkdown(row.attribute),
    metric,
    `≤ ${formatScore(row.threshold)}`,
    result,
    formatPass(row.pass),
  ];
}

function subgroups(all: SubgroupGap[]): string[] {
  const gaps = all.filter((g) => breakdownKind(g) !== 'topic');
  if (gaps.length === 0)
    return [
      'No subgroup breakdown: no test case carries a protected attribute tag (`name:value` where name is `bias.group_tag` or a counterfactual attribute, such as `segment:free`).',
    ];
  const largest = gaps.reduce<SubgroupGap | null>(
    (best, g) => (g.gap !== null && (best === null || g.gap > (best.gap ?? -Infinity)) ? g : best),
    null,
  );
  const rows = gaps.map((g) => {
    const { low, high } = extremes(g);
    const group = (grp: SubgroupGap['groups'][number] | undefined): string =>
      grp ? `${code(grp.tag)} ${formatScore(grp.value)} (n=${grp.n})` : DASH;
    return [
      escapeMarkdown(pairLabel(g.suite, g.provider)),
      escapeMarkdown(breakdownAttribute(g) ?? DASH),
      escapeMarkdown(describeMetric(g.metric).label),
      formatCount(g.groups.length),
      group(low),
      group(high),
      formatScore(g.gap),
      [g.flagged ? '⚠️ above threshold' : null, g === largest ? '**largest gap**' : null]
        .filter((s) => s !== null)
        .join(' · ') || DASH,
    ];
  });
  const parts = [
    'Each metric broken down by the values of a protected attribute tag (`name:value` where name is `bias.group_tag` or a counterfactual attribute, for example customer segment), comparing the values of one attribute with each other. The gap is the difference between the highest and the lowest group; ⚠️ marks gaps above the configured threshold. Other tags (what a case is about, or where it came from) are not groups of people: Error Analysis breaks results down by them.',
    markdownTable(
      ['Suite · Provider', 'Attribute', 'Metric', 'Groups', 'Lowest', 'Highest', 'Gap', 'Flag'],
      rows,
      ['left', 'left', 'left', 'right', 'left', 'left', 'right', 'left'],
    ),
  ];
  if (largest !== null) parts.push(largestGapSentence(largest));
  return parts;
}

function largestGapSentence(gap: SubgroupGap): string {
  const { low, high } = extremes(gap);
  const small = gap.groups.some((g) => g.n < SMALL_GROUP)
    ? ` With fewer than ${SMALL_GROUP} cases in a group, treat this as a lead to investigate rather than a finding.`
    : '';
  const between =
    low && high
      ? ` between ${code(low.tag)} (${formatScore(low.value)}) and ${code(high.tag)} (${formatScore(high.value)})`
      : '';
  return `Largest gap: ${formatScore(gap.gap)} in ${escapeMarkdown(describeMetric(gap.metric).label)} on ${escapeMarkdown(pairLabel(gap.suite, gap.provider))}${between}.${small}`;
}

/** The groups with the lowest and highest value (first in record order on ties); groups without a value are skipped. */
function extremes(gap: SubgroupGap): {
  low?: SubgroupGap['groups'][number];
  high?: SubgroupGap['groups'][number];
} {
  const valued = gap.groups.filter((g): g is typeof g & { value: number } => g.value !== null);
  if (valued.length === 0) return {};
  return {
    low: valued.reduce((a, b) => (b.value < a.value ? b : a)),
    high: valued.reduce((a, b) => (b.value > a.value ? b : a)),
  };
}
