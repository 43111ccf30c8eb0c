// Run progress on stderr. On a TTY: one self-overwriting line with a bar, done/total, rate, ETA
// and the cost so far. Elsewhere (CI logs): a plain line every few seconds, and a last one at
// the end, so a long run shows signs of life without flooding the log. Rendering is a pure
// function of the progress, the elapsed time and the width (renderProgress); time comes from
// the injected clock.
import type { Clock } from '../core/clock.js';
import type { Progress } from '../pipeline/run-jobs.js';

export interface ProgressLineOptions {
  stream: Pick<NodeJS.WriteStream, 'write'> & { columns?: number };
  enabled: boolean;
  /** A terminal: redraw one line in place; otherwise print plain lines. */
  tty: boolean;
  clock: Pick<Clock, 'monotonic'>;
  /** Redraw interval on a TTY (default 100 ms). */
  intervalMs?: number;
  /** Interval between plain lines off a TTY (default 5 s). */
  plainIntervalMs?: number;
}

export interface ProgressLine {
  update(progress: Progress): void;
  done(): void;
}

const BAR_WIDTH = 24;

/** `45s`, `2m05s`, `1h03m`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Dollars with enough digits to move while a cheap run goes: $0.0042, $1.27, $312. */
export function formatUsd(usd: number): string {
  if (usd >= 100) return `$${usd.toFixed(0)}`;
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toFixed(4)}`;
}

export interface ProgressFigures {
  pct: number;
  /** Cases per second so far; null before any time has passed. */
  rate: number | null;
  /** Milliseconds left at that rate; null when unknown. */
  etaMs: number | null;
}

export function progressFigures(p: Progress, elapsedMs: number): ProgressFigures {
  const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
  const rate = elapsedMs > 0 && p.done > 0 ? p.done / (elapsedMs / 1000) : null;
  const etaMs = rate ? ((p.total - p.done) / rate) * 1000 : p.done === p.total ? 0 : null;
  return { pct, rate, etaMs };
}

/** The words shared by both forms: `120/2000 cases (6%) · 14.2/s · ETA 2m12s · $0.0123 · 4 cached · 1 error`. */
function parts(p: Progress, elapsedMs: number): string[] {
  const f = progressFigures(p, elapsedMs);
  const out = [`${p.done}/${p.total} cases (${f.pct}%)`];
  if (f.rate !== null) out.push(`${f.rate >= 10 ? f.rate.toFixed(0) : f.rate.toFixed(1)}/s`);
  if (p.done < p.total) out.push(f.etaMs === null ? 'ETA –' : `ETA ${formatDuration(f.etaMs)}`);
  else out.push(`took ${formatDuration(elapsedMs)}`);
  if (p.costUsd !== undefined) out.push(`${formatUsd(p.costUsd)} so far`);
  if (p.cached > 0) out.push(`${p.cached} cached`);
  if (p.errors > 0) out.push(`${p.errors} error${p.errors === 1 ? '' : 's'}`);
  return out;
}

/** One progress line: a bar for a terminal (cut to `columns`), plain words for a log. */
export function renderProgress(
  p: Progress,
  options: { elapsedMs: number; tty: boolean; columns?: number },
): string {
  if (!options.tty) return `evalgate: ${parts(p, options.elapsedMs).join(', ')}`;
  const filled = p.total > 0 ? Math.round((p.done / p.total) * BAR_WIDTH) : BAR_WIDTH;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const line = `  ${bar} ${parts(p, options.elapsedMs).join(' · ')}`;
  const columns = options.columns ?? 0;
  return columns > 1 && line.length >= columns ? line.slice(0, columns - 1) : line;
}

export function createProgressLine(options: ProgressLineOptions): ProgressLine {
  const { clock, stream, tty } = options;
  const started = clock.monotonic();
  const interval = tty ? (options.intervalMs ?? 100) : (options.plainIntervalMs ?? 5000);
  let last = started;
  let shown = false;
  let latest: Progress | null = null;

  const render = (p: Progress): string =>
    renderProgress(p, { elapsedMs: clock.monotonic() - started, tty, columns: stream.columns });

  return {
    update(p) {
      if (!options.enabled) return;
      latest = { ...p };
      const now = clock.monotonic();
      const finished = p.done === p.total;
      // Off a terminal the first line waits a full interval: a short run prints nothing.
      if (now - last < interval && !(tty && finished)) return;
      last = now;
      shown = true;
      stream.write(tty ? `\r${render(p)}\x1b[K` : `${render(p)}\n`);
    },
    done() {
      if (!shown) return;
      if (tty) stream.write('\r\x1b[2K');
      else if (latest) stream.write(`${render(latest)}\n`);
    },
  };
}
