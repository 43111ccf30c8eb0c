// Calibration: a reliability diagram (accuracy against mean confidence per bin, with the
// diagonal of perfect calibration) and a confidence histogram split into correct and wrong
// answers with the human-review threshold, both from the record's suite summaries.
import type { RunRecord } from '../run/types.js';
import type { Chart, VegaLiteSpec } from './chart.js';
import { COLORS } from './palette.js';

function panelName(record: RunRecord, suite: string, provider: string): string {
  const providers = new Set(record.summary.map((s) => s.provider));
  return providers.size > 1 ? `${suite} · ${provider}` : suite;
}

export function reliabilityChart(record: RunRecord): Chart | null {
  const values = record.summary.flatMap((s) =>
    (s.classification?.reliability ?? [])
      .filter((b) => b.count > 0 && b.accuracy !== null && b.confidence !== null)
      .map((b) => ({
        panel: panelName(record, s.suite, s.provider),
        confidence: b.confidence,
        accuracy: b.accuracy,
        count: b.count,
      })),
  );
  if (values.length === 0) return null;
  const unit = { type: 'quantitative', scale: { domain: [0, 1] } } as const;
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Reliability diagram',
      subtitle: 'accuracy per confidence bin; dashed = perfectly calibrated; dot size = cases',
    },
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null },
    columns: 3,
    spec: {
      width: 220,
      height: 220,
      layer: [
        {
          data: {
            values: [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
          },
          mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
          encoding: {
            x: { field: 'x', ...unit, title: 'mean confidence' },
            y: { field: 'y', ...unit, title: 'accuracy' },
          },
        },
        {
          mark: { type: 'line', color: COLORS.ok },
          encoding: { x: { field: 'confidence', ...unit }, y: { field: 'accuracy', ...unit } },
        },
        {
          mark: { type: 'point', filled: true, color: COLORS.ok },
          encoding: {
            x: { field: 'confidence', ...unit },
            y: { field: 'accuracy', ...unit },
            size: { field: 'count', type: 'quantitative', legend: null },
          },
        },
      ],
    },
  };
  return {
    file: 'calibration-reliability.svg',
    title: 'Reliability diagram',
    section: 'Confidence Distribution',
    spec,
  };
}

export function confidenceHistogramChart(record: RunRecord): Chart | null {
  type Bin = {
    panel: string;
    low: number;
    high: number;
    outcome: string;
    count: number;
    threshold: number | null;
  };
  const values: Bin[] = [];
  for (const s of record.summary) {
    if (!s.confidenceHistogram) continue;
    const panel = panelName(record, s.suite, s.provider);
    // The threshold rides on every bin row so that each facet panel draws its own rule.
    const threshold = s.classification?.reviewThreshold?.threshold ?? null;
    for (const b of s.confidenceHistogram) {
      values.push({ panel, low: b.low, high: b.high, outcome: 'correct', count: b.correct, threshold });
      values.push({
        panel,
        low: b.low,
        high: b.high,
        outcome: 'wrong',
        count: b.count - b.correct,
        threshold,
      });
    }
  }
  if (values.every((v) => v.count === 0)) return null;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Confidence of correct and wrong answers',
      subtitle: 'red line = human-review threshold (answers below it go to review)',
    },
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 220,
      height: 160,
      layer: [
        {
          mark: { type: 'bar', binSpacing: 1 },
          encoding: {
            x: {
              field: 'low',
              type: 'quantitative',
              bin: { binned: true, step: 0.1 },
              scale: { domain: [0, 1] },
              title: 'confidence',
            },
            x2: { field: 'high' },
            y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'answers' },
            color: {
              field: 'outcome',
              type: 'nominal',
              scale: { domain: ['correct', 'wrong'], range: [COLORS.correct, COLORS.wrong] },
              legend: { title: null, orient: 'bottom' },
            },
          },
        },
        {
          transform: [{ filter: 'isValid(datum.threshold)' }],
          mark: { type: 'rule', color: COLORS.threshold, strokeWidth: 2 },
          encoding: { x: { aggregate: 'min', field: 'threshold', type: 'quantitative' } },
        },
      ],
    },
  };
  return {
    file: 'calibration-histogram.svg',
    title: 'Confidence histogram, correct vs wrong',
    section: 'Confidence Distribution',
    spec,
  };
}
