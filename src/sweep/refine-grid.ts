// Coarse to fine: from a finished sweep, the variant with the most "significantly better" and
// fewest "significantly worse" marks (ties: the first metric's value) marks the best region;
// each numeric axis gets the best value and the midpoints to its neighbours (half a step
// outward at the edge of the grid), and every other axis is fixed at the best value. The result
// is a sweep file for the user to read and run; nothing is run here.
import { stringify } from 'yaml';
import { REFERENCE } from './expand-variants.js';
import type { SweepRecord } from './sweep-record.js';

export interface RefinedGrid {
  /** The variant the finer grid is centred on. */
  around: string;
  grid: Record<string, unknown[]>;
  /** A sweep file (YAML) for `evalgate sweep --file`. */
  yaml: string;
}

export function refineGrid(sweep: SweepRecord): RefinedGrid {
  const around = bestVariant(sweep);
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
  return { around, grid, yaml: `# Finer grid around ${around} (from sweep ${sweep.id})\n${yaml}` };
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

function bestVariant(sweep: SweepRecord): string {
  const score = new Map<string, { better: number; worse: number; first: number }>();
  for (const v of sweep.variants) score.set(v.name, { better: 0, worse: 0, first: Number.NEGATIVE_INFINITY });
  sweep.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const s = score.get(cell.variant);
      if (!s) continue;
      if (cell.comparison?.mark === 'better') s.better++;
      if (cell.comparison?.mark === 'worse') s.worse++;
      if (r === 0 && cell.value !== null) s.first = row.higherIsBetter ? cell.value : -cell.value;
    }
  });
  // Only variants significantly worse on nothing qualify; the reference always does.
  const candidates = sweep.variants.filter((v) => score.get(v.name)!.worse === 0);
  candidates.sort((a, b) => {
    const x = score.get(a.name)!;
    const y = score.get(b.name)!;
    return y.better - x.better || y.first - x.first;
  });
  return candidates[0]?.name ?? REFERENCE;
}
