// Scripted failures for the fake servers: a queue consumed one per request, front first,
// before any normal reply. Each protocol supplies its own error body shape.
import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';

export type FakeFailure =
  | {
      status: number;
      /** Sent as `Retry-After` verbatim: seconds (`'1'`) or an HTTP date. */
      retryAfter?: string;
      /** Sent as `retry-after-ms`. */
      retryAfterMs?: number;
      message?: string;
      /** Put the request's credentials into the error message, as a careless server might. */
      echoCredentials?: boolean;
      headers?: Record<string, string>;
    }
  | {
      /** Answer normally, but only after this long (longer than the client timeout = a hang). */
      hangMs: number;
    }
  | {
      /** Drop the connection without answering (the client sees ECONNRESET / socket hang up). */
      reset: true;
    }
  | {
      /** Answer 200 with this body verbatim, e.g. JSON cut off halfway. */
      malformed: string;
    };

export type ErrorBodyFactory = (status: number, message: string) => unknown;

/** Turns a queued failure into an error response, or (for a hang) into the extra delay of a normal answer. */
export function failureResponse(
  failure: FakeFailure,
  request: RecordedRequest,
  errorBody: ErrorBodyFactory,
): FakeHttpResponse | { delayMs: number } {
  if ('hangMs' in failure) return { delayMs: failure.hangMs };
  if ('reset' in failure) return { status: 0, reset: true };
  if ('malformed' in failure) return { status: 200, body: failure.malformed };
  const headers: Record<string, string> = { ...failure.headers };
  if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
  if (failure.retryAfterMs !== undefined) headers['retry-after-ms'] = String(failure.retryAfterMs);
  let message = failure.message ?? `fake failure ${failure.status}`;
  if (failure.echoCredentials) {
    const credentials = request.headers.authorization ?? request.headers['x-api-key'] ?? '';
    message += ` (credentials received: ${String(credentials)})`;
  }
  return { status: failure.status, headers, body: errorBody(failure.status, message) };
}
