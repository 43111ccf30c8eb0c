// Loads the labelled hallucination development set (test_cases/hallucination-dev-*.jsonl): each
// line an answer, the context it should rest on (inline passages, or articles of the corpus by
// path), and whether it is hallucinated. Context files are read here, so detectors stay pure.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonLines } from '../core/json-lines.js';
import type { ScoringPassage } from '../scorers/scoring-input.js';

const DevCaseSchema = z
  .strictObject({
    id: z.string().min(1),
    part: z.enum(['realistic', 'perturbed']),
    kind: z.string().min(1),
    hallucinated: z.boolean(),
    split: z.enum(['tune', 'test', 'heldout']).optional(),
    source: z.string().optional(),
    question: z.string(),
    answer: z.string().min(1),
    context: z.array(z.string().min(1)).min(1).optional(),
    context_docs: z.array(z.string().min(1)).min(1).optional(),
    note: z.string().optional(),
  })
  .refine((c) => (c.context ? 1 : 0) + (c.context_docs ? 1 : 0) === 1, {
    message: 'give exactly one of context and context_docs',
    path: ['context'],
  });

export interface DevCase {
  id: string;
  part: 'realistic' | 'perturbed';
  kind: string;
  hallucinated: boolean;
  /**
   * `tune`: the only data the support model was fitted on. `heldout`: written blind (by someone
   * who had not seen the check) after the check was final, and measured once.
   */
  split?: 'tune' | 'test' | 'heldout';
  question: string;
  answer: string;
  passages: ScoringPassage[];
}

/** `corpusDir` resolves `context_docs` paths. */
export async function loadHallucinationDevSet(file: string, corpusDir: string): Promise<DevCase[]> {
  const text = await readFile(file, 'utf8');
  const rows = parseJsonLines(text, { file, code: 'DEV_CASE_INVALID', schema: DevCaseSchema });
  const articles = new Map<string, string>();
  const out: DevCase[] = [];
  for (const { value } of rows) {
    let passages: ScoringPassage[];
    if (value.context) {
      passages = value.context.map((t, i) => ({ id: `${value.id}#${i}`, docId: value.id, text: t }));
    } else {
      passages = [];
      for (const doc of value.context_docs ?? []) {
        let article = articles.get(doc);
        if (article === undefined) {
          article = await readFile(join(corpusDir, doc), 'utf8');
          articles.set(doc, article);
        }
        passages.push({ id: `${doc}#0`, docId: doc, text: article });
      }
    }
    out.push({
      id: value.id,
      part: value.part,
      kind: value.kind,
      hallucinated: value.hallucinated,
      ...(value.split ? { split: value.split } : {}),
      question: value.question,
      answer: value.answer,
      passages,
    });
  }
  return out;
}
