// The bundled sample project end to end, in-process and offline: every metric family is
// reported, the bias audit has pass/fail rows, and the written report has them all.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchingEntries } from '../metrics/metric-catalog.js';
import { writeReports } from '../reporters/write-reports.js';
import { evaluate } from './evaluate.js';

const CONFIG = path.resolve(import.meta.dirname, '../../eval/evalgate.yaml');

describe('the sample project', () => {
  it('reports every metric family and a bias audit with pass/fail rows', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'evalgate-sample-'));
    const outcome = await evaluate({ configPath: CONFIG, env: {}, reportsDir: out });
    const { record } = outcome;
    const metrics = new Set(record.summary.flatMap((s) => Object.keys(s.metrics)));
    for (const family of [
      'retrieval.ndcg@10',
      'retrieval.recall@5',
      'retrieval.mrr',
      'retrieval.map',
      'answer.f1',
      'answer.em',
      'answer.rouge_l',
      'answer.semantic',
      'relevance.answer',
      'relevance.context',
      'hallucination.rate',
      'groundedness',
      'citations.precision',
      'classification.accuracy',
      'classification.macro_f1',
      'calibration.ece',
      'classification.roc_auc',
      'mcq.accuracy',
      'latency.p95_ms',
      'cost.per_case_usd',
    ]) {
      expect(metrics, family).toContain(family);
    }
    const attributes = new Set(record.bias.rows.map((r) => r.attribute));
    for (const attribute of ['gender', 'age', 'segment']) expect(attributes).toContain(attribute);
    expect(record.bias.rows.some((r) => r.metric.startsWith('BBQ bias score'))).toBe(true);
    expect(record.bias.rows.every((r) => r.pass === null || typeof r.pass === 'boolean')).toBe(true);
    expect(record.summary.find((s) => s.suite === 'support-qa')!.attribution).toBeDefined();
    expect(record.manifest.retrieval?.embedder).toMatch(/^local\/lsa@/);

    // Every metric id the sample produces has exactly one catalogue entry, so it has one
    // direction, label and gloss wherever it is shown or gated.
    const ids = new Set([
      ...metrics,
      ...outcome.results.flatMap((r) => Object.keys(r.scores)),
      ...record.comparison.map((c) => c.metric),
      ...record.targets.map((t) => t.metric),
      ...record.bias.rows.map((r) => r.metric),
      ...record.bias.subgroups.map((g) => g.metric),
    ]);
    for (const id of ids)
      expect(
        matchingEntries(id).map((e) => e.id),
        id,
      ).toHaveLength(1);

    await writeReports({
      record,
      results: outcome.results,
      runDir: outcome.runDir,
      reportsDir: out,
      experimentLog: path.join(out, 'log.md'),
    });
    const report = await readFile(path.join(out, 'model-eval-report.md'), 'utf8');
    for (const text of [
      'nDCG@10',
      'Answer F1',
      'Hallucination rate',
      'Citation precision',
      'Macro-F1',
      'Calibration error (ECE)',
      'BBQ bias score',
      'Latency p95',
      'Cost per case',
    ]) {
      expect(report, text).toContain(text);
    }
    expect(await readFile(path.join(out, 'log.md'), 'utf8')).toMatch(
      /^# Experiment Log[\s\S]*## Experiment 001: /,
    );
  }, 60_000);

  it('is deterministic: the same inputs and seed give identical scores', async () => {
    const run = async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'evalgate-det-'));
      const { results, record } = await evaluate({
        configPath: CONFIG,
        env: {},
        reportsDir: out,
        suites: ['support-qa', 'intent'],
      });
      return {
        scores: results.map((r) => [r.caseId, r.scores, r.output]),
        metrics: record.summary.map((s) =>
          Object.fromEntries(Object.entries(s.metrics).filter(([k]) => !k.startsWith('latency.'))),
        ),
      };
    };
    const [a, b] = [await run(), await run()];
    expect(b).toEqual(a);
  }, 60_000);
});
