import { describe, expect, it } from 'vitest';
import { costSummary } from './cost-summary.js';

describe('costSummary', () => {
  it('totals priced cases and counts estimated-token cases', () => {
    const summary = costSummary([
      { costUsd: 0.01, inputTokens: 100, outputTokens: 20 },
      { costUsd: 0.03, inputTokens: 300, outputTokens: 10, estimated: true },
      { costUsd: null, inputTokens: 50, outputTokens: 5 },
    ]);
    // total 0.04 over 2 priced cases → mean 0.02
    expect(summary.totalUsd).toBeCloseTo(0.04, 12);
    expect(summary.meanUsdPerCase).toBeCloseTo(0.02, 12);
    expect(summary).toMatchObject({
      cases: 3,
      pricedCases: 2,
      inputTokens: 450,
      outputTokens: 35,
      estimatedTokenCases: 1,
    });
  });
  it('has no cost when nothing is priced', () => {
    expect(costSummary([{ costUsd: null }])).toMatchObject({ totalUsd: null, meanUsdPerCase: null });
  });
});
