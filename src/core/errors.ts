// Typed errors with stable codes. The CLI maps them to exit codes and one-line messages;
// nothing here ever carries an API key (messages are built from user input and status codes).

export type ExitCode = 0 | 1 | 2 | 3;

export abstract class EvalgateError extends Error {
  abstract readonly exitCode: ExitCode;
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

export interface InputErrorFields {
  code: string;
  file?: string;
  line?: number;
  field?: string;
  message: string;
}

/** Bad user input: config, prompt, case or CLI usage. Exit 2, one line. */
export class InputError extends EvalgateError {
  readonly exitCode = 2 as const;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly detail: string;
  constructor(fields: InputErrorFields) {
    super(fields.code, formatLocation(fields) + fields.message);
    this.file = fields.file;
    this.line = fields.line;
    this.field = fields.field;
    this.detail = fields.message;
  }
}

/** `file:line: field: ` prefix; each part only when known. */
function formatLocation(fields: InputErrorFields): string {
  let where = fields.file ?? '';
  if (fields.file && fields.line !== undefined) where += `:${fields.line}`;
  const parts = [where, fields.field].filter((p): p is string => Boolean(p));
  return parts.length ? `${parts.join(': ')}: ` : '';
}

export interface ProviderErrorFields {
  code:
    | 'PROVIDER_HTTP'
    | 'PROVIDER_TIMEOUT'
    | 'PROVIDER_NETWORK'
    | 'PROVIDER_AUTH'
    | 'PROVIDER_BAD_RESPONSE'
    | 'PROVIDER_BAD_REQUEST';
  provider: string;
  message: string;
  statusCode?: number;
  isRetryable: boolean;
  /** Server-requested wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
}

/** A model call failed. Retried when `isRetryable`; after the last retry the case records it. */
export class ProviderError extends EvalgateError {
  readonly exitCode = 3 as const;
  readonly provider: string;
  readonly statusCode?: number;
  readonly isRetryable: boolean;
  readonly retryAfterMs?: number;
  /** Set by the retry decorator when it gives up: attempts made, including the first. */
  attempts?: number;
  constructor(fields: ProviderErrorFields) {
    super(fields.code, `${fields.provider}: ${fields.message}`);
    this.provider = fields.provider;
    this.statusCode = fields.statusCode;
    this.isRetryable = fields.isRetryable;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/** Something that should not happen, or a run-level failure (exit 3). */
export class RuntimeFailure extends EvalgateError {
  readonly exitCode = 3 as const;
  constructor(code: string, message: string) {
    super(code, message);
  }
}
