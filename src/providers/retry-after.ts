// Reads how long a server asked us to wait before retrying, from `retry-after-ms` (a de-facto
// header OpenAI and Anthropic send) or the standard `Retry-After` (seconds or an HTTP date).

export interface RetryAfterInput {
  headers: Pick<Headers, 'get'> | undefined;
  /** Wall-clock now in ms, to turn an HTTP date into a wait. */
  nowMs: number;
}

/** The requested wait in milliseconds (never negative), or `undefined` when none was sent or it is unreadable. */
export function parseRetryAfter({ headers, nowMs }: RetryAfterInput): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value)) return Math.max(0, value);
  }
  const header = headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Math.max(0, Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
