// The holdout split of a sweep: per suite, a seeded share of the base cases (counterfactual
// variants stay with their base case) is held out. The sweep runs on the rest; `--confirm`
// runs the chosen variant and the reference on the held-out cases only, so the variant picked
// by looking at the sweep's numbers is judged on cases that played no part in picking it.
import { createRng, shuffled } from '../core/rng.js';

export interface HoldoutSplit {
  fraction: number;
  seed: number;
  /** suite → held-out base case ids, sorted. */
  cases: Record<string, string[]>;
}

export function splitHoldout(options: {
  /** suite → its base case ids. */
  suites: Readonly<Record<string, readonly string[]>>;
  fraction: number;
  seed: number;
}): HoldoutSplit {
  const { fraction, seed } = options;
  if (!(fraction > 0 && fraction < 1))
    throw new RangeError(`holdout fraction must be in (0, 1), got ${fraction}`);
  const cases: Record<string, string[]> = {};
  for (const suite of Object.keys(options.suites).sort()) {
    const ids = [...new Set(options.suites[suite])].sort();
    // At least one case on each side whenever the suite has two.
    const count =
      ids.length < 2 ? 0 : Math.min(ids.length - 1, Math.max(1, Math.round(fraction * ids.length)));
    cases[suite] = shuffled(ids, createRng(seed).fork(`holdout:${suite}`))
      .slice(0, count)
      .sort();
  }
  return { fraction, seed, cases };
}

/** `includeCase` for evaluate(): the sweep's side or the held-out side of the split. */
export function holdoutFilter(
  split: HoldoutSplit,
  side: 'sweep' | 'holdout',
): (suite: string, baseId: string) => boolean {
  const sets = new Map(Object.entries(split.cases).map(([s, ids]) => [s, new Set(ids)]));
  return (suite, baseId) => (sets.get(suite)?.has(baseId) ?? false) === (side === 'holdout');
}
