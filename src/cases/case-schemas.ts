// zod schemas for one line of a gold test-case file, per task kind (SPEC "Test cases").
import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s[\]]+$/, 'expected an id without spaces or square brackets');
const tags = z.array(z.string().min(1)).default([]);
/** Values for http/module request templates (`{{vars.x}}`); any case may carry them. */
const vars = z.record(z.string(), z.unknown()).optional();
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
});

export const ClassifyCaseSchema = z.strictObject({
  id,
  input: z.string().min(1),
  label: z.string().min(1),
  tags,
  vars,
});

export const RetrievalCaseSchema = z.strictObject({
  id,
  query: z.string().min(1),
  relevant_docs: grades,
  tags,
  vars,
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
});
