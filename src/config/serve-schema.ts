// The `serve:` section of eval/evalgate.yaml: request limits, the per-request timeout, the
// concurrency limit, bearer auth and the inference log. Every field has a default, so a config
// without the section serves with the documented contract (docs/serving.md).
import { z } from 'zod';

export const ServeSchema = z.strictObject({
  /** Enforced per request; when it fires the response is the fallback (needs_review, no answer). */
  timeout_ms: z.number().int().positive().default(10_000),
  /** Requests in flight at once; the next one gets 503 with Retry-After. */
  max_concurrency: z.number().int().min(1).max(10_000).default(64),
  body_limit_bytes: z.number().int().positive().default(1_048_576),
  max_input_chars: z.number().int().positive().default(8_000),
  /** Environment variable holding the bearer token; auth is on when it is set. */
  auth_token_env: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name')
    .default('EVALGATE_SERVE_TOKEN'),
  /**
   * Environment variable holding the key for the log's input hashes (HMAC-SHA-256). Set it in
   * production: an unkeyed SHA-256 of a short input can be reversed by hashing guesses.
   */
  input_hash_key_env: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name')
    .default('EVALGATE_INPUT_HASH_KEY'),
  /** Write the input text into the inference log (emails, phones and card numbers redacted). */
  log_inputs: z.boolean().default(false),
  log_max_bytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1_048_576),
  /** Rotated files kept beside the log (`inference.jsonl.1` is the newest). */
  log_max_files: z.number().int().min(1).max(100).default(5),
});

export type ServeConfig = z.output<typeof ServeSchema>;

/**
 * The section is optional in the config (absent, it leaves the config hash as it was, since
 * serving knobs do not change what an eval measures); this fills in the defaults.
 */
export function serveSettings(section: ServeConfig | undefined): ServeConfig {
  return section ?? ServeSchema.parse({});
}
