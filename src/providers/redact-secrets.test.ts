import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('removes given secrets wherever they appear', () => {
    expect(redactSecrets('key=abcd1234 and again abcd1234', ['abcd1234'])).toBe(
      'key=[redacted] and again [redacted]',
    );
  });

  it('removes key-shaped text, bearer tokens and URL credentials even when not given', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-AbC123xyz_789')).toBe(
      'Incorrect API key provided: [redacted]',
    );
    expect(redactSecrets('got Authorization: Bearer eyJhbGciOi.x-y_z')).toBe(
      'got Authorization: Bearer [redacted]',
    );
    expect(redactSecrets('GET http://user:pa55@host/v1 failed')).toBe('GET http://[redacted]@host/v1 failed');
  });

  it('leaves ordinary text and very short "secrets" alone', () => {
    expect(redactSecrets('HTTP 429 rate_limit_exceeded: slow down', ['a'])).toBe(
      'HTTP 429 rate_limit_exceeded: slow down',
    );
  });
});
