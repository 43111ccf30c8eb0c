import { describe, expect, it } from 'vitest';
import { AssertionSchema, assertionProblem, type Assertion } from './assertion-schema.js';
import { checkAssertion } from './check-assertion.js';

const a = (type: string, value?: unknown): Assertion => AssertionSchema.parse({ type, value });
const on = (output: string | null, extra: { latencyMs?: number | null; costUsd?: number | null } = {}) => ({
  output,
  latencyMs: extra.latencyMs ?? null,
  costUsd: extra.costUsd ?? null,
});
const verdict = (assertion: Assertion, output: string | null, extra = {}) =>
  checkAssertion(assertion, on(output, extra)).pass;

describe('deterministic assertions: each flips on the case that should flip it', () => {
  it('text checks', () => {
    expect(verdict(a('contains', 'refund'), 'A refund is due.')).toBe(true);
    expect(verdict(a('contains', 'refund'), 'A Refund is due.')).toBe(false);
    expect(verdict(a('icontains', 'refund'), 'A REFUND is due.')).toBe(true);
    expect(verdict(a('icontains', 'refund'), 'Credit is due.')).toBe(false);
    expect(verdict(a('not-contains', 'sorry'), 'Here you go.')).toBe(true);
    expect(verdict(a('not-contains', 'sorry'), 'I am sorry.')).toBe(false);
    expect(verdict(a('starts-with', 'Yes'), '  Yes, it is.')).toBe(true);
    expect(verdict(a('starts-with', 'Yes'), 'No. Yes.')).toBe(false);
    expect(verdict(a('regex', '^\\d{3}-\\d{4}$'), '555-1234')).toBe(true);
    expect(verdict(a('regex', '^\\d{3}-\\d{4}$'), 'call 555-1234')).toBe(false);
    expect(verdict(a('regex', '/^yes/i'), 'YES')).toBe(true);
    expect(verdict(a('equals', 'Paris'), ' Paris\n')).toBe(true);
    expect(verdict(a('equals', 'Paris'), 'paris')).toBe(false);
  });

  it('JSON checks parse the answer (a fenced block too) and validate with ajv', () => {
    const schema = {
      type: 'object',
      required: ['intent', 'priority'],
      properties: { intent: { enum: ['billing', 'technical'] }, priority: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    };
    expect(verdict(a('is-json'), '{"a": 1}')).toBe(true);
    expect(verdict(a('is-json'), '```json\n{"a": 1}\n```')).toBe(true);
    expect(verdict(a('is-json'), 'Sure! {"a": 1}')).toBe(false);
    expect(verdict(a('json-schema', schema), '{"intent": "billing", "priority": 2}')).toBe(true);
    const wrong = checkAssertion(a('json-schema', schema), on('{"intent": "billing", "priority": 0}'));
    expect(wrong).toEqual({ pass: false, reason: '/priority must be >= 1' });
    expect(verdict(a('json-schema', schema), '{"intent": "sales", "priority": 2}')).toBe(false);
    expect(verdict(a('json-schema', schema), '{"intent": "billing", "priority": 2, "x": 1}')).toBe(false);
    expect(verdict(a('equals', { ok: true, n: [1, 2] }), '{"n": [1, 2], "ok": true}')).toBe(true);
    expect(verdict(a('equals', { ok: true, n: [1, 2] }), '{"n": [2, 1], "ok": true}')).toBe(false);
  });

  it('ceilings pass at the limit, fail above it, and are not assessed when the number is unknown', () => {
    expect(verdict(a('latency-ms', 500), 'x', { latencyMs: 500 })).toBe(true);
    expect(verdict(a('latency-ms', 500), 'x', { latencyMs: 500.1 })).toBe(false);
    expect(verdict(a('latency-ms', 500), 'x', { latencyMs: null })).toBeNull();
    expect(verdict(a('cost-usd', 0.01), 'x', { costUsd: 0.01 })).toBe(true);
    expect(verdict(a('cost-usd', 0.01), 'x', { costUsd: 0.0101 })).toBe(false);
    expect(verdict(a('cost-usd', 0.01), 'x', { costUsd: null })).toBeNull();
  });

  it('no answer is "not assessed", never a pass — not even for not-contains', () => {
    expect(verdict(a('not-contains', 'x'), null)).toBeNull();
    expect(verdict(a('is-json'), null)).toBeNull();
  });

  it('finds unusable values before a run', () => {
    expect(assertionProblem(a('regex', '('))).toMatch(/invalid regular expression/);
    expect(assertionProblem(a('json-schema', { type: 'objekt' }))).toMatch(/invalid JSON schema/);
    expect(assertionProblem(a('contains'))).toMatch(/non-empty string/);
    expect(assertionProblem(a('latency-ms', '5'))).toMatch(/number/);
    expect(assertionProblem(a('javascript', 'checks.py#f'))).toMatch(/\.js#<export>/);
    expect(assertionProblem(a('javascript', 'checks/refund.mjs#mentionsRefund'))).toBeUndefined();
    expect(assertionProblem(a('rubric', 'Polite and correct.'))).toBeUndefined();
  });
});
