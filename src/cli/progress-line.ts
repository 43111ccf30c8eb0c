// A single self-overwriting progress line on a TTY; silent otherwise (CI logs stay clean).
import type { Progress } from '../pipeline/run-jobs.js';

export function createProgressLine(options: {
  stream: NodeJS.WriteStream;
  enabled: boolean;
  intervalMs?: number;
}): { update: (p: Progress) => void; done: () => void } {
  let last = 0;
  let shown = false;
  const interval = options.intervalMs ?? 100;
  const render = (p: Progress): void => {
    const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    options.stream.write(
      `\r  ${p.done}/${p.total} cases (${pct}%)  cached ${p.cached}  errors ${p.errors}   `,
    );
    shown = true;
  };
  return {
    update: (p) => {
      if (!options.enabled) return;
      const now = Date.now();
      if (now - last >= interval || p.done === p.total) {
        last = now;
        render(p);
      }
    },
    done: () => {
      if (shown) options.stream.write('\r\x1b[2K');
    },
  };
}
