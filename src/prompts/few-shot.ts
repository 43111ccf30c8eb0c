// Few-shot examples: loaded from prompts/<id>/few_shot.jsonl and selected once per run
// (not per case) so every case sees the same examples and the cache stays effective.
import { z } from 'zod';
import { parseJsonLines } from '../core/json-lines.js';
import { shuffled, type Rng } from '../core/rng.js';
import type { FewShotExample } from '../providers/language-model.js';

const FewShotSchema = z.strictObject({ input: z.string().min(1), output: z.string().min(1) });

export function parseFewShot(text: string, file: string): FewShotExample[] {
  return parseJsonLines(text, { file, code: 'FEW_SHOT_INVALID', schema: FewShotSchema }).map((l) => l.value);
}

export function selectFewShot(options: {
  examples: FewShotExample[];
  count: number;
  selection: 'first' | 'random' | 'stratified';
  rng: Rng;
}): FewShotExample[] {
  const { examples, count, selection, rng } = options;
  if (count <= 0) return [];
  if (selection === 'first') return examples.slice(0, count);
  if (selection === 'random') return shuffled(examples, rng).slice(0, count);
  // Stratified: round-robin over outputs (labels) so each class is represented.
  const byOutput = new Map<string, FewShotExample[]>();
  for (const example of shuffled(examples, rng)) {
    const list = byOutput.get(example.output) ?? [];
    list.push(example);
    byOutput.set(example.output, list);
  }
  const groups = [...byOutput.keys()].sort().map((k) => byOutput.get(k)!);
  const picked: FewShotExample[] = [];
  for (let round = 0; picked.length < count && groups.some((g) => g.length > round); round++) {
    for (const group of groups) {
      if (picked.length < count && group[round]) picked.push(group[round]);
    }
  }
  return picked;
}

export function formatFewShot(examples: FewShotExample[]): string {
  return examples.map((e) => `Input: ${e.input}\nOutput: ${e.output}`).join('\n\n');
}
