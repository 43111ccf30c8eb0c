// JSONL input files (cases, few-shot examples, replayed outputs) validated line by line, so
// every problem is reported as `file:line: field: message`.
import type { z } from 'zod';
import { InputError } from './errors.js';

export interface JsonLine<T> {
  value: T;
  /** 1-based line number in the file. */
  line: number;
}

/** Parses non-blank lines with `schema`; the first bad line throws an InputError with `code`. */
export function parseJsonLines<T>(
  text: string,
  options: { file: string; code: string; schema: z.ZodType<T> },
): JsonLine<T>[] {
  const out: JsonLine<T>[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(lines[i]);
    } catch {
      throw new InputError({
        code: options.code,
        file: options.file,
        line: i + 1,
        message: 'not valid JSON',
      });
    }
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError({
        code: options.code,
        file: options.file,
        line: i + 1,
        field: issue.path.join('.') || undefined,
        message: describeZodIssue(issue),
      });
    }
    out.push({ value: parsed.data, line: i + 1 });
  }
  return out;
}

export function describeZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return issue.message.includes('undefined')
      ? `required (${issue.expected})`
      : `expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
