import { describe, expect, it } from 'vitest';
import {
  formatAchieved,
  formatDelta,
  formatMetric,
  formatP,
  formatTarget,
  formatWithInterval,
  NA,
} from './format-value.js';

describe('format-value', () => {
  it('formats by unit: scores 3 decimals, ms integers, USD 4 decimals', () => {
    expect(formatMetric('answer.f1', 0.61249)).toBe('0.612');
    expect(formatMetric('latency.p95_ms', 2140.6)).toBe('2141 ms');
    expect(formatMetric('cost.total_usd', 0.003124)).toBe('$0.0031');
  });

  it('renders null, undefined and NaN as n/a', () => {
    expect(formatMetric('answer.f1', null)).toBe(NA);
    expect(formatMetric('answer.f1', undefined)).toBe(NA);
    expect(formatMetric('answer.f1', Number.NaN)).toBe(NA);
    expect(formatWithInterval('answer.f1', null, 0.1, 0.2)).toBe(NA);
    expect(formatP(null)).toBe(NA);
  });

  it('shows intervals with an en dash, or "to" when a bound is negative', () => {
    expect(formatWithInterval('answer.f1', 0.612, 0.571, 0.655)).toBe('0.612 (95% CI 0.571–0.655)');
    expect(formatWithInterval('answer.f1', 0.01, -0.02, 0.04)).toBe('0.010 (95% CI -0.020 to 0.040)');
    expect(
      formatAchieved('hallucination.rate', {
        value: 0.2,
        low: 0,
        high: 0.4,
        n: 10,
        kind: 'mean',
        wilson: [0.057, 0.51],
      }),
    ).toBe('0.200 (95% CI 0.000–0.400; Wilson 0.057–0.510)');
  });

  it('signs deltas and never prints -0.000', () => {
    expect(formatDelta('answer.f1', 0.0141)).toBe('+0.014');
    expect(formatDelta('answer.f1', -0.132)).toBe('-0.132');
    expect(formatDelta('answer.f1', -0.0001)).toBe('0.000');
    expect(formatDelta('latency.p95_ms', 12.4)).toBe('+12 ms');
  });

  it('writes targets with the comparison sign in the metric unit', () => {
    expect(formatTarget({ metric: 'answer.f1', op: '>=', target: 0.55 })).toBe('≥ 0.550');
    expect(formatTarget({ metric: 'latency.p95_ms', op: '<=', target: 2500 })).toBe('≤ 2500 ms');
    expect(formatP(0.0004)).toBe('<0.001');
  });
});
