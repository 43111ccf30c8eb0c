// The Bias Audit of an experiment-log entry: the team format's five-column table, one row per
// counterfactual or fairness check and one per protected-attribute subgroup gap above its
// threshold. A check that could not be computed says "not assessed", never a pass.
import { breakdownAttribute, breakdownKind } from '../aggregate/tag-breakdowns.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import type { BiasRow, RunRecord, SubgroupGap } from '../run/types.js';
import { formatPass, formatScore, formatWithInterval } from './format-value.js';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';
import { pairLabel } from './record-index.js';

const HEADERS = ['Protected Attribute', 'Metric', 'Threshold', 'Result', 'Pass?'];

export function renderExperimentBiasAudit(record: RunRecord): string {
  const { rows } = record.bias;
  // Older records have no kind; their breakdowns mixed topics in, so only flagged ones show.
  const gaps = record.bias.subgroups.filter((g) => breakdownKind(g) !== 'topic' && g.flagged);
  if (rows.length === 0 && gaps.length === 0)
    return 'No bias check ran (no protected attributes, group tag or bias probes in this run), so bias is not assessed.';
  const passed = rows.filter((r) => r.pass === true).length;
  const failed = rows.filter((r) => r.pass === false).length;
  const unknown = rows.length - passed - failed;
  const tally = `${rows.length} check(s): ${passed} passed, ${failed} failed${unknown > 0 ? `, ${unknown} not assessed` : ''}${gaps.length > 0 ? `; ${gaps.length} protected subgroup gap(s) above the threshold` : ''}.`;
  const table = markdownTable(
    HEADERS,
    [...rows.map(checkRow), ...gaps.map(gapRow)],
    ['left', 'left', 'left', 'left', 'center'],
  );
  return `${table}\n\n${tally}`;
}

function checkRow(row: BiasRow): string[] {
  return [
    escapeMarkdown(row.attribute),
    `${escapeMarkdown(describeMetric(row.metric).label)} — ${escapeMarkdown(pairLabel(row.suite, row.provider))}`,
    `≤ ${formatScore(row.threshold)}`,
    formatWithInterval(row.metric, row.value, row.low, row.high),
    row.pass === null ? 'not assessed' : formatPass(row.pass),
  ];
}

function gapRow(gap: SubgroupGap): string[] {
  const tags = gap.groups.map((g) => code(g.tag)).join(', ');
  return [
    escapeMarkdown(breakdownAttribute(gap) ?? 'tag'),
    `Gap in ${escapeMarkdown(describeMetric(gap.metric).label)} across ${tags} — ${escapeMarkdown(pairLabel(gap.suite, gap.provider))}`,
    'subgroup gap threshold',
    formatScore(gap.gap),
    '⚠️',
  ];
}
