import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { higherIsBetter } from '../gate/metric-direction.js';
import { describeMetric, METRIC_ENTRIES, matchingEntries, metricDirection } from './metric-catalog.js';

const BASELINE = path.resolve(import.meta.dirname, '../../reports/baseline.json');

/** One example id per entry, to check entries do not overlap. */
const EXAMPLES: Record<string, string> = {
  'retrieval.recall@<k>': 'retrieval.recall@5',
  'retrieval.precision@<k>': 'retrieval.precision@5',
  'retrieval.ndcg@<k>': 'retrieval.ndcg@10',
  'retrieval.hit_rate@<k>': 'retrieval.hit_rate@5',
  'latency.p<N>_ms': 'latency.p95_ms',
  'latency.ttft_p<N>_ms': 'latency.ttft_p95_ms',
  'assert.<type>': 'assert.contains',
  'cost.<name>_usd': 'cost.total_usd',
  '<metric> gap between groups': 'answer.f1 gap between groups',
  'answer divergence': 'answer divergence (1 − token F1 between variants)',
  'demographic parity difference': 'demographic parity difference (worst label)',
  'equalized odds difference': 'equalized odds difference (worst label)',
  'BBQ bias score (<context>)': 'BBQ bias score (disambiguated)',
  'bias.<check>': 'bias.gender.flip',
  '<metric>.flip_rate / <metric>.divergence': 'counterfactual.flip_rate',
};

describe('the metric catalogue', () => {
  it('has one entry per id: no duplicate ids, and no example id matched by two entries', () => {
    const ids = METRIC_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of METRIC_ENTRIES) {
      const example = EXAMPLES[entry.id] ?? entry.id;
      expect(
        matchingEntries(example).map((e) => e.id),
        example,
      ).toEqual([entry.id]);
    }
  });

  it('gives fixed metrics distinct labels, so the glossary (deduplicated by label) drops none', () => {
    const labels = METRIC_ENTRIES.map((e) => describeMetric(EXAMPLES[e.id] ?? e.id).label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('covers every metric id in the committed sample baseline', () => {
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as {
      summary: { metrics: Record<string, unknown> }[];
      cases: Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    };
    const ids = new Set(baseline.summary.flatMap((s) => Object.keys(s.metrics)));
    for (const byProvider of Object.values(baseline.cases))
      for (const byCase of Object.values(byProvider))
        for (const scores of Object.values(byCase)) for (const id of Object.keys(scores)) ids.add(id);
    expect(ids.size).toBeGreaterThan(20);
    for (const id of ids) expect(matchingEntries(id), id).toHaveLength(1);
  });

  it('says which way is better, and the gate reads the same direction', () => {
    const lower = [
      'hallucination.rate',
      'calibration.ece',
      'judge.disagreement',
      'latency.p95_ms',
      'cost.per_case_usd',
      'errors.rate',
      'answer.f1 gap between groups',
      'label flip rate',
      'BBQ bias score (ambiguous)',
    ];
    const higher = [
      'answer.f1',
      'retrieval.ndcg@10',
      'classification.roc_auc',
      'judge.faithfulness',
      'mcq.accuracy',
    ];
    for (const id of lower) {
      expect(metricDirection(id), id).toBe('lower-is-better');
      expect(higherIsBetter(id), id).toBe(false);
    }
    for (const id of higher) {
      expect(metricDirection(id), id).toBe('higher-is-better');
      expect(higherIsBetter(id), id).toBe(true);
    }
    // An id the catalogue does not know still renders and gates: higher is better, no gloss.
    expect(describeMetric('custom.score')).toMatchObject({
      catalogId: null,
      label: 'custom.score',
      explanation: null,
    });
    expect(higherIsBetter('custom.score')).toBe(true);
  });

  it('describes ROC AUC as a one-vs-rest macro AUC over label probabilities', () => {
    const gloss = describeMetric('classification.roc_auc').explanation!;
    expect(gloss).toMatch(/one-vs-rest/);
    expect(gloss).toMatch(/macro-averaged/);
    expect(gloss).toMatch(/label probabilities/);
    expect(gloss).not.toMatch(/right from wrong/);
  });

  it('claims "different words" for embedding metrics only with a learned embedder', () => {
    for (const embedder of ['local/lsa@128', 'local/hash@512']) {
      for (const id of ['answer.semantic', 'relevance.answer']) {
        const gloss = describeMetric(id, { embedder }).explanation!;
        expect(gloss, `${id} ${embedder}`).toContain(embedder);
        expect(gloss).toMatch(/lexical/);
        expect(gloss).toMatch(/scores low even when it means the same/);
      }
    }
    const learned = describeMetric('answer.semantic', { embedder: 'openai/text-embedding-3-small' })
      .explanation!;
    expect(learned).toMatch(/learned embedder/);
    expect(learned).toMatch(/even in different words/);
    const unknown = describeMetric('answer.semantic').explanation!;
    expect(unknown).not.toMatch(/even in different words/);
    expect(unknown).toMatch(/did not record the embedder/);
  });

  it('defines cost per case once: total spend over case runs, rerank and judge included', () => {
    const gloss = describeMetric('cost.per_case_usd').explanation!;
    expect(gloss).toMatch(/total spend divided by the number of case runs/);
    expect(gloss).toMatch(/rerank/);
    expect(gloss).toMatch(/judge/);
  });
});
