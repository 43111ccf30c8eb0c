import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/types.js';
import { passingGate, runRecord } from './__fixtures__/run-record.js';
import { renderGithubSummary } from './github-summary.js';

describe('renderGithubSummary', () => {
  const text = renderGithubSummary(runRecord);

  it('leads with the gate status and the failing checks', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('## evalgate: ❌ Do not ship — gate failed');
    expect(text.indexOf('### Failing checks')).toBeLessThan(text.indexOf('### Performance'));
    expect(text).toContain('**Regression** — Answer F1 (`answer.f1`) on support-qa · local/extractive');
    expect(text).toContain('**Missed target** — Offline hallucination rate (`hallucination.rate`)');
  });

  it('reuses the report tables for every suite × provider', () => {
    expect(text.match(/^#### /gm)).toHaveLength(runRecord.summary.length);
    expect(text).toContain('| Metric | Target | Achieved | Pass? |');
    expect(text).toContain(
      '| Offline hallucination rate | ≤ 0.050 | 0.333 (95% CI 0.000–0.667; Wilson 0.097–0.700) | ❌ |',
    );
    expect(text).toContain(
      '| Answer F1 | 0.367 | 0.235 | -0.132 (95% CI -0.251 to -0.031) | 0.031 (level 0.050) | 0.118 | 5 | ❌ regression |',
    );
  });

  it('says all is well when the gate passes', () => {
    const passing: RunRecord = {
      ...runRecord,
      gate: passingGate,
    };
    const summary = renderGithubSummary(passing);
    expect(summary.split('\n')[0]).toBe('## evalgate: ✅ Ship — gate passed');
    expect(summary).not.toContain('### Failing checks');
  });
});
