// Full garbage collections at a few phase boundaries of a long run (issue 12, constant-memory
// runs): after the cases, between the statistics' sub-steps, and between the reporters' passes
// over results.jsonl. Why: each of those phases allocates hundreds of MB that die at its end,
// and V8 lets the old generation fill with it before it collects (measured at 100,000 cases:
// 30–45 MB live, 110+ MB in use at the end of the statistics). A collection where a phase ends
// starts the next one from its live heap instead of on top of the last one's garbage.
//
// Never per case: a handful of calls per run, each costing one full collection of a 30–60 MB
// heap (tens of ms). The CLI installs the collector for `eval` and `gate` (V8's gc function is
// obtained with --expose-gc set at run time, in a fresh context); everywhere else (library use,
// tests, EVALGATE_HEAP_TUNING=off, a V8 that refuses) `collectAtPhaseBoundary` does nothing, and
// no output depends on whether it ran.

export interface PhaseCollectionContext {
  /** process.env.EVALGATE_HEAP_TUNING ('off' disables it, like the heap flags). */
  setting: string | undefined;
  /** v8.setFlagsFromString. */
  setFlags: (flags: string) => void;
  /** Evaluates code in a new V8 context (vm.runInNewContext): how the gc function is obtained. */
  evaluateInNewContext: (code: string) => unknown;
}

let collector: (() => void) | null = null;
let collections = 0;

/** Installs the collector; returns whether one is now active. */
export function installPhaseCollection(context: PhaseCollectionContext): boolean {
  if (context.setting?.trim().toLowerCase() === 'off') return false;
  try {
    context.setFlags('--expose-gc');
    const gc = context.evaluateInNewContext('gc');
    collector = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collector = null;
  }
  return collector !== null;
}

/** One full collection, when installed; a no-op otherwise. `_phase` names the call site. */
export function collectAtPhaseBoundary(_phase: string): void {
  if (!collector) return;
  collections++;
  collector();
}

/** How many collections ran since start (for tests and the memory probe). */
export function phaseCollections(): number {
  return collections;
}

/** Removes the collector (tests). */
export function uninstallPhaseCollection(): void {
  collector = null;
}
