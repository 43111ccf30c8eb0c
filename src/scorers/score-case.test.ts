import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../core/task.js';
import { SCORERS } from './registry.js';
import { defaultFamilies, scoreCase } from './score-case.js';
import { SCORER_FAMILIES, type CaseScoringInput } from './scoring-input.js';

const ragCase: CaseScoringInput = {
  task: 'rag-qa',
  question: 'How long do refunds take?',
  // A whole sentence of the passage: since revision 13 a shorter answer on which no cue fires is
  // flagged at the default threshold.
  output: 'Refunds are issued within 30 days of purchase [billing/refunds.md#0].',
  references: ['within 30 days'],
  unanswerable: false,
  relevantDocs: { 'billing/refunds.md': 1 },
  rankedDocIds: ['billing/refunds.md', 'plans/pricing.md'],
  passages: [
    {
      id: 'billing/refunds.md#0',
      docId: 'billing/refunds.md',
      text: 'Refunds are issued within 30 days of purchase.',
    },
    { id: 'plans/pricing.md#0', docId: 'plans/pricing.md', text: 'The Pro plan costs $4.99 per month.' },
  ],
  k: 5,
};

describe('SCORERS registry', () => {
  it('has one scorer per family', () => {
    expect(Object.keys(SCORERS).sort()).toEqual([...SCORER_FAMILIES].sort());
  });
  it('has default families for every task kind but generate, which its assertions score', () => {
    for (const task of TASK_KINDS)
      if (task !== 'generate') expect(defaultFamilies(task).length).toBeGreaterThan(0);
    expect(defaultFamilies('generate')).toEqual([]);
  });
});

describe('scoreCase', () => {
  it('passes the configured hallucination threshold to the offline check', () => {
    const hallucination = (threshold?: number) => {
      const scores = SCORERS.hallucination({
        ...ragCase,
        output: 'Refunds are not issued within 30 days of purchase.',
        hallucinationThreshold: threshold,
      });
      return scores.find((s) => s.name === 'hallucination.rate')?.value;
    };
    expect(hallucination()).toBe(1);
    expect(hallucination(0.99)).toBe(0);
  });

  it('scores a rag-qa case with the contract metric names', () => {
    const scores = scoreCase(ragCase);
    expect(scores.map((s) => s.name)).toEqual([
      'answer.em',
      'answer.f1',
      'answer.rouge_l',
      'answer.semantic',
      'answer.declined',
      'relevance.answer',
      'relevance.context',
      'retrieval.recall@5',
      'retrieval.precision@5',
      'retrieval.ndcg@5',
      'retrieval.mrr',
      'retrieval.map',
      'retrieval.hit_rate@5',
      'retrieval.ndcg@10',
      'hallucination.rate',
      'hallucination.score',
      'groundedness',
      'citations.precision',
      'citations.coverage',
    ]);
    const v = Object.fromEntries(scores.map((s) => [s.name, s.value]));
    // [refunds, are, issued, within, 30, days, of, purchase] vs [within, 30, days]: common 3 → P = 3/8,
    // R = 3/3 → F1 = 2·(3/8)·1/(11/8) = 6/11
    expect(v['answer.f1']).toBeCloseTo(6 / 11, 10);
    expect([
      v['hallucination.rate'],
      v.groundedness,
      v['citations.precision'],
      v['citations.coverage'],
    ]).toEqual([0, 1, 1, 1]);
    expect([
      v['retrieval.recall@5'],
      v['retrieval.precision@5'],
      v['retrieval.mrr'],
      v['relevance.context'],
    ]).toEqual([1, 0.2, 1, 0.5]);
    expect(v['relevance.answer']).toBeNull();
  });

  it('scores classify and mcq cases', () => {
    const classify = scoreCase({
      task: 'classify',
      question: 'I was charged twice',
      output: 'billing',
      references: [],
      unanswerable: false,
      k: 5,
      label: 'billing',
      labels: ['billing', 'technical'],
    });
    expect(classify).toEqual([
      { name: 'classification.accuracy', value: 1, details: { predicted: 'billing', gold: 'billing' } },
    ]);
    const mcq = scoreCase({
      task: 'mcq',
      question: 'Who?',
      output: '(B)',
      references: [],
      unanswerable: false,
      k: 5,
      options: ['x', 'y', 'unknown'],
      correctOption: 2,
    });
    expect(mcq.map((s) => [s.name, s.value])).toEqual([['mcq.accuracy', 0]]);
  });

  it('runs only the families asked for', () => {
    expect(scoreCase(ragCase, ['citations']).map((s) => s.name)).toEqual([
      'citations.precision',
      'citations.coverage',
    ]);
  });

  it('never throws on a failed call: every score is null', () => {
    expect(
      scoreCase({ ...ragCase, output: null })
        .filter((s) => !s.name.startsWith('retrieval.') && s.name !== 'relevance.context')
        .every((s) => s.value === null),
    ).toBe(true);
  });
});
