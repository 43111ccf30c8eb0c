// The `assert: [{type, value, weight?}]` contract, on any case and as suite-level defaults. zod
// checks the shape; `assertionProblem` checks what zod cannot (a regex that compiles, a JSON
// schema ajv accepts, a javascript reference of the right form) so a bad assertion is a load
// error naming its file, line and field, not a surprise halfway through a run.
import { z } from 'zod';
import { compileJsonSchema } from './json-output.js';

export const ASSERTION_TYPES = [
  'contains',
  'icontains',
  'not-contains',
  'regex',
  'equals',
  'starts-with',
  'is-json',
  'json-schema',
  'javascript',
  'latency-ms',
  'cost-usd',
  'rubric',
] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

export const AssertionSchema = z.strictObject({
  type: z.enum(ASSERTION_TYPES),
  value: z.unknown().optional(),
  weight: z.number().min(0).default(1),
  /** rubric only: the normalised judge grade (0–1) at or above which it passes (default 0.75 = 4 of 5). */
  threshold: z.number().min(0).max(1).optional(),
});
export type Assertion = z.output<typeof AssertionSchema>;

const TEXT_TYPES = new Set<AssertionType>(['contains', 'icontains', 'not-contains', 'starts-with', 'rubric']);

/** What is wrong with an assertion's value, or undefined when it can run. */
export function assertionProblem(a: Assertion): string | undefined {
  const v = a.value;
  if (TEXT_TYPES.has(a.type))
    return typeof v === 'string' && v.length > 0 ? undefined : 'expected a non-empty string value';
  switch (a.type) {
    case 'regex': {
      if (typeof v !== 'string' || !v) return 'expected a regular expression string';
      try {
        toRegExp(v);
        return undefined;
      } catch (error) {
        return `invalid regular expression: ${(error as Error).message}`;
      }
    }
    case 'equals':
      return v === undefined ? 'expected a value' : undefined;
    case 'is-json':
      return v === undefined || typeof v === 'boolean' ? undefined : 'takes no value';
    case 'json-schema':
      if (!v || typeof v !== 'object' || Array.isArray(v)) return 'expected a JSON schema object';
      try {
        compileJsonSchema(v as object);
        return undefined;
      } catch (error) {
        return `invalid JSON schema: ${(error as Error).message}`;
      }
    case 'javascript':
      return typeof v === 'string' && /^(module\/)?[^#]+\.(m?js|cjs)#[\w$]+$/.test(v)
        ? undefined
        : 'expected "<path>.js#<export>" (a function in an ES module)';
    case 'latency-ms':
    case 'cost-usd':
      return typeof v === 'number' && v >= 0 ? undefined : 'expected a number ≥ 0 (the ceiling)';
    default:
      return undefined;
  }
}

/** `"/pattern/flags"` or a bare pattern. */
export function toRegExp(value: string): RegExp {
  const literal = /^\/(.*)\/([dgimsuvy]*)$/s.exec(value);
  return literal ? new RegExp(literal[1], literal[2].replace('g', '')) : new RegExp(value);
}
