// Reads the "when is the limit replenished" values providers send: OpenAI's Go-style durations
// (`6m0s`, `1s`, `20ms`, `1h2m3.5s`) and Anthropic's RFC 3339 instants (`2026-01-01T00:00:30Z`).

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 1e-6,
};
const PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;

/** Milliseconds in a Go-style duration such as `6m0s` or `20ms`; `undefined` when unreadable. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  // A bare number is seconds, as in Retry-After.
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < value.length) {
    const start = PART.lastIndex;
    const match = PART.exec(value);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return total;
}

/**
 * Milliseconds from `nowMs` until the moment a reset header names: a duration (OpenAI) or an
 * RFC 3339 instant (Anthropic). Never negative; `undefined` when absent or unreadable.
 */
export function parseResetMs(text: string | null | undefined, nowMs: number): number | undefined {
  if (text === null || text === undefined) return undefined;
  const duration = parseDuration(text);
  if (duration !== undefined) return duration;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text.trim())) return undefined;
  const at = Date.parse(text.trim());
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
