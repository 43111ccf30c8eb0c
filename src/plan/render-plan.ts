// The plan on the console: one row per suite × provider, the totals, the cases a target effect
// needs per gated metric, and what the estimate leaves out. Renders only; nothing is computed.
import { formatUsd } from '../reporters/format-value.js';
import { BATCH_PRICE_FACTOR } from '../providers/pricing.js';
import type { RunEstimateWithNotes } from './estimate-run.js';
import type { SampleSizePlan } from './sample-size-plan.js';
import { isInProcess, type RunEstimate } from './summarize-estimate.js';

export function renderPlan(estimate: RunEstimateWithNotes, sampleSize: SampleSizePlan | null): string {
  const lines: string[] = [];
  const rows = estimate.groups.map((g) => [
    `${g.suite} × ${g.provider}`,
    count(g.modelCalls),
    count(g.cachedCalls),
    count(g.inputTokens),
    count(g.outputTokens),
    g.modelCalls > g.cachedCalls ? g.outputSources.join(', ') : '—',
    g.unpricedCalls > 0 ? `${formatUsd(g.costUsd)} + ${g.unpricedCalls} unpriced` : formatUsd(g.costUsd),
    isInProcess(g.provider) ? 'in-process' : `${formatSeconds(g.latencyMs / 1000)} (${g.latencySource})`,
  ]);
  lines.push(
    table(
      [
        'suite × provider',
        'calls',
        'cached',
        'input tok',
        'output tok',
        'output from',
        'cost',
        'latency/call',
      ],
      rows,
      [false, true, true, true, true, false, true, false],
    ),
  );
  lines.push('', estimateLine(estimate));
  if (sampleSize && sampleSize.rows.length > 0) {
    lines.push(
      '',
      `Cases needed to catch a true drop of ${sampleSize.rows[0].target} with 80% power (${sampleSize.family} gated comparisons, one-sided level ${sampleSize.level.toPrecision(2)} each):`,
      table(
        ['suite × provider', 'metric', 'cases now', 'MDE now', 'cases needed', 'spread of differences'],
        sampleSize.rows.map((r) => [
          `${r.suite} × ${r.provider}`,
          r.metric,
          count(r.cases),
          r.mdeNow === null ? 'n/a' : r.mdeNow.toFixed(3),
          r.needed !== null ? count(r.needed) : whyNot(r.why, r.margin),
          `${r.sdDiff.toFixed(3)} (${r.source === 'paired-run' ? 'paired run' : 'baseline sd × √2, an upper bound'})`,
        ]),
        [false, false, true, true, true, false],
      ),
    );
  } else if (sampleSize) {
    lines.push('', 'No gated metric of these suites is in the baseline, so no sample size can be planned.');
  }
  if (estimate.notes.length > 0) lines.push('', ...estimate.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}

/** The one line eval prints before a paid run, and the plan's total. */
export function estimateLine(e: RunEstimate): string {
  const cost = `${formatUsd(e.costUsd)}${e.unpricedCalls > 0 ? ` + ${e.unpricedCalls} unpriced calls` : ''}`;
  const batch = e.batch ? ` (batch: ${Math.round((1 - BATCH_PRICE_FACTOR) * 100)}% off)` : '';
  const bound =
    e.time.boundBy === 'latency'
      ? `with concurrency ${e.concurrency}`
      : `bound by ${e.time.provider}'s ${e.time.boundBy} limit`;
  const remote = e.modelCalls - e.cachedCalls - e.inProcessCalls;
  const time =
    remote > 0
      ? `~${formatSeconds(e.seconds)} of model calls ${bound}`
      : e.inProcessCalls > 0
        ? 'no remote model call to time (in-process models only)'
        : 'no model call to wait for';
  return (
    `estimate: ${count(e.modelCalls)} model calls, ${count(e.cachedCalls)} cached; ` +
    `${count(e.inputTokens)} input + ${count(e.outputTokens)} output tokens; ` +
    `${cost}${batch}; ${time}`
  );
}

function whyNot(why: string | undefined, margin: number): string {
  if (why === 'margin') return `never (allowed drop ${margin} ≥ target)`;
  if (why === 'no-spread') return 'n/a (no spread)';
  return 'over 10⁹';
}

export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function table(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
