import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import type { CaseResult } from '../run/types.js';
import { caseResult } from './__fixtures__/case-result.js';
import { analyzeErrorsStream } from './analyze-errors-stream.js';
import { analyzeErrors } from './error-analysis.js';

/** Rows that exercise every list: failures of each kind, repeats, edge cases, escalations. */
function mixedResults(count: number, seed: number): CaseResult[] {
  const rng = createRng(seed);
  const out: CaseResult[] = [];
  for (let i = 0; i < count; i++) {
    const caseId = `c${String(rng.int(count)).padStart(3, '0')}`;
    const classify = rng.next() < 0.4;
    const label = ['billing', 'escalate', 'login'][rng.int(3)];
    const predicted = rng.next() < 0.1 ? null : ['billing', 'escalate', 'login'][rng.int(3)];
    const error = rng.next() < 0.05;
    const attribution = error
      ? 'provider-error'
      : rng.next() < 0.1
        ? null
        : classify
          ? label === predicted
            ? 'pass'
            : 'wrong-label'
          : (['pass', 'pass', 'retrieval-miss', 'generation-error', 'context-overflow'] as const)[rng.int(5)];
    out.push(
      caseResult({
        suite: classify ? 'intent' : ['qa', 'rag'][rng.int(2)],
        task: classify ? 'classify' : 'rag-qa',
        caseId,
        provider: ['p/a', 'p/b'][rng.int(2)],
        repeat: rng.int(2),
        input: 'x'.repeat(5 + (rng.next() < 0.15 ? 200 + rng.int(100) : rng.int(20))),
        output: error ? null : `answer ${i}`,
        attribution,
        confidence: rng.next(),
        scores: {
          'hallucination.rate': rng.next() < 0.2 ? 1 : 0,
          ...(rng.next() < 0.3 ? { 'answer.declined': rng.int(2) } : {}),
        },
        tags: [rng.next() < 0.1 ? 'long-input' : 'topic', ...(rng.next() < 0.1 ? ['ambiguous'] : [])],
        ...(rng.next() < 0.15 ? { unanswerable: true } : {}),
        ...(rng.next() < 0.2
          ? {
              context: {
                included: ['a'],
                dropped: ['b', 'c'],
                usedTokens: 10,
                budgetTokens: 10,
                overflow: true,
              },
            }
          : {}),
        ...(classify ? { label, predicted } : {}),
        ...(error ? { error: { code: 'HTTP_500', message: 'boom' } } : {}),
      }),
    );
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.suite}/${r.provider}/${r.caseId}/${r.repeat}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('analyzeErrorsStream', () => {
  it('gives exactly what analyzeErrors gives, whatever order the rows stream in', async () => {
    for (const seed of [1, 2, 3]) {
      const results = mixedResults(600, seed);
      const reversed = [...results].reverse();
      for (const options of [{}, { maxExamples: 1, maxCatastrophicPerKind: 2 }]) {
        const expected = analyzeErrors(results, options);
        expect(await analyzeErrorsStream(() => reversed, options)).toEqual(expected);
        // Every list had something to pick from, so the comparison covers the selection.
        expect(expected.common.length).toBeGreaterThanOrEqual(4);
        expect(expected.edgeCases.every((g) => g.count > 0)).toBe(true);
      }
    }
  });

  it('reads an async source twice (results.jsonl streamed as parsed lines)', async () => {
    const results = mixedResults(50, 9);
    async function* stream() {
      for (const r of results) yield JSON.parse(JSON.stringify(r)) as CaseResult;
    }
    expect(await analyzeErrorsStream(stream)).toEqual(analyzeErrors(results));
  });
});
