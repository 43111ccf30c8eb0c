import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { OFFLINE_CHECK_QUALITY } from '../scorers/hallucination/measured-quality.js';
import { CHECK_VERSION, DEFAULT_HALLUCINATION_THRESHOLD } from '../scorers/hallucination/support-model.js';
import { measureDevSlices, renderDevTable } from './dev-set-table.js';
import { loadHallucinationDevSet } from './hallucination-dev-set.js';
import { measureSlice, scoreDevCases } from './score-dev-set.js';
import { fitSetOf, isBlindCase, loadCommittedDevSet } from './load-dev-set.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the committed hallucination dev set', async () => {
  const cases = await loadCommittedDevSet(ROOT);
  const slices = measureDevSlices(cases);

  it('has the parts the docs describe', () => {
    const realistic = cases.filter((c) => c.part === 'realistic' && c.split !== 'tune');
    expect(realistic.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(cases.filter((c) => c.part === 'perturbed').map((c) => c.kind));
    for (const kind of [
      'supported',
      'entity-swap',
      'number-change',
      'negation-flip',
      'unsupported-addition',
      'partial-support',
    ])
      expect(kinds).toContain(kind);
  });

  it('has blind sets 36 to 43 (never fitted on) beside thirty-nine fitted realistic files', () => {
    expect(slices.slice(0, 5).map((x) => x.metrics.n)).toEqual([660, 220, 880, 880, 880]);
    expect(slices[0].name).toMatch(/blind sets 38–43/);
    expect(slices[1].name).toMatch(/blind sets 36\+37/);
    expect(cases.filter(isBlindCase)).toHaveLength(880);
    // No blind set can be fitted on by accident.
    for (const c of cases.filter(isBlindCase)) expect(() => fitSetOf(c)).toThrow(/never fitted on/);
  });

  it('quotes revision 13 as scored on blind sets 36-43, pooled (OFFLINE_CHECK_QUALITY)', async () => {
    // Eight sets by writers who read nothing of the project, never fitted on (docs/metrics.md).
    // Against the targets: F1 >= 0.5 (0.686), AUROC >= 0.75 (0.765, interval 0.733-0.797)
    // and recall >= 0.9 (0.933) met by the point estimates, with 81 % of answers flagged.
    // A change to the check that moves these fails here.
    const q = OFFLINE_CHECK_QUALITY;
    const blind = (
      await Promise.all(
        q.sets.map((file) => loadHallucinationDevSet(join(ROOT, file), join(ROOT, 'rag/corpus'))),
      )
    ).flat();
    const m = measureSlice(scoreDevCases(blind), DEFAULT_HALLUCINATION_THRESHOLD);
    const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
    expect({
      cases: m.n,
      hallucinated: m.positives,
      threshold: DEFAULT_HALLUCINATION_THRESHOLD,
      flagged: r3(m.flaggedRate),
      precision: r3(m.precision),
      recall: r3(m.recall),
      f1: r3(m.f1),
      auroc: r3(m.auroc),
    }).toEqual({
      cases: q.cases,
      hallucinated: q.hallucinated,
      threshold: q.threshold,
      flagged: q.flagged,
      precision: q.precision,
      recall: q.recall,
      f1: q.f1,
      auroc: q.auroc,
    });
    expect(q.baseRate).toBe(r3(q.hallucinated / q.cases));
    // The sets that only measured it, quoted beside the pooled numbers.
    const only = blind.filter((c) => q.measurement.sets.some((n) => c.id.startsWith(`blind${n}-`)));
    const mm = measureSlice(scoreDevCases(only), DEFAULT_HALLUCINATION_THRESHOLD);
    expect({ cases: mm.n, precision: r3(mm.precision), recall: r3(mm.recall), auroc: r3(mm.auroc) }).toEqual({
      cases: q.measurement.cases,
      precision: q.measurement.precision,
      recall: q.measurement.recall,
      auroc: q.measurement.auroc,
    });
    expect(q.aurocLow).toBeLessThan(q.auroc);
    expect(q.aurocHigh).toBeGreaterThan(q.auroc);
    expect(q.writers).toBe(q.sets.length);
    expect(q.setsLabel.replace('{36..43}', '')).toBe(q.sets[0].replace('36', ''));
    expect(q.sets.map((f) => f.match(/blind(\d+)/)?.[1])).toEqual([
      '36',
      '37',
      '38',
      '39',
      '40',
      '41',
      '42',
      '43',
    ]);
    expect(q.writers).toBe(8);
    expect(q.revision).toBe(13);
    expect(CHECK_VERSION).toBe('offline-check-13');
  });

  it('matches the table in docs/metrics.md (a change that moves a number must update the doc)', async () => {
    const doc = await readFile(join(ROOT, 'docs/metrics.md'), 'utf8');
    const table = /<!-- hallucination-dev:start -->\n([\s\S]*?)\n<!-- hallucination-dev:end -->/.exec(
      doc,
    )?.[1];
    expect(table?.trim()).toBe(renderDevTable(slices));
  });

  it('perturbed part is exactly what scripts/make-hallucination-dev.js makes', () => {
    expect(() =>
      execFileSync(process.execPath, [join(ROOT, 'scripts/make-hallucination-dev.js'), '--check']),
    ).not.toThrow();
  });
});

describe('loadHallucinationDevSet', () => {
  it('reports a bad line as file:line: field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalgate-dev-'));
    const file = join(dir, 'dev.jsonl');
    const good = {
      id: 'a',
      part: 'realistic',
      kind: 'supported',
      hallucinated: false,
      question: 'q',
      answer: 'a',
      context: ['c'],
    };
    await writeFile(file, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, hallucinated: 'yes' })}\n`);
    const error = await loadHallucinationDevSet(file, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${file}:2: hallucinated: expected boolean`);
    await writeFile(file, `${JSON.stringify({ ...good, context_docs: ['x.md'] })}\n`);
    await expect(loadHallucinationDevSet(file, dir)).rejects.toThrow(
      `${file}:1: context: give exactly one of context and context_docs`,
    );
  });
});
