import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../run/types.js';
import { caseResult } from './__fixtures__/case-result.js';
import { analyzeErrors } from './error-analysis.js';

const classify = (
  caseId: string,
  label: string,
  predicted: string | null,
  confidence: number,
  suite = 'intent',
): CaseResult =>
  caseResult({
    caseId,
    suite,
    task: 'classify',
    label,
    predicted,
    confidence,
    output: predicted,
    attribution: label === predicted ? 'pass' : 'wrong-label',
  });

describe('analyzeErrors — catastrophic', () => {
  it('finds confident hallucinations only at or above the confidence threshold', () => {
    const results = [
      caseResult({
        caseId: 'h-confident',
        confidence: 0.7,
        attribution: 'generation-error',
        scores: { 'hallucination.rate': 1 },
        notes: { 'hallucination.rate': 'unsupported: "42 days"' },
      }),
      caseResult({
        caseId: 'h-unsure',
        confidence: 0.69,
        attribution: 'generation-error',
        scores: { 'hallucination.rate': 1 },
      }),
      caseResult({
        caseId: 'h-unknown',
        confidence: null,
        attribution: 'generation-error',
        scores: { 'hallucination.rate': 1 },
      }),
    ];
    const { catastrophic } = analyzeErrors(results);
    expect(catastrophic.items.map((i) => [i.kind, i.caseId])).toEqual([
      ['confident-hallucination', 'h-confident'],
    ]);
    expect(catastrophic.items[0].why).toContain('unsupported: "42 days"');
  });

  it('flags unanswerable cases answered instead of declined, but not correct declines', () => {
    const results = [
      caseResult({
        caseId: 'u-answered',
        unanswerable: true,
        output: 'It is Maria.',
        attribution: 'generation-error',
      }),
      caseResult({ caseId: 'u-declined', unanswerable: true, output: "I don't know.", attribution: 'pass' }),
    ];
    const { catastrophic } = analyzeErrors(results);
    expect(catastrophic.items.map((i) => i.caseId)).toEqual(['u-answered']);
    expect(catastrophic.items[0].expected).toMatch(/^decline/);
  });

  it('trusts the answer.declined score over pass/fail when the scorer ran', () => {
    const results = [
      caseResult({
        caseId: 'u-unjudged',
        unanswerable: true,
        output: 'Call +1 555 0100.',
        attribution: null,
        scores: { 'answer.declined': 0 },
      }),
    ];
    const analysis = analyzeErrors(results);
    expect(analysis.catastrophic.items.map((i) => i.kind)).toEqual(['unanswerable-answered']);
    expect(analysis.edgeCases[0]).toMatchObject({ kind: 'unanswerable', count: 1, passed: 0, judged: 1 });
  });

  it('lists missed escalations before wrong ones, then provider errors, each once', () => {
    const results = [
      classify('c-1', 'general', 'escalate', 0.6),
      classify('c-2', 'escalate', 'billing', 0.8),
      classify('c-3', 'escalate', null, 0.4),
      caseResult({
        caseId: 'p-1',
        output: null,
        error: { code: 'HTTP_429', message: 'rate limited' },
        attempts: 4,
        attribution: 'provider-error',
      }),
    ];
    const { catastrophic } = analyzeErrors(results);
    expect(catastrophic.items.map((i) => `${i.kind}:${i.caseId}`)).toEqual([
      'missed-escalation:c-2',
      'missed-escalation:c-3',
      'false-escalation:c-1',
      'provider-error:p-1',
    ]);
    expect(catastrophic.counts).toEqual({
      'confident-hallucination': 0,
      'unanswerable-answered': 0,
      'missed-escalation': 2,
      'false-escalation': 1,
      'provider-error': 1,
    });
    expect(catastrophic.items[3].why).toBe('The model call failed after 4 attempts: HTTP_429 — rate limited');
    expect(catastrophic.items[3].output).toBeNull();
  });

  it('caps the listed items per kind, so a frequent kind cannot hide the others, but keeps the full counts', () => {
    const results = [
      ...Array.from({ length: 5 }, (_, i) => classify(`c-${i}`, 'escalate', 'general', 0.9)),
      classify('c-9', 'billing', 'escalate', 0.9),
    ];
    const { catastrophic } = analyzeErrors(results, { maxCatastrophicPerKind: 2 });
    expect(catastrophic.items.map((i) => i.caseId)).toEqual(['c-0', 'c-1', 'c-9']);
    expect(catastrophic.counts['missed-escalation']).toBe(5);
  });
});

describe('analyzeErrors — common errors', () => {
  const results = [
    caseResult({
      caseId: 'r-1',
      attribution: 'retrieval-miss',
      relevantDocs: { 'doc-a': 1 },
      retrieval: { chunks: [], docs: ['doc-x', 'doc-y'] },
    }),
    caseResult({ caseId: 'r-2', provider: 'openai/gpt-4o-mini', attribution: 'retrieval-miss' }),
    caseResult({ caseId: 'r-2', attribution: 'retrieval-miss' }),
    caseResult({ caseId: 'r-2', attribution: 'retrieval-miss', repeat: 1 }),
    caseResult({ caseId: 'r-3', attribution: 'retrieval-miss' }),
    caseResult({
      caseId: 'o-1',
      attribution: 'context-overflow',
      relevantDocs: { 'doc-b': 1 },
      retrieval: {
        chunks: [
          { id: 'doc-a#0', docId: 'doc-a', score: 1 },
          { id: 'doc-b#2', docId: 'doc-b', score: 0.5 },
        ],
        docs: ['doc-a', 'doc-b'],
      },
      context: {
        included: ['doc-a#0'],
        dropped: ['doc-b#2'],
        usedTokens: 990,
        budgetTokens: 1000,
        overflow: true,
      },
    }),
    classify('w-1', 'billing', 'technical', 0.5),
    classify('w-2', 'billing', 'technical', 0.6),
    classify('w-3', 'general', null, 0.3),
    classify('ok', 'general', 'general', 0.9),
  ];
  const { common, totals } = analyzeErrors(results, { maxExamples: 2 });

  it('groups failures by attribution, most frequent first, with counts per suite × provider', () => {
    expect(common.map((g) => [g.attribution, g.count])).toEqual([
      ['retrieval-miss', 5],
      ['wrong-label', 3],
      ['context-overflow', 1],
    ]);
    expect(common[0].breakdown).toEqual([
      { suite: 'qa', provider: 'local/extractive', count: 4, total: 5 },
      { suite: 'qa', provider: 'openai/gpt-4o-mini', count: 1, total: 1 },
    ]);
    expect(totals).toEqual({ results: 10, passed: 1, failed: 9, unjudged: 0 });
  });

  it('quotes distinct real cases in a stable order, explaining each', () => {
    expect(common[0].examples.map((e) => `${e.caseId}@${e.provider}`)).toEqual([
      'r-1@local/extractive',
      'r-2@local/extractive',
    ]);
    expect(common[0].examples[0].why).toBe(
      'None of the relevant documents (doc-a) were retrieved; top results were doc-x, doc-y.',
    );
    expect(common[2].examples[0].why).toBe(
      '1 retrieved chunk(s) dropped to fit the 1000-token context budget, including relevant doc-b#2.',
    );
  });

  it('ranks confusion pairs for wrong labels', () => {
    expect(common[1].confusions).toEqual([
      { gold: 'billing', predicted: 'technical', count: 2 },
      { gold: 'general', predicted: '(unparsed)', count: 1 },
    ]);
  });

  it('does not depend on the input order', () => {
    expect(analyzeErrors([...results].reverse(), { maxExamples: 2 })).toEqual(
      analyzeErrors(results, { maxExamples: 2 }),
    );
  });
});

describe('analyzeErrors — long inputs', () => {
  // As in the sample: tagged long inputs of 411–572 characters, all failing, well under any
  // fixed 600-character bar.
  const short = (i: number) =>
    caseResult({ caseId: `s-${String(i).padStart(2, '0')}`, input: 'y'.repeat(40 + i) });
  const tagged = [411, 572].map((n, i) =>
    caseResult({
      caseId: `t-${i}`,
      input: 'x'.repeat(n),
      tags: ['long-input'],
      attribution: 'generation-error',
    }),
  );

  it('counts cases tagged long-input whatever their length, with their character range', () => {
    const results = [...Array.from({ length: 38 }, (_, i) => short(i)), ...tagged];
    const group = analyzeErrors(results).edgeCases.find((g) => g.kind === 'long-input')!;
    // The two longest untagged inputs (76, 77 characters) are in the top decile but not twice
    // the median (59), so only the tagged ones count.
    expect(group.count).toBe(2);
    expect(group.longInputs).toEqual({ tagged: 2, byLength: 0, minChars: 411, maxChars: 572 });
    expect(group.examples.map((e) => e.caseId)).toEqual(['t-0', 't-1']);
    expect(group).toMatchObject({ passed: 0, judged: 2, passRate: 0 });
  });

  it('counts untagged inputs by length per suite: the top decile, and at least twice the median', () => {
    const results = [
      // chat: 9 messages of 20–28 characters and one of 80: the 80 one is long for this suite.
      ...Array.from({ length: 10 }, (_, i) =>
        caseResult({ caseId: `a-${i}`, suite: 'chat', input: 'z'.repeat(i === 9 ? 80 : 20 + i) }),
      ),
      // mail: 900–909 characters, all alike: none is long relative to the others.
      ...Array.from({ length: 10 }, (_, i) =>
        caseResult({ caseId: `b-${i}`, suite: 'mail', input: 'z'.repeat(900 + i) }),
      ),
    ];
    const group = analyzeErrors(results).edgeCases.find((g) => g.kind === 'long-input')!;
    expect(group.examples.map((e) => `${e.suite}/${e.caseId}`)).toEqual(['chat/a-9']);
    expect(group.longInputs).toEqual({ tagged: 0, byLength: 1, minChars: 80, maxChars: 80 });
    // Failing tagged cases are quoted before failing cases that are long by length only.
    const mixed = [
      ...results.map((r) => ({ ...r, attribution: 'generation-error' as const })),
      caseResult({ caseId: 'z-1', suite: 'chat', tags: ['long-input'], attribution: 'generation-error' }),
    ];
    const quoted = analyzeErrors(mixed).edgeCases.find((g) => g.kind === 'long-input')!.examples;
    expect(quoted.map((e) => e.caseId)).toEqual(['z-1', 'a-9']);
    // At 2× the median (24.5 → 49) the cut is inclusive; just under it, the case is not long.
    const atCut = results.map((r) => (r.caseId === 'a-9' ? { ...r, input: 'z'.repeat(49) } : r));
    expect(analyzeErrors(atCut).edgeCases.find((g) => g.kind === 'long-input')!.count).toBe(1);
    const underCut = results.map((r) => (r.caseId === 'a-9' ? { ...r, input: 'z'.repeat(48) } : r));
    expect(analyzeErrors(underCut).edgeCases.find((g) => g.kind === 'long-input')!.count).toBe(0);
  });

  it('has no long inputs in an empty run', () => {
    const group = analyzeErrors([]).edgeCases.find((g) => g.kind === 'long-input')!;
    expect(group.count).toBe(0);
    expect(group.longInputs).toBeUndefined();
  });
});

describe('analyzeErrors — edge cases', () => {
  const long = 'x'.repeat(700);
  const results = [
    caseResult({ caseId: 'u-1', unanswerable: true, attribution: 'pass' }),
    caseResult({ caseId: 'u-2', unanswerable: true, attribution: 'generation-error' }),
    caseResult({ caseId: 'u-3', unanswerable: true, attribution: 'pass' }),
    caseResult({
      caseId: 'o-1',
      attribution: 'context-overflow',
      context: { included: [], dropped: ['a#0', 'b#1'], usedTokens: 10, budgetTokens: 10, overflow: true },
    }),
    caseResult({
      caseId: 'o-2',
      attribution: 'pass',
      context: { included: ['c#0'], dropped: ['d#0'], usedTokens: 10, budgetTokens: 10, overflow: false },
    }),
    caseResult({ caseId: 'l-1', input: long, attribution: null }),
    caseResult({ caseId: 'a-1', tags: ['ambiguous'], attribution: 'generation-error' }),
  ];
  const { edgeCases } = analyzeErrors(results, { maxChars: 50 });
  const byKind = Object.fromEntries(edgeCases.map((g) => [g.kind, g]));

  it('counts unanswerable declines and lists failures first', () => {
    expect(byKind.unanswerable).toMatchObject({ count: 3, passed: 2, judged: 3, passRate: 2 / 3 });
    expect(byKind.unanswerable.examples.map((e) => e.caseId)).toEqual(['u-2', 'u-1', 'u-3']);
  });

  it('counts dropped chunks across context-overflow cases', () => {
    expect(byKind['context-overflow']).toMatchObject({ count: 2, passed: 1, droppedChunks: 3 });
  });

  it('finds long inputs, truncating the quote, and leaves unjudged cases out of the pass rate', () => {
    expect(byKind['long-input']).toMatchObject({ count: 1, judged: 0, passRate: null });
    expect(Array.from(byKind['long-input'].examples[0].input)).toHaveLength(50);
    expect(byKind['long-input'].examples[0].input.endsWith('…')).toBe(true);
  });

  it('collects ambiguous-tagged cases and reports empty kinds with zero counts', () => {
    expect(byKind.ambiguous).toMatchObject({ count: 1, passed: 0, passRate: 0 });
    expect(analyzeErrors([]).edgeCases.map((g) => [g.kind, g.count, g.passRate])).toEqual([
      ['unanswerable', 0, null],
      ['context-overflow', 0, null],
      ['long-input', 0, null],
      ['ambiguous', 0, null],
    ]);
  });
});
