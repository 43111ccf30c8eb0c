// The console view of a sweep: one line for the plan before it starts, and the results matrix
// (variants × metrics, each value with its mark against the reference) when it ends.
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
  const rows = sweep.rows;
  const providers = new Set(rows.map((r) => r.provider));
  const header = (r: SweepRow): string =>
    `${r.suite}${providers.size > 1 ? ` ${r.provider}` : ''}\n${r.metric}`;
  const table = new Table({
    head: ['variant', ...rows.map(header)],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
  });
  for (const v of sweep.variants) {
    const name = `${sweep.pareto.includes(v.name) ? '* ' : '  '}${v.name}`;
    table.push([
      name,
      ...rows.map((r) => {
        const cell = r.cells.find((c) => c.variant === v.name);
        if (!cell) return '';
        const mark = cell.comparison ? ` ${MARK_SYMBOL[cell.comparison.mark]}` : '';
        return `${formatMetric(r.metric, cell.value)}${mark}`;
      }),
    ]);
  }
  const builds = sweep.variants.filter((v) => v.index && !v.index.reused).length;
  const requests = sweep.variants.reduce((n, v) => n + v.counts.requests, 0);
  const cached = sweep.variants.reduce((n, v) => n + v.counts.cached, 0);
  return [
    table.toString(),
    `${MARK_SYMBOL.better} better  ${MARK_SYMBOL.worse} worse  ${MARK_SYMBOL.same} not distinguishable  ${MARK_SYMBOL.untested} not tested — paired with the reference by case, Holm-adjusted over ${sweep.family.size} comparisons at α = ${sweep.family.alpha.toFixed(2)}`,
    sweep.pareto.length ? `* Pareto front: ${sweep.pareto.join(', ')}` : '',
    `index builds: ${builds}; model calls made: ${requests}, from the cache: ${cached}`,
  ]
    .filter(Boolean)
    .join('\n');
}
