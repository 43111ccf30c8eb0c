// The deterministic assertion types, as pure checks of one answer (and its latency and cost).
// `pass: null` means "not assessed" — no answer, no latency, an unknown cost — never a pass.
import { isDeepStrictEqual } from 'node:util';
import type { Assertion } from './assertion-schema.js';
import { toRegExp } from './assertion-schema.js';
import { parseJsonOutput, schemaViolation } from './json-output.js';

export interface AssertionVerdict {
  pass: boolean | null;
  /** Why it failed or was not assessed. */
  reason?: string;
}

export interface AssertionSubject {
  /** null when the provider failed. */
  output: string | null;
  latencyMs: number | null;
  costUsd: number | null;
}

const pass = (ok: boolean, reason: string): AssertionVerdict =>
  ok ? { pass: true } : { pass: false, reason };

export function checkAssertion(a: Assertion, subject: AssertionSubject): AssertionVerdict {
  if (a.type === 'latency-ms') {
    if (subject.latencyMs === null) return { pass: null, reason: 'latency unknown' };
    return pass(subject.latencyMs <= (a.value as number), `${subject.latencyMs} ms > ${a.value} ms`);
  }
  if (a.type === 'cost-usd') {
    if (subject.costUsd === null) return { pass: null, reason: 'cost unknown (no price for this model)' };
    return pass(subject.costUsd <= (a.value as number), `$${subject.costUsd} > $${a.value}`);
  }
  const output = subject.output;
  if (output === null) return { pass: null, reason: 'no output' };
  const value = a.value as string;
  switch (a.type) {
    case 'contains':
      return pass(output.includes(value), `does not contain ${JSON.stringify(value)}`);
    case 'icontains':
      return pass(
        output.toLowerCase().includes(value.toLowerCase()),
        `does not contain ${JSON.stringify(value)} (any case)`,
      );
    case 'not-contains':
      return pass(!output.includes(value), `contains ${JSON.stringify(value)}`);
    case 'starts-with':
      return pass(output.trimStart().startsWith(value), `does not start with ${JSON.stringify(value)}`);
    case 'regex':
      return pass(toRegExp(value).test(output), `does not match ${value}`);
    case 'equals': {
      if (typeof a.value === 'string')
        return pass(output.trim() === a.value.trim(), `is not ${JSON.stringify(a.value)}`);
      // A structured expected value compares with the answer parsed as JSON.
      const parsed = parseJsonOutput(output);
      if (!parsed.ok) return { pass: false, reason: parsed.error };
      return pass(
        isDeepStrictEqual(parsed.value, a.value),
        `JSON differs from ${JSON.stringify(a.value).slice(0, 80)}`,
      );
    }
    case 'is-json': {
      const parsed = parseJsonOutput(output);
      return parsed.ok ? { pass: true } : { pass: false, reason: parsed.error };
    }
    case 'json-schema': {
      const parsed = parseJsonOutput(output);
      if (!parsed.ok) return { pass: false, reason: parsed.error };
      const violation = schemaViolation(a.value as object, parsed.value);
      return violation === undefined ? { pass: true } : { pass: false, reason: violation };
    }
    default:
      throw new Error(`${a.type} is not a deterministic assertion`);
  }
}
