// Reads a run folder back: run.json and results.jsonl, validated at the boundary.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { RESULTS_FILE, RUN_FILE } from './run-folder.js';
import type { CaseResult, RunRecord } from './types.js';

// Only the fields later steps rely on are checked; the rest passes through as written.
export const CaseResultSchema = z.looseObject({
  suite: z.string(),
  task: z.string(),
  caseId: z.string(),
  baseId: z.string(),
  provider: z.string(),
  repeat: z.number().int().min(0),
  scores: z.record(z.string(), z.number().nullable()),
  tags: z.array(z.string()),
});

const RunRecordSchema = z.looseObject({
  manifest: z.looseObject({ schemaVersion: z.literal(2), runId: z.string() }),
  summary: z.array(z.unknown()),
});

export async function readResults(runDir: string): Promise<CaseResult[]> {
  const file = path.join(runDir, RESULTS_FILE);
  const results: CaseResult[] = [];
  let lineNo = 0;
  try {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      const parsed = CaseResultSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError({
          code: 'RESULTS_INVALID',
          file,
          line: lineNo,
          field: issue.path.join('.'),
          message: issue.message,
        });
      }
      results.push(parsed.data as unknown as CaseResult);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({
      code: 'RESULTS_INVALID',
      file,
      line: code === 'ENOENT' ? undefined : lineNo,
      message: code === 'ENOENT' ? 'results file not found' : 'not valid JSON',
    });
  }
  return results;
}

export async function readRunRecord(runDir: string): Promise<RunRecord> {
  const file = path.join(runDir, RUN_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError({
      code: 'RUN_INVALID',
      file,
      message: missing ? 'run.json not found (was the run interrupted?)' : 'not valid JSON',
    });
  }
  const parsed = RunRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ code: 'RUN_INVALID', file, field: issue.path.join('.'), message: issue.message });
  }
  return parsed.data as unknown as RunRecord;
}
