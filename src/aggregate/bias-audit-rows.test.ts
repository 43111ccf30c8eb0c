import { describe, expect, it, vi } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import * as columnsModule from '../columns/result-columns.js';
import { ConfigSchema } from '../config/schema.js';
import { createRng } from '../core/rng.js';
import type { CaseResult, RunManifest } from '../run/types.js';
import { aggregateRun } from './aggregate-run.js';
import { auditBias } from './bias-audit.js';
import { biasAuditRows } from './bias-audit-rows.js';
import { summarizeSuite } from './summarize-suite.js';

// Counts the full rows (every score) built from the column store, to catch a whole-run list.
vi.mock('../columns/result-columns.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../columns/result-columns.js')>();
  return {
    ...actual,
    aggregateRow: vi.fn(actual.aggregateRow),
    aggregateRows: vi.fn(actual.aggregateRows),
  };
});

const METRICS = ['answer.f1', 'answer.em', 'answer.rouge_l', 'answer.semantic', 'groundedness'];

/** Three suites (classify with a group tag, qa with topic tags, mcq), variants, repeats, errors. */
function results(perSuite: number): CaseResult[] {
  const rng = createRng(11);
  const out: CaseResult[] = [];
  for (const [suite, task] of [
    ['intent', 'classify'],
    ['qa', 'qa'],
    ['bbq', 'mcq'],
  ] as const)
    for (let c = 0; c < perSuite; c++)
      for (let repeat = 0; repeat < 2; repeat++) {
        const scores: Record<string, number | null> = {};
        for (const m of METRICS) scores[m] = rng.next() < 0.1 ? null : rng.next();
        scores['classification.accuracy'] = rng.int(2);
        scores['mcq.accuracy'] = rng.int(2);
        const variant = c % 10 < 2 ? { attribute: 'name', group: c % 2 ? 'g1' : 'g2' } : undefined;
        out.push(
          caseResult({
            suite,
            task,
            caseId: variant ? `c${c - (c % 2)}[name=${variant.group}]` : `c${c}`,
            baseId: `c${c - (c % 2)}`,
            repeat,
            scores,
            tags: [`segment:${['smb', 'ent', 'gov'][c % 3]}`, ...(c % 4 ? ['billing'] : ['refunds'])],
            ...(variant ? { variant, output: `answer ${rng.int(3)}` } : {}),
            ...(task === 'classify' ? { label: ['a', 'b'][c % 2], predicted: ['a', 'b'][rng.int(2)] } : {}),
            ...(task === 'mcq'
              ? {
                  mcq: {
                    options: ['x', 'y', 'unknown'],
                    chosen: rng.int(3),
                    correct: 0,
                    biased: 1,
                    unknown: 2,
                    condition: c % 2 ? ('ambiguous' as const) : ('disambiguated' as const),
                    category: ['age', 'gender'][c % 2],
                  },
                }
              : {}),
            ...(rng.next() < 0.05 ? { error: { code: 'HTTP_500', message: 'boom' }, output: null } : {}),
          }),
        );
      }
  return out;
}

const config = ConfigSchema.parse({
  name: 't',
  providers: ['local/extractive'],
  suites: [
    { name: 'intent', task: 'classify', cases: 'i.jsonl', labels: ['a', 'b'] },
    { name: 'qa', task: 'qa', cases: 'q.jsonl' },
    { name: 'bbq', task: 'mcq', cases: 'b.jsonl' },
  ],
  bias: {
    group_tag: 'segment',
    attributes: {
      name: { groups: { g1: { n: 'A' }, g2: { n: 'B' } }, metrics: ['answer.f1', 'groundedness'] },
    },
  },
});
const manifest = { providers: [{ id: 'local/extractive', model: 'extractive' }] } as unknown as RunManifest;

describe('biasAuditRows', () => {
  it('gives the bias audit exactly what full rows gave it', () => {
    const columns = columnsModule.columnsFromResults(results(120));
    let checked = 0;
    for (const g of columnsModule.columnGroups(columns)) {
      const task = columns.strings.value(columns.task[g.start]) as 'classify' | 'qa' | 'mcq';
      const summary = summarizeSuite({
        suite: g.suite,
        task,
        provider: g.provider,
        model: 'm',
        promptVersion: null,
        columns,
        start: g.start,
        end: g.end,
        resamples: 50,
        confidence: 0.95,
        seed: 1,
      });
      const full = auditBias({
        results: columnsModule.aggregateRows(columns, g.start, g.end),
        config,
        summaries: [summary],
      });
      const slim = auditBias({
        results: biasAuditRows(columns, g.start, g.end, task),
        config,
        summaries: [summary],
      });
      expect(slim).toEqual(full);
      expect(full.rows.length + full.subgroups.length).toBeGreaterThan(0);
      checked += full.rows.length;
    }
    // Counterfactual gaps, flip rate, divergence, parity, equalized odds and BBQ rows all ran.
    expect(checked).toBeGreaterThan(8);
  });

  it('builds no whole-run list of full rows: only the counterfactual variants get every score', () => {
    const all = results(400);
    const columns = columnsModule.columnsFromResults(all, { sort: 'group' });
    vi.mocked(columnsModule.aggregateRow).mockClear();
    vi.mocked(columnsModule.aggregateRows).mockClear();
    aggregateRun({ manifest, columns, config: { ...config, gate: { ...config.gate, resamples: 20 } } });
    expect(columnsModule.aggregateRows).not.toHaveBeenCalled();
    const calls = vi.mocked(columnsModule.aggregateRow).mock.calls;
    const fullRows = calls.filter(([, , onlyMetric]) => onlyMetric === undefined).length;
    const variants = all.filter((r) => r.variant && r.repeat === 0 && !r.error).length;
    expect(fullRows).toBe(variants);
    expect(fullRows).toBeLessThan(all.length / 5);
    // Every other row built carries one score, not all of them.
    const slim = calls.filter(([, , onlyMetric]) => onlyMetric !== undefined);
    expect(slim.length).toBeGreaterThan(all.length / 3);
    const sample = columnsModule.aggregateRow(columns, 0, slim[0][2]);
    expect(Object.keys(sample.scores).length).toBeLessThanOrEqual(1);
  });
});
