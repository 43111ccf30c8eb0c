// Turns whatever an SDK call threw into a ProviderError with a stable code, a retry verdict and
// the server's requested wait. The OpenAI and Anthropic SDKs share one error design, so both
// adapters pass their own classes in. Nothing of the SDK error (headers, body, cause) is kept:
// servers echo credentials back, so only a redacted message survives.
import { ProviderError } from '../core/errors.js';
import type { ProviderErrorFields } from '../core/errors.js';
import { redactSecrets } from './redact-secrets.js';
import { parseRetryAfter } from './retry-after.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface SdkErrorClasses {
  APIError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
}

export interface ToProviderErrorOptions {
  provider: string;
  classes: SdkErrorClasses;
  /** Removed from the message wherever they appear (the API key, at least). */
  secrets: readonly (string | undefined)[];
  /** Wall-clock now in ms, for `Retry-After` given as a date. */
  nowMs: number;
}

/** The structural part of an SDK APIError that we read. */
interface SdkApiError extends Error {
  status?: number;
  headers?: Headers;
  error?: unknown;
}

const MAX_MESSAGE_LENGTH = 500;

export function toProviderError(error: unknown, options: ToProviderErrorOptions): ProviderError {
  if (error instanceof ProviderError) return error;
  const { classes, provider } = options;
  const clean = (text: string): string => truncate(redactSecrets(text, options.secrets));
  const make = (fields: Omit<ProviderErrorFields, 'provider'>): ProviderError =>
    new ProviderError({ ...fields, provider, message: clean(fields.message) });

  if (error instanceof classes.APIConnectionTimeoutError) {
    return make({ code: 'PROVIDER_TIMEOUT', message: 'request timed out', isRetryable: true });
  }
  if (error instanceof classes.APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? describeCause(cause) : error.message;
    return make({ code: 'PROVIDER_NETWORK', message: `connection failed: ${detail}`, isRetryable: true });
  }
  if (error instanceof classes.APIError && typeof (error as SdkApiError).status === 'number') {
    const apiError = error as SdkApiError & { status: number };
    const status = apiError.status;
    const verdict = classifyStatus(status, apiError.headers?.get('x-should-retry') ?? null);
    const label = errorLabel(apiError.error);
    return make({
      code: verdict.code,
      statusCode: status,
      isRetryable: verdict.isRetryable,
      retryAfterMs: parseRetryAfter({ headers: apiError.headers, nowMs: options.nowMs }),
      message: `HTTP ${status}${label ? ` ${label}` : ''}: ${serverMessage(apiError)}`,
    });
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return make({ code: 'PROVIDER_BAD_RESPONSE', message, isRetryable: false });
}

/** Status → code and retry verdict, shared with the http provider (no SDK there). */
export function classifyStatus(
  status: number,
  shouldRetry: string | null,
): { code: ProviderErrorFields['code']; isRetryable: boolean } {
  if (status === 401 || status === 403) return { code: 'PROVIDER_AUTH', isRetryable: false };
  // The server's explicit verdict wins, as the SDKs themselves honour it.
  if (shouldRetry === 'true') return { code: 'PROVIDER_HTTP', isRetryable: true };
  if (shouldRetry === 'false') return { code: 'PROVIDER_HTTP', isRetryable: false };
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  return { code: 'PROVIDER_HTTP', isRetryable: retryable };
}

/** `rate_limit_exceeded` (OpenAI `code`), `rate_limit_error` (Anthropic `error.type`), … */
function errorLabel(body: unknown): string | undefined {
  const b = body as { code?: unknown; type?: unknown; error?: { type?: unknown } } | undefined;
  const label = b?.code ?? b?.error?.type ?? (b?.type !== 'error' ? b?.type : undefined);
  return typeof label === 'string' && /^[\w.-]{1,64}$/.test(label) ? label : undefined;
}

/** OpenAI's SDK keeps the inner `{ message }`, Anthropic's the whole `{ error: { message } }`. */
function serverMessage(error: SdkApiError & { status: number }): string {
  const body = error.error as { message?: unknown; error?: { message?: unknown } } | undefined;
  const message = body?.error?.message ?? body?.message;
  if (typeof message === 'string' && message) return message;
  return error.message.replace(new RegExp(`^${error.status}\\s*`), '') || 'no body';
}

function describeCause(cause: Error): string {
  const code = (cause as { code?: unknown }).code;
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const innerCode = (inner as { code?: unknown } | undefined)?.code;
  return [
    cause.message,
    typeof code === 'string' ? code : undefined,
    typeof innerCode === 'string' ? innerCode : inner?.message,
  ]
    .filter(Boolean)
    .join(' / ');
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}
