import { readFile } from 'node:fs/promises';
import { metricDefinitions } from '../scorers/metric-definitions.js';
import { describe, expect, it } from 'vitest';
import type { JudgeQuality } from '../judge-quality/assess-judge-quality.js';
import type { RunRecord } from '../run/types.js';
import { OFFLINE_CHECK_QUALITY } from '../scorers/hallucination/measured-quality.js';
import { runRecord } from './__fixtures__/run-record.js';
import { renderJudgeQualitySection } from './judge-quality-section.js';

const withMetrics = (metrics: string[], judgeQuality?: JudgeQuality[]): RunRecord => ({
  ...runRecord,
  summary: [
    {
      ...runRecord.summary[0],
      metrics: Object.fromEntries(metrics.map((m) => [m, runRecord.summary[0].metrics['answer.f1']])),
    },
  ],
  ...(judgeQuality ? { judgeQuality } : {}),
});

const row: JudgeQuality = {
  suite: 'support-qa',
  provider: 'local/extractive',
  metric: 'judge.faithfulness',
  judged: 200,
  labelled: 40,
  judgeOnly: { estimate: 0.8, low: 0.75, high: 0.85, standardError: 0.025 },
  humanOnly: { estimate: 0.6, low: 0.45, high: 0.75, standardError: 0.077 },
  ppi: { estimate: 0.7, low: 0.6, high: 0.8, standardError: 0.05 },
  ppiPlusPlus: { estimate: 0.68, low: 0.59, high: 0.77, standardError: 0.046, lambda: 0.7 },
  agreement: {
    kind: 'binary',
    kappa: 0.42,
    table: {
      categories: [1, 0],
      counts: [
        [20, 8],
        [2, 10],
      ],
      n: 40,
    },
  },
};

describe('renderJudgeQualitySection', () => {
  it('labels the hallucination rate as the offline check with its measured error rates', () => {
    const text = renderJudgeQualitySection(withMetrics(['hallucination.rate']));
    expect(text).toContain('**Hallucination rate comes from the offline check**');
    expect(text).toContain('recall 0.933');
    expect(text).toContain('precision 0.543');
    // The share of hallucinated answers it was measured on, what flagging everything would score.
    expect(text).toContain('where 47% of those answers were hallucinated');
    expect(text).toContain('AUROC 0.765, 95% interval 0.733–0.797; 50% is chance');
    expect(text).toContain('On the 660 of those answers that only measured it');
    expect(text).toContain('not as a count of hallucinations');
  });

  it("matches the committed sample report's paragraph (a change to the quoted numbers re-renders it)", async () => {
    const offline = (text: string) =>
      text.split('\n').find((line) => line.startsWith('**Hallucination rate comes from the offline check**'));
    const committed = await readFile(new URL('../../reports/model-eval-report.md', import.meta.url), 'utf8');
    const rendered = offline(renderJudgeQualitySection(withMetrics(['hallucination.rate'])));
    expect(rendered).toBeDefined();
    expect(offline(committed)).toBe(rendered);
  });

  it('never quotes the measured numbers for a run another check version or threshold scored', () => {
    const base = withMetrics(['hallucination.rate']);
    const older = renderJudgeQualitySection({
      ...base,
      manifest: { ...base.manifest, metricDefinitions: { 'hallucination.rate': 'offline-check-5' } },
    });
    expect(older).toContain('scored by check version `offline-check-5`');
    expect(older).toContain('**not assessed**');
    expect(older).not.toContain('precision 0.');
    const unversioned = renderJudgeQualitySection({
      ...base,
      manifest: { ...base.manifest, metricDefinitions: undefined },
    });
    expect(unversioned).toContain('a check version it did not record');
    expect(unversioned).not.toContain('recall 0.');
    const lower = renderJudgeQualitySection({
      ...base,
      manifest: { ...base.manifest, hallucinationThreshold: 0.1, metricDefinitions: metricDefinitions(0.1) },
    });
    expect(lower).toContain('`hallucination_threshold` 0.1, not the default');
    expect(lower).toContain('at 0.1 its precision and recall are **not assessed**');
    expect(lower).not.toContain('of its flags were right');
    expect(lower).toContain('a lower threshold catches more');
    const higher = renderJudgeQualitySection({
      ...base,
      manifest: {
        ...base.manifest,
        hallucinationThreshold: 0.27,
        metricDefinitions: metricDefinitions(0.27),
      },
    });
    expect(higher).toContain('a higher threshold flags fewer correct answers');
    expect(higher).not.toContain('a lower threshold');
    // The default threshold written out in the config is the measured case: numbers quoted.
    const same = renderJudgeQualitySection({
      ...base,
      manifest: { ...base.manifest, hallucinationThreshold: OFFLINE_CHECK_QUALITY.threshold },
    });
    expect(same).toContain('of its flags were right');
  });

  it('shows agreement and the corrected estimate beside each labelled judge metric', () => {
    const text = renderJudgeQualitySection(withMetrics(['judge.faithfulness', 'judge.rubric'], [row]));
    expect(text).toContain(
      '| support-qa | local/extractive | `judge.faithfulness` | 40 / 200 | 0.800 (0.750–0.850) | 0.680 (0.590–0.770) | 0.600 (0.450–0.750) | 0.420 |',
    );
    expect(text).toContain('| pass | 20 | 8 |');
    // A judge metric without labels is said to be not assessed, never shown as trustworthy.
    expect(text).toContain('`judge.rubric` is graded by a judge model with no human labels for it');
    expect(text).toContain('**not assessed**');
  });

  it('shows judge flip rate, pass@k and pass^k over repeats', () => {
    const record = {
      ...withMetrics(['judge.rubric']),
      judgeReliability: [
        {
          suite: 'support-qa',
          provider: 'local/extractive',
          metric: 'judge.rubric',
          cases: 3,
          k: 5,
          flipRate: 0.2,
          flakyCases: 1,
          passAt1: 0.467,
          passAtK: 0.667,
          passHatK: 0.333,
        },
      ],
    };
    expect(renderJudgeQualitySection(record)).toContain(
      '| support-qa | local/extractive | `judge.rubric` | 3 | 0.200 | 1 | 0.467 | 0.667 | 0.333 | 5 |',
    );
  });

  it('renders nothing when no check needs a caveat', () => {
    expect(renderJudgeQualitySection(withMetrics(['answer.f1']))).toBe('');
  });
});
