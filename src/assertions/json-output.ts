// JSON in a model's answer: the whole answer, or the one fenced ```json block a chat model
// wraps it in. Schemas are compiled once with ajv (draft 2020-12 keywords it supports by default).
import { Ajv, type ValidateFunction } from 'ajv';

const FENCE = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/;

export function parseJsonOutput(output: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = output.trim();
  const fenced = FENCE.exec(trimmed);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1] : trimmed) as unknown };
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message.split('\n')[0]})` };
  }
}

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

export function compileJsonSchema(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** The first validation error as one readable line, or undefined when the value fits. */
export function schemaViolation(schema: object, value: unknown): string | undefined {
  const validate = compileJsonSchema(schema);
  if (validate(value)) return undefined;
  const e = validate.errors?.[0];
  return e ? `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}` : 'does not match the schema';
}
