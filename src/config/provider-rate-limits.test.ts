// The provider fields `rpm` and `tpm` (docs/rate-limits.md): optional, positive, and a bad
// value is one line naming the file, line and field.
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseConfig } from './load-config.js';

const config = (provider: string) => `name: demo
providers:
  - id: openai/gpt-4o-mini
${provider}suites:
  - name: intent
    task: classify
    prompt: intent@v1
    cases: test_cases/intent.jsonl
    labels: [a, b]
`;

function parse(text: string) {
  return parseConfig({ text, file: 'eval/evalgate.yaml', env: {} }).config;
}

describe('provider rpm and tpm', () => {
  it('are optional and read as numbers', () => {
    expect(parse(config('')).providers[0]).not.toHaveProperty('rpm');
    expect(parse(config('    rpm: 500\n    tpm: 200000\n')).providers[0]).toMatchObject({
      rpm: 500,
      tpm: 200_000,
    });
    // Below one a minute is allowed: a free tier's 0.5 rpm is still a limit.
    expect(parse(config('    rpm: 0.5\n')).providers[0]).toMatchObject({ rpm: 0.5 });
  });

  it('refuse zero, negatives and text with the line and field', () => {
    for (const [value, field] of [
      ['rpm: 0', 'rpm'],
      ['tpm: -5', 'tpm'],
      ['rpm: lots', 'rpm'],
    ]) {
      let error: unknown;
      try {
        parse(config(`    ${value}\n`));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(
        new RegExp(`^eval/evalgate\\.yaml:4: providers\\.0\\.${field}: `),
      );
      expect((error as InputError).exitCode).toBe(2);
    }
  });
});
