// Loads hnswlib-node, the optional native HNSW addon. It compiles with node-gyp at install, so on a
// machine without a C++ toolchain it is absent; callers then fall back to exact search and say so.
// The loader is a parameter (not a bare require) so tests can simulate the missing module.
import { createRequire } from 'node:module';
import type { HnswlibModule } from './hnswlib-types.js';

export type { HnswlibModule } from './hnswlib-types.js';

/** Returns the addon or throws (not installed, failed to build, wrong ABI). */
export type HnswlibLoader = () => HnswlibModule;

let addon: HnswlibModule | undefined;

export const requireHnswlib: HnswlibLoader = () => {
  addon ??= createRequire(import.meta.url)('hnswlib-node') as HnswlibModule;
  return addon;
};

export type HnswlibProbe = { ok: true; module: HnswlibModule } | { ok: false; reason: string };

export function probeHnswlib(loader: HnswlibLoader = requireHnswlib): HnswlibProbe {
  try {
    return { ok: true, module: loader() };
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    return { ok: false, reason: first };
  }
}

/** The one note a run prints when it wanted HNSW but could not load the addon. */
export function hnswFallbackNote(reason: string): string {
  return (
    `hnswlib-node could not be loaded (${reason}); using exact vector search instead: ` +
    'same results, slower on large corpora. Install a C++ toolchain and run npm install to get HNSW.'
  );
}
