// HTTP request bodies (zod at the boundary): the case fields — `question` for answers, `input`
// for classification — plus an optional `suite`. Unknown fields are rejected so a typo'd field
// name is a 400, not a silently ignored option.
import { z } from 'zod';
import type { ServeRoute } from './serving-pipeline.js';

export function requestSchema(route: ServeRoute, maxChars: number) {
  const field = route === 'answer' ? 'question' : 'input';
  const text = z
    .string({
      error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`),
    })
    .min(1, `${field} must not be empty`)
    .max(maxChars, `${field} is longer than ${maxChars} characters`);
  const suite = z.string().min(1).optional();
  return route === 'answer'
    ? z.strictObject({ question: text, suite })
    : z.strictObject({ input: text, suite });
}

/** One line for a 400: the first problem, with the field it is about. */
export function describeRequestIssue(error: z.ZodError, maxChars: number, body: unknown): string {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'too_big' && typeof body === 'object' && body !== null) {
    const value = (body as Record<string, unknown>)[String(issue.path[0])];
    if (typeof value === 'string')
      return `${String(issue.path[0])} is ${value.length} characters; the limit is ${maxChars}`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'the body must be a JSON object';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return issue.message.startsWith(String(issue.path[0])) ? issue.message : `${where}${issue.message}`;
}
