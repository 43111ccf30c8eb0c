// A sweep's variants: the reference (the config as it is), every point of the grid (the
// cartesian product of the `sweep:` axes, in the order written), then the named variants.
import { lastField } from './config-path.js';
import type { SweepSpec } from './sweep-spec.js';

export const REFERENCE = 'reference';

export interface SweepVariant {
  /** Unique within the sweep, usable on the command line (`--variant`). */
  name: string;
  /** Config path → value; empty for the reference. */
  set: Record<string, unknown>;
  origin: 'reference' | 'grid' | 'named';
}

export function expandVariants(spec: SweepSpec): SweepVariant[] {
  const variants: SweepVariant[] = [{ name: REFERENCE, set: {}, origin: 'reference' }];
  if (spec.grid.length > 0) {
    const labels = axisLabels(spec.grid.map((a) => a.path));
    let points: Record<string, unknown>[] = [{}];
    for (const axis of spec.grid)
      points = points.flatMap((point) => axis.values.map((value) => ({ ...point, [axis.path]: value })));
    for (const set of points)
      variants.push({
        name: spec.grid.map((a, i) => `${labels[i]}=${formatValue(set[a.path])}`).join(','),
        set,
        origin: 'grid',
      });
  }
  for (const v of spec.variants) variants.push({ name: v.name, set: v.set, origin: 'named' });
  const seen = new Set<string>();
  for (const v of variants) {
    // A named variant may not shadow a grid point's name: `--variant` must pick one run.
    if (seen.has(v.name)) v.name = `${v.name}#${v.origin}`;
    seen.add(v.name);
  }
  return variants;
}

/** Short labels (`size`, `k`) unless two axes end in the same field, then the full path. */
function axisLabels(paths: string[]): string[] {
  const short = paths.map(lastField);
  return short.map((s, i) => (short.indexOf(s) === short.lastIndexOf(s) ? s : paths[i]));
}

export function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
