// V8 heap settings for long eval runs (issue 12, constant-memory runs), applied by the CLI to its
// own process at the start of `evalgate eval`. Why: a run keeps 40-60 MB of live heap at any case
// count, but with V8's defaults the old generation grows to about four times what survived the
// last full collection before it collects again (V8's "high" growing factor, used whenever the
// heap limit is >= 2 GB). Measured with bench/memory-breakdown.js, that slack, not data, was most
// of the peak resident set. V8 reads the flag at every full collection, so
// `v8.setFlagsFromString` after start-up takes effect (unlike `--max-old-space-size`, which V8
// reads once when it sizes the heap): no re-exec, nothing for the user to pass.
//   --heap-growing-percent=50     after a full collection, the next one starts at 1.5 x live
// A smaller young generation (`--semi-space-growth-factor=1`) was tried and dropped: V8 refuses
// values below 2 at start-up and resets the flag whenever a worker thread starts (the HNSW
// builder and search thread), so setting it later relied on V8 not checking, and it cost up to
// 3.5x CPU on allocation-heavy phases. A flag the user set (command line or NODE_OPTIONS) is left
// as they set it, and EVALGATE_HEAP_TUNING=off turns the tuning off.

export const HEAP_TUNING_FLAGS: readonly HeapFlag[] = [
  { flag: '--heap-growing-percent=50', userFlags: ['--heap-growing-percent'] },
];

export interface HeapFlag {
  /** The flag as passed to V8. */
  flag: string;
  /** Any of these set by the user (with `-` or `_`) leaves the flag out. */
  userFlags: readonly string[];
}

export interface HeapTuningContext {
  /** process.execArgv: node's own command-line flags. */
  execArgv: readonly string[];
  /** process.env.NODE_OPTIONS. */
  nodeOptions: string | undefined;
  /** process.env.EVALGATE_HEAP_TUNING ('off' disables the tuning). */
  setting: string | undefined;
  /** v8.setFlagsFromString. */
  setFlags: (flags: string) => void;
}

export interface HeapTuningOutcome {
  applied: string[];
  /** Flags left out because the user set them (or all of them, when turned off). */
  left: string[];
}

export function tuneHeapForRuns(context: HeapTuningContext): HeapTuningOutcome {
  if (context.setting?.trim().toLowerCase() === 'off')
    return { applied: [], left: HEAP_TUNING_FLAGS.map((f) => f.flag) };
  const userSet = userFlagNames([...context.execArgv, ...splitOptions(context.nodeOptions)]);
  const applied: string[] = [];
  const left: string[] = [];
  for (const { flag, userFlags } of HEAP_TUNING_FLAGS) {
    if (userFlags.some((name) => userSet.has(normalize(name)))) left.push(flag);
    else applied.push(flag);
  }
  if (applied.length > 0) context.setFlags(applied.join(' '));
  return { applied, left };
}

/** `--Max_Semi-Space-Size=4` → `--max-semi-space-size` (V8 treats `_` and `-` alike). */
function normalize(arg: string): string {
  return arg.split('=')[0].replace(/_/g, '-').toLowerCase();
}

function userFlagNames(args: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const arg of args) if (arg.startsWith('--')) names.add(normalize(arg));
  return names;
}

/** NODE_OPTIONS is space-separated; quoted values do not matter here (only flag names are read). */
function splitOptions(options: string | undefined): string[] {
  return (options ?? '').split(/\s+/).filter(Boolean);
}
