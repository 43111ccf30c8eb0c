// How the inference log identifies an input without storing it. A plain SHA-256 of a short
// input ("cancel my order") can be reversed by hashing guesses, so when the key variable named
// by `serve.input_hash_key_env` is set, the hash is an HMAC-SHA-256 under that key, written as
// `hmac-sha256:<hex>`; without it the plain digest is written (and docs/serving.md says what
// that exposes). Feedback matching (`monitor --feedback`) hashes with the same key.
import { createHmac } from 'node:crypto';
import { sha256 } from '../core/hash.js';

export const KEYED_PREFIX = 'hmac-sha256:';

export type InputHasher = (text: string) => string;

export function createInputHasher(key: string | undefined): InputHasher {
  if (!key) return (text) => sha256(text);
  return (text) => KEYED_PREFIX + createHmac('sha256', key).update(text).digest('hex');
}

/** The key from the environment variable the config names; empty counts as unset. */
export function inputHashKey(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
): string | undefined {
  return env[variable] || undefined;
}
