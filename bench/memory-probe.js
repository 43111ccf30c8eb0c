// Preloaded (`node --import`) into an eval child by bench/memory-breakdown.js only, never by the
// memory bench: every 200 ms (and at exit) it appends one JSON line to $EVALGATE_MEMORY_PROBE_FILE
// with process.memoryUsage() and V8's per-space sizes, so the breakdown can say which part of the
// resident set is V8's heap, which is array buffers, and which is neither.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';

const file = process.env.EVALGATE_MEMORY_PROBE_FILE;
if (file) {
  const sample = (tag) => {
    const m = process.memoryUsage();
    const spaces = {};
    for (const s of v8.getHeapSpaceStatistics())
      spaces[s.space_name] = { size: s.space_size, used: s.space_used_size, phys: s.physical_space_size };
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), tag, ...m, spaces })}\n`);
  };
  sample('start');
  setImmediate(() => sample('imports'));
  setInterval(() => sample('tick'), 200).unref();
  process.on('exit', () => sample('exit'));
}
