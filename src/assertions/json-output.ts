// JSON in a model's answer: the whole answer, or the one fenced ```json block a chat model
// wraps it in. Schemas are compiled once with ajv (draft 2020-12 keywords it supports by default).
import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';

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

// ajv is required on first use: most runs have no json-schema assertion, and the config schema
// (which every command loads) reaches this file.
const require = createRequire(import.meta.url);
let ajv: AjvInstance | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

export function compileJsonSchema(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new (require('ajv') as { Ajv: new (options: object) => AjvInstance }).Ajv({
      allErrors: false,
      strict: false,
    });
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
