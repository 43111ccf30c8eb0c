// Console table for `evalgate compare`: one row per suite × provider × metric with the paired
// difference, its interval, the p-value and the minimum detectable effect.
import Table from 'cli-table3';
import type { MetricComparison } from '../run/types.js';

export function renderComparisonTable(
  comparisons: readonly MetricComparison[],
  options: { confidence: number; color: boolean },
): string {
  if (comparisons.length === 0) return 'No metrics in common between the two runs.';
  const level = Math.round(options.confidence * 100);
  const table = new Table({
    head: ['suite', 'provider', 'metric', 'n', 'A', 'B', 'Δ (B − A)', `${level}% CI`, 'p (B worse)', 'MDE'],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
  });
  const f = (x: number | null, signed = false): string =>
    x === null ? 'n/a' : (signed && x >= 0 ? '+' : '') + x.toFixed(3);
  for (const c of comparisons) {
    const p = c.pValue;
    table.push([
      c.suite,
      c.provider,
      c.metric,
      String(c.n),
      f(c.baseline),
      f(c.candidate),
      f(c.delta, true),
      c.low === null ? 'n/a' : `${f(c.low, true)} … ${f(c.high, true)}`,
      p === null ? 'n/a' : p < 0.001 ? '<0.001' : p.toFixed(3),
      f(c.minimumDetectableEffect),
    ]);
  }
  const unmatched = comparisons.filter((c) => c.onlyInBaseline.length || c.onlyInCandidate.length);
  const notes = unmatched.length
    ? `\nCases present in only one run: ${[...new Set(unmatched.flatMap((c) => [...c.onlyInBaseline.map((id) => `A:${c.suite}/${id}`), ...c.onlyInCandidate.map((id) => `B:${c.suite}/${id}`)]))].slice(0, 20).join(', ')}`
    : '';
  return table.toString() + notes;
}
