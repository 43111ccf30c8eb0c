// Reads a provider's rate-limit state from response headers, in either dialect:
//   OpenAI:    x-ratelimit-{limit,remaining,reset}-{requests,tokens}   (reset: `6m0s`)
//   Anthropic: anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}
//              (reset: RFC 3339). `tokens-*` is the most restrictive of Anthropic's token limits,
//              so it wins over `input-tokens-*` when both are sent.
import { parseResetMs } from './reset-duration.js';

export interface LimitState {
  limit?: number;
  remaining?: number;
  /** Milliseconds until the limit is fully replenished. */
  resetMs?: number;
}

export interface RateLimitHeaders {
  requests?: LimitState;
  tokens?: LimitState;
}

type HeaderSource = Pick<Headers, 'get'>;

function count(headers: HeaderSource, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function state(
  headers: HeaderSource,
  names: [string, string, string],
  nowMs: number,
): LimitState | undefined {
  const out: LimitState = {};
  const limit = count(headers, names[0]);
  const remaining = count(headers, names[1]);
  const resetMs = parseResetMs(headers.get(names[2]), nowMs);
  if (limit !== undefined) out.limit = limit;
  if (remaining !== undefined) out.remaining = remaining;
  if (resetMs !== undefined) out.resetMs = resetMs;
  return Object.keys(out).length > 0 ? out : undefined;
}

const openai = (kind: string): [string, string, string] => [
  `x-ratelimit-limit-${kind}`,
  `x-ratelimit-remaining-${kind}`,
  `x-ratelimit-reset-${kind}`,
];
const anthropic = (kind: string): [string, string, string] => [
  `anthropic-ratelimit-${kind}-limit`,
  `anthropic-ratelimit-${kind}-remaining`,
  `anthropic-ratelimit-${kind}-reset`,
];

/** The request and token limits the headers describe; empty when the server sent none. */
export function readRateLimitHeaders(headers: HeaderSource | undefined, nowMs: number): RateLimitHeaders {
  if (!headers) return {};
  const out: RateLimitHeaders = {};
  const requests = state(headers, openai('requests'), nowMs) ?? state(headers, anthropic('requests'), nowMs);
  const tokens =
    state(headers, openai('tokens'), nowMs) ??
    state(headers, anthropic('tokens'), nowMs) ??
    state(headers, anthropic('input-tokens'), nowMs);
  if (requests) out.requests = requests;
  if (tokens) out.tokens = tokens;
  return out;
}
