// The experiment log entry of a sweep, in the team's format (FORMATS.md): hypothesis, the grid
// as the approach, one Results row per metric with the reference's value and which variants
// moved it significantly, each variant's bias checks, errors, a conclusion that picks no winner,
// and the commands for the next step.
import { describeIndexes } from './describe-indexes.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import { bulletList, code, escapeMarkdown, markdownTable } from '../reporters/markdown-table.js';
import {
  formatDate,
  formatDelta,
  formatTarget,
  formatWithInterval,
  DASH,
} from '../reporters/format-value.js';
import { formatValue, REFERENCE } from './expand-variants.js';
import { MARK_SYMBOL } from './sweep-marks.js';
import type { SweepRecord } from './sweep-record.js';

export interface SweepEntryOptions {
  number: number;
  /** `targets` from the config: suite → metric → "<= 0.1". */
  targets: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export function renderSweepExperimentEntry(sweep: SweepRecord, options: SweepEntryOptions): string {
  const number = String(options.number).padStart(3, '0');
  const grid = sweep.grid.map((a) => `${a.path} ∈ {${a.values.map(formatValue).join(', ')}}`).join(' × ');
  const title = `Sweep ${grid || `${sweep.variants.length - 1} named variants`}`.slice(0, 100);
  const held = Object.values(sweep.holdout?.cases ?? {}).reduce((n, ids) => n + ids.length, 0);
  const made = sweep.variants.reduce((n, v) => n + v.counts.requests, 0);
  const cached = sweep.variants.reduce((n, v) => n + v.counts.cached, 0);
  const parts = [
    `## Experiment ${number}: ${escapeMarkdown(title)}`,
    `**Date:** ${formatDate(sweep.createdAt)}`,
    `**Hypothesis:** ${sweep.hypothesis ? escapeMarkdown(sweep.hypothesis) : 'None recorded for this sweep.'}`,
    `**Approach:** Sweep ${code(sweep.id)}: ${sweep.variants.length} variants (the reference, the config as it is, plus ${grid ? escapeMarkdown(grid) : 'named variants'}), each a normal run with its own run folder; ` +
      `${made} model calls made, ${cached} answered from the cache, ${describeIndexes(sweep)}` +
      (sweep.holdout
        ? `; ${held} cases held out for confirmation (fraction ${sweep.holdout.fraction})`
        : '') +
      `. Paired with the reference by case, Holm-adjusted over ${sweep.family.size} comparisons at α = ${sweep.family.alpha.toFixed(2)}. Matrix: ${code(`reports/sweeps/${sweep.id}/sweep.md`)}.`,
    `**Results:**\n\n${results(sweep, options.targets)}`,
    `**Bias Audit:**\n\n${biasTable(sweep)}`,
    `**Error Analysis:** ${errors(sweep)}`,
    `**Conclusion:** ${conclusion(sweep)}`,
    `**Next Steps:**\n\n${bulletList(nextSteps(sweep))}`,
  ];
  return `${parts.join('\n\n')}\n`;
}

function results(sweep: SweepRecord, targets: SweepEntryOptions['targets']): string {
  return markdownTable(
    ['Metric', 'Target (from spec)', 'Achieved', 'Delta'],
    sweep.rows.map((row) => {
      const ref = row.cells.find((c) => c.variant === REFERENCE);
      const target = targets[row.suite]?.[row.metric];
      const moved = row.cells
        .filter((c) => c.comparison && (c.comparison.mark === 'better' || c.comparison.mark === 'worse'))
        .map(
          (c) =>
            `${MARK_SYMBOL[c.comparison!.mark]} ${escapeMarkdown(c.variant)} ${formatDelta(row.metric, c.comparison!.delta)}`,
        );
      return [
        `${escapeMarkdown(row.suite)} · ${code(row.metric)}${row.provider === 'retrieval' ? '' : ` (${escapeMarkdown(row.provider)})`}`,
        target
          ? formatTarget({
              metric: row.metric,
              op: target.trim().startsWith('>=') ? '>=' : '<=',
              target: Number(target.replace(/[<>=\s]/g, '')),
            })
          : DASH,
        ref ? `reference ${formatWithInterval(row.metric, ref.value, ref.low, ref.high)}` : DASH,
        moved.length ? moved.join('<br>') : 'no variant distinguishable',
      ];
    }),
  );
}

function biasTable(sweep: SweepRecord): string {
  return markdownTable(
    ['Protected Attribute', 'Metric', 'Threshold', 'Result', 'Pass?'],
    sweep.variants.map((v) => {
      const { judged, notJudged } = v.biasChecks ?? { judged: 0, notJudged: 0 };
      const unjudged = notJudged ? `; ${notJudged} not assessed` : '';
      // A variant whose run judged no bias check has not passed one.
      const [result, pass] = v.biasFailures.length
        ? [`failed: ${v.biasFailures.map(escapeMarkdown).join(', ')}${unjudged}`, '❌']
        : judged === 0
          ? [`not assessed (no bias check was judged in this run${unjudged})`, DASH]
          : [`${judged} judged, no blocking failure${unjudged}`, '✅'];
      return [
        `all (variant ${escapeMarkdown(v.name)})`,
        'bias checks of the run',
        'config thresholds',
        result,
        pass,
      ];
    }),
  );
}

function errors(sweep: SweepRecord): string {
  const failing = sweep.variants.filter((v) => v.counts.errors > 0);
  const base = failing.length
    ? `Failed calls: ${failing.map((v) => `${escapeMarkdown(v.name)} ${v.counts.errors}`).join(', ')}.`
    : 'No call failed in any variant.';
  return `${base} Per-case failure modes are in each variant's own report (${code('reports/runs/<run-id>/model-eval-report.md')}).`;
}

function conclusion(sweep: SweepRecord): string {
  const marks = new Map<string, { better: number; worse: number }>();
  const operations = sweep.rows.filter((r) => describeMetric(r.metric).family === 'operations');
  const operationsMarked = operations.some((r) =>
    r.cells.some((c) => c.comparison?.mark === 'better' || c.comparison?.mark === 'worse'),
  );
  for (const row of sweep.rows)
    for (const cell of row.cells) {
      const m = marks.get(cell.variant) ?? { better: 0, worse: 0 };
      if (cell.comparison?.mark === 'better') m.better++;
      if (cell.comparison?.mark === 'worse') m.worse++;
      marks.set(cell.variant, m);
    }
  const improved = [...marks].filter(([, m]) => m.better > 0 && m.worse === 0).map(([n]) => n);
  const mixed = [...marks].filter(([, m]) => m.better > 0 && m.worse > 0).map(([n]) => n);
  const worse = [...marks].filter(([, m]) => m.better === 0 && m.worse > 0).map(([n]) => n);
  const list = (names: string[]): string => names.map((n) => code(n)).join(', ');
  const sentences = [
    improved.length
      ? `Significantly better than the reference on at least one metric and worse on none: ${list(improved)}.`
      : 'No variant was significantly better than the reference without being worse somewhere.',
    mixed.length ? `Trade-offs (better on some, worse on others): ${list(mixed)}.` : '',
    worse.length ? `Only worse: ${list(worse)}.` : '',
    `Pareto front: ${list(sweep.pareto)}.`,
    operationsMarked
      ? 'Latency differences between runs made one after another include the load on the machine at the time and warm-up (the reference runs first): repeat the comparison before acting on them.'
      : '',
    'This sweep does not by itself meet the evidence bar for a change: a variant chosen from it must be confirmed on cases it did not see.',
  ];
  return sentences.filter(Boolean).join(' ');
}

function nextSteps(sweep: SweepRecord): string[] {
  return [
    sweep.holdout
      ? `Confirm the chosen variant on the held-out cases: ${code(`evalgate sweep --confirm ${sweep.id} --variant <name>`)}.`
      : `Keep cases aside next time (${code('--holdout 0.3')}) so the chosen variant can be confirmed on cases the sweep did not use.`,
    `Look closer around the best region: ${code(`evalgate sweep --refine ${sweep.id}`)} prints a finer grid.`,
    'When nothing is distinguishable, the differences are within noise at this many cases: add cases or widen the grid.',
  ];
}
