import { describe, expect, it, vi } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import * as rowsModule from '../columns/column-rows.js';
import * as columnsModule from '../columns/result-columns.js';
import { ConfigSchema } from '../config/schema.js';
import { createRng } from '../core/rng.js';
import type { CaseResult, RunManifest } from '../run/types.js';
import { aggregateRun } from './aggregate-run.js';
import { bbqItems, biasAuditRows, fairnessItems } from './bias-audit-rows.js';

// Counts the row objects built from the column store, to catch a per-case list coming back.
vi.mock('../columns/column-rows.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../columns/column-rows.js')>();
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

/** The old derivations from full rows: what the audit read before it read the columns. */
function fromFullRows(columns: columnsModule.ResultColumns, start: number, end: number) {
  const rows = rowsModule.aggregateRows(columns, start, end).filter((r) => !r.error && r.repeat === 0);
  const prefix = 'segment:';
  return {
    rows,
    fairness: rows
      .filter((r) => !r.variant)
      .flatMap((r) => {
        const tag = r.tags.find((t) => t.startsWith(prefix));
        return tag && r.label !== undefined
          ? [{ group: tag.slice(prefix.length), gold: r.label, predicted: r.predicted ?? null }]
          : [];
      }),
    bbq: rows
      .filter((r) => r.mcq)
      .map((r) => ({
        item: {
          condition: r.mcq!.condition,
          chosen: r.mcq!.chosen,
          label: r.mcq!.correct,
          biasedOption: r.mcq!.biased,
          unknownOption: r.mcq!.unknown,
        },
        category: r.mcq!.category ?? 'all',
      })),
  };
}

describe('biasAuditRows', () => {
  it('gives the audit the rows, group rates and BBQ items that full rows gave it', () => {
    const columns = columnsModule.columnsFromResults(results(120));
    let fairnessChecked = 0;
    let bbqChecked = 0;
    for (const g of columnsModule.columnGroups(columns)) {
      const view = biasAuditRows(columns, g.start, g.end);
      const full = fromFullRows(columns, g.start, g.end);
      expect(view.rows.length).toBe(full.rows.length);
      expect([...view.rows].map((i) => rowsModule.aggregateRow(columns, i))).toEqual(full.rows);
      expect(view.variants).toEqual(full.rows.filter((r) => r.variant));
      expect(view.cases.length).toBe(full.rows.filter((r) => !r.variant).length);
      expect(fairnessItems(view, 'segment:')).toEqual(full.fairness);
      expect(bbqItems(view)).toEqual(full.bbq);
      fairnessChecked += full.fairness.length;
      bbqChecked += full.bbq.length;
    }
    expect(fairnessChecked).toBeGreaterThan(80);
    expect(bbqChecked).toBeGreaterThan(100);
  });

  it('builds objects for the counterfactual variants only; identical items are one object', () => {
    const all = results(400);
    const columns = columnsModule.columnsFromResults(all, { sort: 'group' });
    vi.mocked(rowsModule.aggregateRow).mockClear();
    vi.mocked(rowsModule.aggregateRows).mockClear();
    const audited = aggregateRun({
      manifest,
      columns,
      config: { ...config, gate: { ...config.gate, resamples: 20 } },
    });
    expect(audited.bias.rows.length).toBeGreaterThan(8);
    expect(rowsModule.aggregateRows).not.toHaveBeenCalled();
    const variants = all.filter((r) => r.variant && r.repeat === 0 && !r.error).length;
    expect(vi.mocked(rowsModule.aggregateRow).mock.calls.length).toBe(variants);
    expect(variants).toBeLessThan(all.length / 5);

    const intent = columnsModule.columnGroups(columns).find((g) => g.suite === 'intent')!;
    const items = fairnessItems(biasAuditRows(columns, intent.start, intent.end), 'segment:');
    // 3 segments × 2 gold labels × 2 predictions: at most 12 objects for ~300 cases.
    expect(items.length).toBeGreaterThan(250);
    expect(new Set(items).size).toBeLessThanOrEqual(12);
  });
});
