// Drawing the charts with the real Vega/Vega-Lite: every applicable chart is drawn from the
// fixture run, the bytes are the same every time, and the SVG carries what the reader needs.
import { describe, expect, it } from 'vitest';
import { results, runRecord } from '../reporters/__fixtures__/run-record.js';
import type { RunRecord } from '../run/types.js';
import { buildCharts } from './build-charts.js';
import type { WrittenChart } from './chart.js';
import { COLORS } from './palette.js';
import { normalizeIds, renderSvg } from './render-svg.js';
import { renderCharts } from './write-charts.js';

const margins = { 'answer.f1': 0.02, 'retrieval.ndcg@10': 0.02, 'classification.accuracy': 0.03 };
const byFile = (charts: WrittenChart[], file: string): string =>
  charts.find((c) => c.file === file)?.svg ?? '';

describe('charts drawn from the fixture run', () => {
  it('draws every chart the run has data for, byte-identical on a second drawing', {
    timeout: 30_000,
  }, async () => {
    const first = await renderCharts({ record: runRecord, results, margins });
    expect(first.map((c) => c.file)).toEqual([
      'forest-vs-baseline.svg',
      'confusion-matrix.svg',
      'retrieval-recall-at-k.svg',
      'latency-cdf.svg',
      'cost-breakdown.svg',
      'bias-gaps.svg',
      // The fixture's classify suite records no reliability bins, so no reliability diagram.
      'calibration-histogram.svg',
      'history.svg',
    ]);
    // Drawing other charts in between advances Vega's process-wide clip counter.
    const second = await renderCharts({ record: runRecord, results, margins });
    for (let i = 0; i < first.length; i++) expect(second[i].svg, first[i].file).toBe(first[i].svg);
    for (const chart of first) {
      expect(chart.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(chart.svg).not.toMatch(/<script|<foreignObject|href="http|NaN|Infinity/);
    }
    const forest = byFile(first, 'forest-vs-baseline.svg');
    expect(forest).toContain('answer.f1');
    expect(forest).toContain('Change vs baseline');
    expect(byFile(first, 'confusion-matrix.svg')).toContain('billing');
    expect(byFile(first, 'latency-cdf.svg')).toContain('p95');
  });

  it('colours a forest row red only when the gate failed on it', { timeout: 30_000 }, async () => {
    const failing = runRecord.gate.failures.filter((f) => f.kind === 'regression');
    expect(failing.length).toBeGreaterThan(0);
    const fails = buildCharts({ record: runRecord, results, margins })[0];
    const passing: RunRecord = { ...runRecord, gate: { ...runRecord.gate, failures: [] } };
    const passes = buildCharts({ record: passing, results, margins })[0];
    // The legend always shows both colours; the data points are what must change.
    const redPoint = new RegExp(`aria-roledescription="point"[^>]*fill="${COLORS.fail}"`);
    expect(await renderSvg(fails.spec)).toMatch(redPoint);
    expect(await renderSvg(passes.spec)).not.toMatch(redPoint);
  });

  it('draws no forest plot without a baseline and no calibration charts without confidences', () => {
    const bare: RunRecord = {
      ...runRecord,
      changes: { ...runRecord.changes, hasBaseline: false },
      summary: runRecord.summary.map(({ classification, confidenceHistogram, ...s }) => s),
    };
    const files = buildCharts({ record: bare, results }).map((c) => c.file);
    expect(files).not.toContain('forest-vs-baseline.svg');
    expect(files).not.toContain('calibration-reliability.svg');
    expect(files).not.toContain('calibration-histogram.svg');
    expect(files).not.toContain('confusion-matrix.svg');
  });
});

describe('normalizeIds', () => {
  it('renumbers clip paths per document, references included', () => {
    const svg = '<clipPath id="clip7"></clipPath><g clip-path="url(#clip7)"></g><clipPath id="clip9"/>';
    expect(normalizeIds(svg)).toBe(
      '<clipPath id="clip1"></clipPath><g clip-path="url(#clip1)"></g><clipPath id="clip2"/>',
    );
  });
});

describe('reliability diagram', () => {
  it('is drawn from the recorded bins, skipping empty ones', async () => {
    const { reliabilityChart } = await import('./calibration-charts.js');
    const record: RunRecord = {
      ...runRecord,
      summary: runRecord.summary.map((s) =>
        s.classification
          ? {
              ...s,
              classification: {
                ...s.classification,
                reliability: [
                  { low: 0, high: 0.5, count: 0, accuracy: null, confidence: null },
                  { low: 0.5, high: 1, count: 4, accuracy: 0.75, confidence: 0.8 },
                ],
              },
            }
          : s,
      ),
    };
    const chart = reliabilityChart(record);
    expect(chart).not.toBeNull();
    const data = (chart?.spec.data ?? {}) as { values?: unknown[] };
    const values = data.values;
    expect(values).toEqual([expect.objectContaining({ confidence: 0.8, accuracy: 0.75, count: 4 })]);
  });

  it('reads a one-shot iterable (a generator) for every chart, exactly as the same rows in an array', () => {
    const fromArray = buildCharts({ record: runRecord, results, margins });
    function* once() {
      yield* results;
    }
    const fromGenerator = buildCharts({ record: runRecord, results: once(), margins });
    expect(fromGenerator.map((c) => c.file)).toEqual(fromArray.map((c) => c.file));
    expect(fromGenerator.map((c) => c.file)).toContain('cost-breakdown.svg');
    expect(JSON.stringify(fromGenerator.map((c) => c.spec))).toBe(
      JSON.stringify(fromArray.map((c) => c.spec)),
    );
  });
});
