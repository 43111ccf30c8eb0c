// The console view of a sweep: one line for the plan before it starts, and the results matrix
// (variants × metrics, each value with its mark against the reference) when it ends.
import { describeIndexes } from './describe-indexes.js';
import Table from 'cli-table3';
import { formatMetric, formatUsd } from '../reporters/format-value.js';
import type { SweepPlan } from './run-sweep.js';
import { MARK_SYMBOL } from './sweep-marks.js';
import type { SweepRecord, SweepRow } from './sweep-record.js';

export function renderSweepPlan(plan: SweepPlan): string {
  const paid = plan.modelCalls - plan.cachedCalls;
  const cost = plan.costUsd === null ? 'not estimated' : formatUsd(plan.costUsd);
  return `sweep: ${plan.variants} variants, ${plan.modelCalls} model calls (${plan.cachedCalls} expected from the cache, ${paid} to make), estimated cost ${cost}`;
}

export function renderSweepConsole(sweep: SweepRecord, options: { color: boolean }): string {
  const requests = sweep.variants.reduce((n, v) => n + v.counts.requests, 0);
  const cached = sweep.variants.reduce((n, v) => n + v.counts.cached, 0);
  return [
    renderMatrixConsole({
      rows: sweep.rows,
      names: sweep.variants.map((v) => v.name),
      pareto: sweep.pareto,
      family: sweep.family,
      reference: 'the reference',
      color: options.color,
    }),
    `${describeIndexes(sweep)}; model calls made: ${requests}, from the cache: ${cached}`,
  ].join('\n');
}

/** The matrix as a console table: a row per variant or run, a column per suite × metric. */
export function renderMatrixConsole(options: {
  rows: readonly SweepRow[];
  names: readonly string[];
  pareto: readonly string[];
  family: SweepRecord['family'];
  reference: string;
  color: boolean;
}): string {
  const { rows, pareto } = options;
  // The provider is named only where a suite ran with more than one.
  const providersOf = (suite: string) =>
    new Set(rows.filter((r) => r.suite === suite).map((r) => r.provider));
  const header = (r: SweepRow): string =>
    `${r.suite}${providersOf(r.suite).size > 1 ? ` ${r.provider}` : ''}\n${r.metric}`;
  const table = new Table({
    head: ['variant', ...rows.map(header)],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
  });
  for (const name of options.names) {
    table.push([
      `${pareto.includes(name) ? '* ' : '  '}${name}`,
      ...rows.map((r) => {
        const cell = r.cells.find((c) => c.variant === name);
        if (!cell) return '';
        const mark = cell.comparison ? ` ${MARK_SYMBOL[cell.comparison.mark]}` : '';
        return `${formatMetric(r.metric, cell.value)}${mark}`;
      }),
    ]);
  }
  return [
    table.toString(),
    `${MARK_SYMBOL.better} better  ${MARK_SYMBOL.worse} worse  ${MARK_SYMBOL.same} not distinguishable  ${MARK_SYMBOL.untested} not tested — paired with ${options.reference} by case, Holm-adjusted over ${options.family.size} comparisons at α = ${options.family.alpha.toFixed(2)}`,
    pareto.length ? `* Pareto front: ${pareto.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
