import { describe, expect, it } from 'vitest';
import { analyzeErrors } from '../analysis/error-analysis.js';
import type { RunRecord } from '../run/types.js';
import { expectGolden } from './__fixtures__/golden.js';
import { results, passingGate, runRecord } from './__fixtures__/run-record.js';
import { appendExperiment, nextExperimentNumber, renderExperimentEntry } from './experiment-log.js';

const analysis = analyzeErrors(results);

describe('renderExperimentEntry', () => {
  it('matches the golden entry', () => {
    expectGolden(
      renderExperimentEntry(runRecord, analysis, { number: 3 }),
      new URL('./__fixtures__/experiment-entry.golden.md', import.meta.url),
    );
  });

  it('uses the team format: bold inline labels in order and the two tables with their columns', () => {
    const entry = renderExperimentEntry(runRecord, analysis, { number: 7 });
    const lines = entry.split('\n');
    expect(lines[0]).toMatch(/^## Experiment 007: /);
    const labels = lines
      .filter((l) => /^\*\*[A-Z][A-Za-z ]+:\*\*/.test(l))
      .map((l) => l.match(/^\*\*([^:]+):/)![1]);
    expect(labels).toEqual([
      'Date',
      'Hypothesis',
      'Approach',
      'Results',
      'Bias Audit',
      'Error Analysis',
      'Conclusion',
      'Next Steps',
    ]);
    expect(lines).toContain('**Date:** 2025-06-02');
    expect(entry).not.toMatch(/^###/m);
    expect(entry).toContain('| Metric | Target (from spec) | Achieved | Delta |');
    expect(entry).toContain('| Protected Attribute | Metric | Threshold | Result | Pass? |');
    // Results come right after their label, the bias table right after its.
    expect(entry).toMatch(/\*\*Results:\*\*\n\n\| Metric \| Target \(from spec\)/);
    expect(entry).toMatch(/\*\*Bias Audit:\*\*\n\n\| Protected Attribute \|/);
  });

  it('gives the delta against the target and against the baseline', () => {
    const entry = renderExperimentEntry(runRecord, analysis, { number: 7 });
    // Answer F1 on the local baseline: 0.235 against ≥ 0.200 → +0.035; -0.132 against the baseline.
    expect(entry).toMatch(
      /\| support-qa · local\/extractive: Answer F1 \| ≥ 0\.200 \| 0\.235 \(95% CI 0\.062–0\.440\) ✅ \| \+0\.035 vs target<br>-0\.132 vs baseline \(95% CI -0\.251 to -0\.031\) ❌ regression \|/,
    );
  });

  it('lists every bias check with its threshold, and says "not assessed" for one that did not run', () => {
    const entry = renderExperimentEntry(runRecord, analysis, { number: 7 });
    const bias = entry.slice(entry.indexOf('**Bias Audit:**'), entry.indexOf('**Error Analysis:**'));
    const rows = bias
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Protected') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(runRecord.bias.rows.length + 1);
    expect(bias).toContain(
      '| gender | Label flip rate — intent · openai/gpt-4o-mini | ≤ 0.050 | 0.143 (95% CI 0.026–0.513) | ❌ |',
    );
    expect(bias).toContain('not assessed');
    expect(bias).not.toMatch(/channel:/);
  });

  it('describes what changed when there is no hypothesis', () => {
    const record: RunRecord = { ...runRecord, manifest: { ...runRecord.manifest, hypothesis: null } };
    const entry = renderExperimentEntry(record, analysis, { number: 1 });
    expect(entry.split('\n')[0]).toBe('## Experiment 001: support-answer v1 → v2, config changed');
    expect(entry).toContain('**Hypothesis:** None recorded for this run.');
    expect(entry).toContain('State a hypothesis for the next run');
  });

  it('suggests accepting the baseline when nothing fails', () => {
    const clean: RunRecord = {
      ...runRecord,
      targets: runRecord.targets.map((t) => ({ ...t, pass: true })),
      bias: { rows: [], subgroups: [] },
      gate: passingGate,
    };
    const entry = renderExperimentEntry(clean, analyzeErrors([]), { number: 2 });
    expect(entry).toContain('accept this run as the new baseline');
  });
});

describe('nextExperimentNumber', () => {
  it('continues from the highest entry in an existing log', () => {
    const log =
      '# Experiment log\n\n## Experiment 001: first\n\ntext\n\n## Experiment 002: second\n\nmore text mentioning ## Experiment 009 inline\n';
    expect(nextExperimentNumber(log)).toBe(3);
  });

  it('starts at 1 for a new or empty log', () => {
    expect(nextExperimentNumber(null)).toBe(1);
    expect(nextExperimentNumber('# Experiment log\n')).toBe(1);
  });

  it('goes past three digits without breaking', () => {
    expect(nextExperimentNumber('## Experiment 999: x\n')).toBe(1000);
  });
});

describe('appendExperiment', () => {
  const entry = renderExperimentEntry(runRecord, analysis, { number: 1 });

  it('adds the log title when the file is new', () => {
    const text = appendExperiment(null, entry);
    expect(text.startsWith('# Experiment Log\n\n## Experiment 001: ')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(appendExperiment('  \n', entry)).toBe(text);
  });

  it('appends after existing entries with one blank line and numbers on', () => {
    const existing = '# Experiment log\n\n## Experiment 001: a\n\n## Experiment 002: b\n\n\n';
    const next = renderExperimentEntry(runRecord, analysis, { number: nextExperimentNumber(existing) });
    const text = appendExperiment(existing, next);
    expect(text).toContain('## Experiment 002: b\n\n## Experiment 003: ');
    expect(text.match(/^# Experiment log$/gim)).toHaveLength(1);
    expect(nextExperimentNumber(text)).toBe(4);
  });
});
