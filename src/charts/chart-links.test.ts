import { describe, expect, it } from 'vitest';
import { withChartLinks } from './chart-links.js';

const REPORT = [
  '# Report',
  '',
  '## Performance Metrics',
  '',
  '| a |',
  '',
  '## Bias Audit Results',
  '',
  'text',
  '',
].join('\n');

describe('withChartLinks', () => {
  it('puts each chart at the end of its section, as a relative image link', () => {
    const out = withChartLinks(REPORT, [
      { file: 'forest-vs-baseline.svg', title: 'Change vs baseline', section: 'Performance Metrics' },
      { file: 'bias-gaps.svg', title: 'Bias [gaps]', section: 'Bias Audit Results' },
    ]);
    expect(out).toBe(
      [
        '# Report',
        '',
        '## Performance Metrics',
        '',
        '| a |',
        '',
        '![Change vs baseline](charts/forest-vs-baseline.svg)',
        '',
        '## Bias Audit Results',
        '',
        'text',
        '',
        '![Bias gaps](charts/bias-gaps.svg)',
        '',
      ].join('\n'),
    );
  });

  it('keeps a chart whose section is missing in a closing Charts section', () => {
    const out = withChartLinks(REPORT, [
      { file: 'history.svg', title: 'History', section: 'Recommendation' },
    ]);
    expect(out.endsWith('## Charts\n\n![History](charts/history.svg)\n')).toBe(true);
  });

  it('leaves the report untouched without charts', () => {
    expect(withChartLinks(REPORT, [])).toBe(REPORT);
  });
});
