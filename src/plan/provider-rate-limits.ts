// A provider's configured request and token limits (`rpm`, `tpm` on a provider entry), read
// tolerantly: the fields belong to the rate-limit work, and a config without them (or a build
// where the schema does not have them yet) simply has no limit to plan around.
import type { ProviderConfig } from '../config/schema.js';

export interface ProviderRateLimits {
  /** Requests per minute, when configured. */
  rpm?: number;
  /** Tokens (input + output) per minute, when configured. */
  tpm?: number;
}

export function providerRateLimits(provider: ProviderConfig): ProviderRateLimits {
  const raw = provider as ProviderConfig & { rpm?: unknown; tpm?: unknown };
  const out: ProviderRateLimits = {};
  if (isPositive(raw.rpm)) out.rpm = raw.rpm;
  if (isPositive(raw.tpm)) out.tpm = raw.tpm;
  return out;
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
