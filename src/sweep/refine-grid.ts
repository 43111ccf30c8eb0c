// Coarse to fine: from a finished sweep, the variant with the most "significantly better" marks
// on quality metrics and no "significantly worse" one (ties: the first quality metric's value)
// marks the best region;
// each numeric axis gets the best value and the midpoints to its neighbours (half a step
// outward at the edge of the grid), and every other axis is fixed at the best value. The result
// is a sweep file for the user to read and run; nothing is run here.
import { stringify } from 'yaml';
import { describeMetric } from '../metrics/metric-catalog.js';
import { REFERENCE } from './expand-variants.js';
import type { SweepRecord } from './sweep-record.js';

export interface RefinedGrid {
  /** The variant the finer grid is centred on, and why that one. */
  around: string;
  reason: string;
  grid: Record<string, unknown[]>;
  /** A sweep file (YAML) for `evalgate sweep --file`. */
  yaml: string;
}

export function refineGrid(sweep: SweepRecord): RefinedGrid {
  const { name: around, reason } = bestVariant(sweep);
  const variant = sweep.variants.find((v) => v.name === around)!;
  const grid: Record<string, unknown[]> = {};
  for (const axis of sweep.grid) {
    const chosen = around === REFERENCE ? sweep.referenceValues?.[axis.path] : variant.set[axis.path];
    const numbers = axis.values.filter((v): v is number => typeof v === 'number');
    if (numbers.length === axis.values.length && typeof chosen === 'number' && numbers.length > 1) {
      grid[axis.path] = finerValues(numbers, chosen);
    } else {
      grid[axis.path] = [chosen ?? axis.values[0]];
    }
  }
  // One axis per line, values in flow style: `rag.chunking.size: [190, 220, 250]`.
  const yaml = `sweep:\n${Object.entries(grid)
    .map(([p, values]) => `  ${p}: ${stringify(values, { collectionStyle: 'flow' }).trim()}`)
    .join('\n')}\n`;
  return {
    around,
    reason,
    grid,
    yaml: `# Finer grid around ${around} (from sweep ${sweep.id}): ${reason}\n${yaml}`,
  };
}

export function finerValues(values: readonly number[], best: number): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const integers = sorted.every(Number.isInteger) && Number.isInteger(best);
  const i = sorted.indexOf(best);
  const below = i > 0 ? sorted[i - 1] : null;
  const above = i >= 0 && i < sorted.length - 1 ? sorted[i + 1] : null;
  const gap = (above ?? best) - (below ?? best) || Math.abs(best) || 1;
  const lower = below !== null ? (below + best) / 2 : best - gap / 2;
  const upper = above !== null ? (best + above) / 2 : best + gap / 2;
  const round = (x: number): number => (integers ? Math.round(x) : Number(x.toPrecision(6)));
  const out = [round(lower), best, round(upper)].filter((x) => !integers || x > 0 || best <= 0);
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Quality first: the most significant gains on quality metrics without a significant loss on
 * one, then the first quality metric's point estimate, then cost and latency marks (those
 * compare runs made at different moments, so they only break ties).
 */
function bestVariant(sweep: SweepRecord): { name: string; reason: string } {
  const isOperations = (metric: string) => describeMetric(metric).family === 'operations';
  // A metric the variants scored under different definitions (another hallucination_threshold)
  // ranks nothing: its values are on different scales.
  const quality = sweep.rows.filter((r) => !isOperations(r.metric) && !r.definitionsDiffer);
  const firstQuality = quality[0];
  const score = new Map<string, { better: number; worse: number; first: number; operations: number }>();
  for (const v of sweep.variants)
    score.set(v.name, { better: 0, worse: 0, first: Number.NEGATIVE_INFINITY, operations: 0 });
  for (const row of sweep.rows)
    for (const cell of row.cells) {
      const s = score.get(cell.variant);
      if (!s) continue;
      const mark = cell.comparison?.mark;
      if (isOperations(row.metric)) s.operations += mark === 'better' ? 1 : mark === 'worse' ? -1 : 0;
      else if (mark === 'better') s.better++;
      else if (mark === 'worse') s.worse++;
      if (row === firstQuality && cell.value !== null)
        s.first = row.higherIsBetter ? cell.value : -cell.value;
    }
  // The reference always qualifies: it cannot be worse than itself.
  const candidates = sweep.variants.filter((v) => score.get(v.name)!.worse === 0);
  candidates.sort((a, b) => {
    const x = score.get(a.name)!;
    const y = score.get(b.name)!;
    return y.better - x.better || y.first - x.first || y.operations - x.operations;
  });
  const best = candidates[0]?.name ?? REFERENCE;
  const s = score.get(best)!;
  const reason =
    s.better > 0
      ? `significantly better than the reference on ${s.better} quality metric(s), worse on none`
      : `no variant was significantly better on a quality metric; the highest point estimate of ${firstQuality?.metric ?? 'the first metric'} without a significant loss`;
  return { name: best, reason };
}
