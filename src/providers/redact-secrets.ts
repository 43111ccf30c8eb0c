// Scrubs secrets out of text that came from elsewhere (server error bodies, SDK messages)
// before it goes into an error message, a log or a report. Servers do echo keys back.
import { redactSecrets as redactEnvSecrets } from '../core/redact.js';

const KEY_PATTERNS: RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
  // OpenAI (`sk-…`, `sk-proj-…`) and Anthropic (`sk-ant-…`) key shapes.
  /\bsk-[A-Za-z0-9_-]{8,}/g,
  // Credentials embedded in a URL: scheme://user:password@host
  /(?<=:\/\/)[^/\s:@]+:[^/\s@]+(?=@)/g,
];

export const REDACTED = '[redacted]';

/** Replaces every known secret and anything shaped like an API key. Secrets shorter than 4 characters are ignored. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of KEY_PATTERNS)
    out = out.replace(pattern, (_match, scheme?: string) =>
      typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED,
    );
  return out;
}

/**
 * An error's first line for a note: the environment's secret values and anything shaped like a
 * key or a URL credential scrubbed (a driver's or client's message may echo them).
 */
export function safeFirstLine(
  error: unknown,
  env: Readonly<Record<string, string | undefined>> = {},
): string {
  let text: string;
  try {
    text = String((error as Error)?.message ?? error);
  } catch {
    // Something thrown that cannot become a string (no prototype, a throwing getter): the note
    // must not throw in its turn, which would replace the error it reports on.
    text = 'an error that cannot be printed';
  }
  return redactSecrets(redactEnvSecrets(text.split('\n')[0], env));
}
