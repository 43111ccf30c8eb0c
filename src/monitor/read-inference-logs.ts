// Reads inference logs (JSONL written by `evalgate serve`), validating each line, so a damaged
// or foreign file is one clear error naming file, line and field.
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { parseJsonLines } from '../core/json-lines.js';
import { InferenceRecordSchema, type InferenceRecord } from '../serve/inference-record.js';

export async function readInferenceLogs(files: readonly string[]): Promise<InferenceRecord[]> {
  const out: InferenceRecord[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new InputError({ code: 'LOG_NOT_FOUND', file, message: 'inference log not found' });
    }
    for (const line of parseJsonLines(text, { file, code: 'LOG_INVALID', schema: InferenceRecordSchema }))
      out.push(line.value);
  }
  // Rotated files may be given in any order; the window is about time.
  return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** `--since`: an ISO date-time, or a duration back from now (`30m`, `24h`, `7d`). */
export function parseSince(value: string, now: number): number {
  const duration = /^(\d+(?:\.\d+)?)([mhd])$/.exec(value.trim());
  if (duration) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 'm' | 'h' | 'd'];
    return now - Number(duration[1]) * unit;
  }
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new InputError({
      code: 'USAGE',
      field: '--since',
      message: `expected an ISO date-time or a duration such as 24h or 7d, got "${value}"`,
    });
  return t;
}
