import { describe, expect, it } from 'vitest';
import { perCaseTable, transposeTable } from './per-case-table.js';
import { serializeBaseline } from './baseline.js';
import type { Baseline, CaseResult } from './types.js';

const result = (caseId: string, repeat: number, f1: number | null): CaseResult => ({
  suite: 'qa',
  task: 'qa',
  caseId,
  baseId: caseId,
  provider: 'p',
  repeat,
  promptVersion: null,
  input: 'q',
  output: 'a',
  costUsd: 0,
  latencyMs: 1,
  cached: false,
  attempts: 1,
  attribution: 'pass',
  scores: { 'answer.f1': f1, 'answer.em': 0 },
  tags: [],
});

describe('per-case tables and the baseline file', () => {
  it('averages repeats per case and skips nulls', () => {
    const table = perCaseTable([result('b', 0, 0.5), result('b', 1, 1), result('a', 0, null)]);
    expect(table.qa.p['answer.f1']).toEqual({ b: 0.75 });
    expect(table.qa.p['answer.em']).toEqual({ a: 0, b: 0 });
  });

  it('writes one line per case that parses back to the same baseline', () => {
    const table = perCaseTable([result('a', 0, 0.5), result('b', 0, 1)]);
    const baseline: Baseline = {
      schemaVersion: 1,
      runId: 'r',
      acceptedAt: 't',
      gitSha: null,
      configHash: 'h',
      corpusHash: null,
      prompts: { x: 'x@v1#1' },
      providers: ['p'],
      summary: [{ suite: 'qa', provider: 'p', metrics: { 'answer.f1': 0.75 } }],
      cases: transposeTable(table),
    };
    const text = serializeBaseline(baseline);
    expect(JSON.parse(text)).toEqual(baseline);
    expect(text).toContain('\n    "a": {"answer.em":0,"answer.f1":0.5},\n');
    expect(transposeTable(JSON.parse(text).cases)).toEqual(table);
  });
});
