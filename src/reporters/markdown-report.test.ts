import { describe, expect, it } from 'vitest';
import { analyzeErrors } from '../analysis/error-analysis.js';
import type { RunRecord } from '../run/types.js';
import { expectGolden } from './__fixtures__/golden.js';
import { results, runRecord } from './__fixtures__/run-record.js';
import { REPORT_SECTIONS, renderModelEvalReport } from './markdown-report.js';

const report = renderModelEvalReport(runRecord, analyzeErrors(results));

describe('renderModelEvalReport', () => {
  it('matches the golden report', () => {
    expectGolden(report, new URL('./__fixtures__/model-eval-report.golden.md', import.meta.url));
  });

  it('has exactly the spec sections, in order', () => {
    const h2 = report
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3));
    expect(h2).toEqual([...REPORT_SECTIONS]);
    const errorAnalysis = report.slice(
      report.indexOf('## Error Analysis'),
      report.indexOf('## Confidence Distribution'),
    );
    const h3 = errorAnalysis.split('\n').filter((line) => line.startsWith('### '));
    expect(h3).toEqual(['### Catastrophic Errors', '### Common Errors', '### Edge Cases']);
  });

  it('escapes pipes and newlines inside table cells', () => {
    expect(report).toContain('Compare Pro \\| Team plans:<br>which one includes SSO?');
    expect(report).not.toContain('Compare Pro | Team');
    // Every table row keeps the header's column count despite pipes in quoted text.
    const lines = report.split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!/^\| (---|:---)/.test(lines[i])) continue;
      const columns = cellCount(lines[i - 1]);
      for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++)
        expect(cellCount(lines[j]), lines[j]).toBe(columns);
    }
  });

  it('renders null values as n/a and keeps markup out of quoted text', () => {
    expect(report).toMatch(/\| Embedding similarity \| — \| n\/a \| — \|/);
    expect(report).toContain('\\<b\\>dark mode\\</b\\>');
  });

  it('keeps topic and channel tags out of the Bias Audit and shows them under Error Analysis', () => {
    const bias = report.slice(report.indexOf('## Bias Audit Results'), report.indexOf('## Error Analysis'));
    const errors = report.slice(
      report.indexOf('## Error Analysis'),
      report.indexOf('## Confidence Distribution'),
    );
    expect(bias).toContain('`segment:smb`');
    for (const tag of ['`channel:chat`', '`long-input`', '`billing`']) {
      expect(bias).not.toContain(tag);
      expect(errors).toContain(tag);
    }
  });

  it('says the offline baseline is not a language model, and which of its numbers hold by construction', () => {
    const summary = report.slice(
      report.indexOf('## Model Summary'),
      report.indexOf('## Performance Metrics'),
    );
    expect(summary).toContain(
      '`local/extractive` is a deterministic extractive baseline, not a language model',
    );
    expect(summary).toContain('hallucination rate, groundedness and citation precision hold by construction');
    const local = report.slice(
      report.indexOf('### support-qa · local/extractive'),
      report.indexOf('### support-qa · openai'),
    );
    expect(local).toContain('deterministic extractive baseline, not a language model');
    expect(local).toMatch(/\| Offline hallucination rate † \| ≤ 0\.050 \| 0\.000/);
    expect(local).toContain('† Offline hallucination rate holds by construction for this baseline');
    // A real model's hallucination rate is a measurement: no dagger, no note.
    const openai = report.slice(report.indexOf('### support-qa · openai'));
    expect(openai).toMatch(/\| Offline hallucination rate \| ≤ 0\.050 \| 0\.333/);
  });

  it('states when there is no baseline, bias audit or confidence', () => {
    const bare: RunRecord = {
      ...runRecord,
      summary: runRecord.summary.map((s) => ({ ...s, confidenceHistogram: undefined })),
      bias: { rows: [], subgroups: [] },
      comparison: [],
      changes: {
        hasBaseline: false,
        prompts: [],
        configChanged: false,
        corpusChanged: false,
        providersAdded: [],
        providersRemoved: [],
      },
    };
    const text = renderModelEvalReport(bare, analyzeErrors([]));
    expect(text).toContain('There is no baseline yet');
    expect(text).toContain('No protected attributes are configured');
    expect(text).toContain('no distribution to show');
    expect(text).toContain('None in this run.');
  });
});

/** Cells in a table row, not counting escaped pipes. */
function cellCount(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}
