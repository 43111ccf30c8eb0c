// zod schemas for one line of a gold test-case file, per task kind (SPEC "Test cases").
import { z } from 'zod';
import { AssertionSchema } from '../assertions/assertion-schema.js';

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s[\]]+$/, 'expected an id without spaces or square brackets');
const tags = z.array(z.string().min(1)).default([]);
/** Values for http/module request templates (`{{vars.x}}`); any case may carry them. */
const vars = z.record(z.string(), z.unknown()).optional();
/** `[{type, value, weight?}]`: pass/fail checks of the answer (src/assertions/). */
const assert = z.array(AssertionSchema).optional();
const grades = z.union([
  z
    .array(z.string().min(1))
    .transform((ids) => Object.fromEntries(ids.map((d) => [d, 1])) as Record<string, number>),
  z.record(z.string(), z.number().int().min(0)),
]);

export const QaCaseSchema = z.strictObject({
  id,
  question: z.string().min(1),
  reference: z.string().min(1).optional(),
  references: z.array(z.string().min(1)).optional(),
  unanswerable: z.boolean().default(false),
  relevant_docs: grades.optional(),
  context: z.string().optional(),
  tags,
  vars,
  assert,
});

export const ClassifyCaseSchema = z.strictObject({
  id,
  input: z.string().min(1),
  label: z.string().min(1),
  tags,
  vars,
  assert,
});

export const RetrievalCaseSchema = z.strictObject({
  id,
  query: z.string().min(1),
  relevant_docs: grades,
  tags,
  vars,
  assert,
});

export const McqCaseSchema = z.strictObject({
  id,
  context: z.string().min(1),
  question: z.string().min(1),
  options: z.array(z.string().min(1)).min(2).max(10),
  label: z.number().int().min(0),
  context_condition: z.enum(['ambiguous', 'disambiguated']),
  question_polarity: z.enum(['neg', 'nonneg']).optional(),
  biased_option: z.number().int().min(0),
  unknown_option: z.number().int().min(0),
  category: z.string().optional(),
  tags,
  vars,
  assert,
});

const ChatMessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

/** `{id, input | messages, vars?, assert, tags?}`: free-form or structured output, scored by assertions. */
export const GenerateCaseSchema = z
  .strictObject({
    id,
    input: z.string().min(1).optional(),
    /** A chat history; the last user message is the input. */
    messages: z.array(ChatMessageSchema).min(1).optional(),
    tags,
    vars,
    assert,
  })
  .refine((c) => (c.input === undefined) !== (c.messages === undefined), {
    message: 'give either "input" or "messages"',
    path: ['input'],
  })
  .refine((c) => c.messages === undefined || c.messages.some((m) => m.role === 'user'), {
    message: 'needs at least one user message',
    path: ['messages'],
  });
