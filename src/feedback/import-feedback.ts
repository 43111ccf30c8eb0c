// `evalgate feedback import`: human-labelled production samples become gold cases of a suite
// file, so what production taught us is evaluated from then on. Lines are deduplicated by the
// SHA-256 of their input (against each other and against the cases already in the file), and a
// line whose text still holds an email address, phone number or card number is refused: the
// suite file goes into git, so PII must be redacted first ([email], [phone], [card]).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { parseJsonLines } from '../core/json-lines.js';
import { redactPii } from '../serve/redact-pii.js';

/** One labelled sample: the input as the user sent it, and the label (classify) or reference answer (qa). */
export const FeedbackLineSchema = z.strictObject({
  input: z.string().min(1),
  label: z.string().min(1).optional(),
  reference: z.string().min(1).optional(),
  request_id: z.string().optional(),
  time: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type FeedbackLine = z.output<typeof FeedbackLineSchema>;

export interface ImportOutcome {
  /** JSONL lines of the new cases, in input order. */
  cases: string[];
  duplicates: number;
}

export function importFeedback(options: {
  lines: { value: FeedbackLine; line: number }[];
  file: string;
  task: 'classify' | 'answer';
  labels?: readonly string[];
  /** Input hashes of the cases already in the target file. */
  existing: ReadonlySet<string>;
  idPrefix: string;
}): ImportOutcome {
  const seen = new Set(options.existing);
  const cases: string[] = [];
  let duplicates = 0;
  for (const { value, line } of options.lines) {
    const fail = (field: string, message: string) => {
      throw new InputError({ code: 'FEEDBACK_INVALID', file: options.file, line, field, message });
    };
    for (const field of ['input', 'reference'] as const) {
      const text = value[field];
      if (text !== undefined && redactPii(text) !== text)
        fail(field, 'contains an email address, phone number or card number; redact it before import');
    }
    if (options.task === 'classify') {
      if (!value.label) fail('label', 'required for a classify suite');
      if (options.labels && !options.labels.includes(value.label!))
        fail('label', `"${value.label}" is not one of the suite's labels (${options.labels.join(', ')})`);
    } else if (!value.reference) fail('reference', 'required for an answer suite (the correct answer)');
    const hash = sha256(value.input);
    if (seen.has(hash)) {
      duplicates++;
      continue;
    }
    seen.add(hash);
    const id = `${options.idPrefix}-${hash.slice(0, 12)}`;
    const tags = ['feedback', ...(value.tags ?? [])];
    cases.push(
      JSON.stringify(
        options.task === 'classify'
          ? { id, input: value.input, label: value.label, tags }
          : { id, question: value.input, reference: value.reference, tags },
      ),
    );
  }
  return { cases, duplicates };
}

/** Reads a feedback file, each line validated (file:line: field: message on the first bad one). */
export async function readFeedback(file: string): Promise<{ value: FeedbackLine; line: number }[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError({ code: 'FEEDBACK_NOT_FOUND', file, message: 'feedback file not found' });
  }
  return parseJsonLines(text, { file, code: 'FEEDBACK_INVALID', schema: FeedbackLineSchema });
}

/** Input hashes of the cases in an existing suite file (none when it does not exist yet). */
export async function existingInputHashes(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new Set();
  }
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as { input?: string; question?: string };
      const input = c.input ?? c.question;
      if (typeof input === 'string') out.add(sha256(input));
    } catch {
      // A broken line is the case loader's to report when the suite runs.
    }
  }
  return out;
}
