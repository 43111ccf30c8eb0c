import { describe, expect, it } from 'vitest';
import { analyzeErrors } from '../analysis/error-analysis.js';
import type { RunRecord } from '../run/types.js';
import { expectGolden } from './__fixtures__/golden.js';
import { results, runRecord } from './__fixtures__/run-record.js';
import { appendExperiment, nextExperimentNumber, renderExperimentEntry } from './experiment-log.js';

const analysis = analyzeErrors(results);

describe('renderExperimentEntry', () => {
  it('matches the golden entry', () => {
    expectGolden(
      renderExperimentEntry(runRecord, analysis, { number: 3 }),
      new URL('./__fixtures__/experiment-entry.golden.md', import.meta.url),
    );
  });

  it('has the spec headings in order', () => {
    const entry = renderExperimentEntry(runRecord, analysis, { number: 7 });
    const headings = entry
      .split('\n')
      .filter((l) => l.startsWith('#') || l.startsWith('**Date:**'))
      .map((l) => l.replace(/:.*$/, '').replace(/\*\*Date$/, '**Date:**'));
    expect(headings).toEqual([
      '## Experiment 007',
      '**Date:**',
      '### Hypothesis',
      '### Approach',
      '### Results',
      '### Bias Audit',
      '### Error Analysis',
      '### Conclusion',
      '### Next Steps',
    ]);
    expect(entry).toContain('| Metric | Target | Achieved | Delta |');
  });

  it('describes what changed when there is no hypothesis', () => {
    const record: RunRecord = { ...runRecord, manifest: { ...runRecord.manifest, hypothesis: null } };
    const entry = renderExperimentEntry(record, analysis, { number: 1 });
    expect(entry.split('\n')[0]).toBe('## Experiment 001: support-answer v1 → v2, config changed');
    expect(entry).toContain('No hypothesis was recorded');
    expect(entry).toContain('State a hypothesis for the next run');
  });

  it('suggests accepting the baseline when nothing fails', () => {
    const clean: RunRecord = {
      ...runRecord,
      targets: runRecord.targets.map((t) => ({ ...t, pass: true })),
      bias: { rows: [], subgroups: [] },
      gate: {
        status: 'pass',
        failures: [],
        warnings: [],
        waived: [],
        notAssessed: [],
        passedChecks: 0,
        family: null,
        exitCode: 0,
        recommendation: 'ship',
        reasons: [],
        conditions: [],
      },
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
    expect(text.startsWith('# Experiment log\n\n## Experiment 001: ')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(appendExperiment('  \n', entry)).toBe(text);
  });

  it('appends after existing entries with one blank line and numbers on', () => {
    const existing = '# Experiment log\n\n## Experiment 001: a\n\n## Experiment 002: b\n\n\n';
    const next = renderExperimentEntry(runRecord, analysis, { number: nextExperimentNumber(existing) });
    const text = appendExperiment(existing, next);
    expect(text).toContain('## Experiment 002: b\n\n## Experiment 003: ');
    expect(text.match(/^# Experiment log$/gm)).toHaveLength(1);
    expect(nextExperimentNumber(text)).toBe(4);
  });
});
