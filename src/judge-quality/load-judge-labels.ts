// Human labels for judge metrics (`judge_labels: <file>` in the config): JSONL lines
// `{"id": "<case id>", "metric": "judge.faithfulness", "label": 1}`. A label is a number in
// [0, 1] on the judge metric's own scale (pass/fail as 1/0, or a grade), or true/false.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { parseJsonLines } from '../core/json-lines.js';

const LabelSchema = z.strictObject({
  id: z.string().min(1),
  metric: z.string().min(1),
  label: z.union([z.number().min(0).max(1), z.boolean()]),
});

export interface JudgeLabel {
  id: string;
  metric: string;
  label: number;
}

export async function loadJudgeLabels(file: string): Promise<JudgeLabel[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError({
      code: 'JUDGE_LABELS_MISSING',
      file,
      message: 'cannot read the judge labels file',
    });
  }
  const rows = parseJsonLines(text, { file, code: 'JUDGE_LABELS_INVALID', schema: LabelSchema });
  const seen = new Map<string, number>();
  return rows.map(({ value, line }) => {
    const key = `${value.metric}\u0000${value.id}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw new InputError({
        code: 'JUDGE_LABELS_INVALID',
        file,
        line,
        field: 'id',
        message: `"${value.id}" already labelled for ${value.metric} on line ${first}`,
      });
    seen.set(key, line);
    return {
      id: value.id,
      metric: value.metric,
      label: typeof value.label === 'boolean' ? Number(value.label) : value.label,
    };
  });
}
