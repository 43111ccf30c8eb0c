// Seeded normal draws for the simulation tests (Box–Muller on the shared rng).

import type { Rng } from '../../core/rng.js';

export function gaussian(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng.next(); // (0, 1], so the log is finite
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function gaussianSample(rng: Rng, n: number, mean = 0, sd = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = gaussian(rng, mean, sd);
  return out;
}
