// The manifest's result counts, from the columns (so they describe results.jsonl as written,
// including rows an earlier process wrote before a resume), and a whole-file reader for
// callers that do want every result in memory.
import { readFileSync } from 'node:fs';
import type { CaseResult, RunManifest } from '../run/types.js';
import { FLAG_CACHED, FLAG_ERROR, FLAG_RERANK_FELL_BACK, type ResultColumns } from './result-columns.js';

export function resultCounts(columns: ResultColumns): RunManifest['counts'] {
  const retrieval = columns.strings.id('retrieval');
  let errors = 0;
  let cached = 0;
  let requests = 0;
  let rerankFallbacks = 0;
  for (let i = 0; i < columns.n; i++) {
    const flags = columns.flags[i];
    if (flags & FLAG_ERROR) errors++;
    if (flags & FLAG_CACHED) cached++;
    else if (columns.task[i] !== retrieval) requests++;
    if (flags & FLAG_RERANK_FELL_BACK) rerankFallbacks++;
  }
  return { results: columns.n, errors, cached, requests, rerankFallbacks };
}

/** Every line of a results.jsonl, parsed (for tests and library callers; the CLI streams). */
export function loadResultsSync(file: string): CaseResult[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CaseResult);
}
