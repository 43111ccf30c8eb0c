// sweep.md: what was swept, what each variant cost in calls and index builds, the results
// matrix (value with interval, and the paired verdict against the reference), the Pareto front,
// and, after `--confirm`, the held-out confirmation. A pure function of sweep.json.
import { describeMetric } from '../metrics/metric-catalog.js';
import {
  DASH,
  formatDelta,
  formatInterval,
  formatMetric,
  formatP,
  formatTimestamp,
} from '../reporters/format-value.js';
import { code, escapeMarkdown, markdownTable } from '../reporters/markdown-table.js';
import { formatValue, REFERENCE } from './expand-variants.js';
import { SWEEP_CHART_FILE, sweepTradeoffChart } from './sweep-chart.js';
import { MARK_SYMBOL, MARK_WORDS } from './sweep-marks.js';
import type { SweepCell, SweepRecord, SweepRow } from './sweep-record.js';

export function renderSweepMarkdown(sweep: SweepRecord): string {
  const parts = [
    `# Sweep ${sweep.id}`,
    [
      `**Date:** ${formatTimestamp(sweep.createdAt)}  `,
      `**Config:** ${code(sweep.configFile)}, sweep from ${code(sweep.specFile)}  `,
      `**Hypothesis:** ${sweep.hypothesis ? escapeMarkdown(sweep.hypothesis) : 'none recorded'}  `,
      `**Grid:** ${describeGrid(sweep)}  `,
      `**Cases:** ${describeCases(sweep)}`,
    ].join('\n'),
    `## Variants\n\n${variantsTable(sweep)}`,
    `## Results matrix\n\n${matrixLegend(sweep.family, 'reference')}\n\n${matrixTables(sweep.rows, sweep.pareto)}`,
    `## Pareto front\n\n${paretoText(sweep)}${chartLink(sweep)}`,
  ];
  if (sweep.confirmation)
    parts.push(
      `## Held-out confirmation: ${code(sweep.confirmation.variant)}\n\nThe chosen variant and the reference, run again on the ${countHoldout(sweep)} held-out cases the sweep never used (runs ${code(sweep.confirmation.runs.reference)} and ${code(sweep.confirmation.runs.variant)}).${sweep.confirmation.earlier ? ` **These held-out cases were used before, to confirm ${sweep.confirmation.earlier.map(code).join(', ')}: with ${sweep.confirmation.earlier.length + 1} looks this is no longer an unbiased check.**` : ''} ${matrixLegend(sweep.confirmation.family, 'reference')}\n\n${matrixTables(sweep.confirmation.rows, [])}`,
    );
  parts.push(
    "## Choosing a variant\n\nThe marks compare each variant with the reference on the same cases the sweep was run on. Picking the best-looking of many variants on those cases overstates its gain (the winner's curse), so evalgate does not pick one. " +
      (sweep.holdout
        ? `Confirm a choice on the held-out cases: ${code(`evalgate sweep --confirm ${sweep.id} --variant <name>`)}.`
        : `Re-run the sweep with ${code('--holdout 0.3')} to keep cases aside for confirming the choice.`) +
      ` Propose a finer grid around the best region with ${code(`evalgate sweep --refine ${sweep.id}`)}.`,
  );
  return `${parts.join('\n\n')}\n`;
}

function describeGrid(sweep: SweepRecord): string {
  if (sweep.grid.length === 0) return 'named variants only';
  return sweep.grid.map((a) => `${code(a.path)} ∈ {${a.values.map(formatValue).join(', ')}}`).join(' × ');
}

function describeCases(sweep: SweepRecord): string {
  const filters = [
    sweep.filters.suites ? `suites ${sweep.filters.suites.join(', ')}` : null,
    sweep.filters.providers ? `providers ${sweep.filters.providers.join(', ')}` : null,
  ].filter(Boolean);
  const base = filters.length ? filters.join('; ') : 'every suite and provider';
  return sweep.holdout
    ? `${base}; ${countHoldout(sweep)} cases held out (fraction ${sweep.holdout.fraction}, seed ${sweep.holdout.seed}) and not used by the sweep`
    : base;
}

function countHoldout(sweep: SweepRecord): number {
  return Object.values(sweep.holdout?.cases ?? {}).reduce((n, ids) => n + ids.length, 0);
}

function variantsTable(sweep: SweepRecord): string {
  return markdownTable(
    ['Variant', 'Settings', 'Run', 'Model calls', 'Cached', 'Index', 'Gate'],
    sweep.variants.map((v) => [
      escapeMarkdown(v.name),
      v.name === REFERENCE
        ? 'the config as it is'
        : Object.entries(v.set)
            .map(([p, value]) => `${code(p)} = ${code(formatValue(value))}`)
            .join('<br>'),
      code(v.runId),
      String(v.counts.requests + v.counts.cached),
      String(v.counts.cached),
      v.index ? `${v.index.reused ? 'reused' : 'built'} (${escapeMarkdown(v.index.chunking)})` : DASH,
      v.gate,
    ]),
    ['left', 'left', 'left', 'right', 'right', 'left', 'left'],
  );
}

/** What the marks mean and how they were tested; `reference` names the run every other is paired with. */
export function matrixLegend(family: SweepRecord['family'], reference: string): string {
  const words = (mark: keyof typeof MARK_WORDS) => MARK_WORDS[mark].replace('the reference', reference);
  return (
    `${MARK_SYMBOL.better} ${words('better')}, ${MARK_SYMBOL.worse} ${words('worse')}, ${MARK_SYMBOL.same} ${words('same')}, ${MARK_SYMBOL.untested} ${MARK_WORDS.untested}. ` +
    `Each is paired with ${reference} by case (McNemar's exact test for pass/fail metrics, a sign-flip test for other means, a paired swap test for latency percentiles; two-sided); ` +
    `p-values are Holm-adjusted across the ${family.size} comparisons that could reach significance, at α = ${family.alpha.toFixed(2)}` +
    (family.excluded > 0 ? ` (${family.excluded} more could not: no case, or too few, changed)` : '') +
    ". Intervals are the runs' own bootstrap intervals."
  );
}

/** One table per suite × provider: a row per variant (bold: on the Pareto front), a column per metric. */
export function matrixTables(rows: readonly SweepRow[], pareto: readonly string[]): string {
  const groups = new Map<string, SweepRow[]>();
  for (const row of rows) {
    const key = `${row.suite} · ${row.provider}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const variants = rows[0]?.cells.map((c) => c.variant) ?? [];
  const out: string[] = [];
  for (const [key, group] of groups) {
    out.push(
      `### ${escapeMarkdown(key)}\n\n${markdownTable(
        [
          'Variant',
          ...group.map((r) => `${escapeMarkdown(describeMetric(r.metric).label)} (${code(r.metric)})`),
        ],
        variants.map((name) => [
          pareto.includes(name) ? `**${escapeMarkdown(name)}**` : escapeMarkdown(name),
          ...group.map((r) =>
            cellText(
              r,
              r.cells.find((c) => c.variant === name),
            ),
          ),
        ]),
      )}${redefinedNote(group)}`,
    );
  }
  return out.join('\n\n') || 'No metric of the chosen ones was measured.';
}

/** Rows the variants scored under different definitions: said under the table, not compared. */
function redefinedNote(group: readonly SweepRow[]): string {
  const redefined = group.filter((r) => r.definitionsDiffer);
  if (redefined.length === 0) return '';
  const names = redefined.map((r) => code(r.metric)).join(', ');
  return `\n\n${names}: the variants scored ${redefined.length === 1 ? 'it' : 'them'} under different definitions (e.g. another \`hallucination_threshold\`), so ${redefined.length === 1 ? 'its values are' : 'their values are'} shown but not compared, and left out of the Pareto front.`;
}

function cellText(row: SweepRow, cell: SweepCell | undefined): string {
  if (!cell || cell.value === null) return DASH;
  const interval = formatInterval(row.metric, cell.low, cell.high);
  const value = `${formatMetric(row.metric, cell.value)}${interval ? ` (${interval})` : ''}`;
  const c = cell.comparison;
  if (!c) return value;
  if (c.mark === 'untested') return `${value} ${MARK_SYMBOL.untested}`;
  const p = c.adjustedP !== null ? `p_adj ${formatP(c.adjustedP)}` : 'p_adj n/a';
  return `${value} ${MARK_SYMBOL[c.mark]} ${formatDelta(row.metric, c.delta)}, ${p}`;
}

function chartLink(sweep: SweepRecord): string {
  const chart = sweepTradeoffChart(sweep);
  return chart ? `\n\n![${escapeMarkdown(chart.title)}](${SWEEP_CHART_FILE})` : '';
}

function paretoText(sweep: SweepRecord): string {
  const names = sweep.pareto.map((n) => code(n)).join(', ');
  return (
    `${names || 'none'} (bold in the matrix): no other variant is at least as good on every row above and better on one. ` +
    'Point estimates, so this lists the trade-offs on offer; the marks say which differences are more than noise.'
  );
}
