import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import type { Baseline, BiasRow } from '../run/types.js';
import { judgeBias } from './bias-verdicts.js';

const config = (bias: Record<string, unknown> = {}) =>
  ConfigSchema.parse({
    name: 't',
    providers: ['local/extractive'],
    suites: [{ name: 'intent', task: 'classify', cases: 'i.jsonl', labels: ['a', 'b'] }],
    bias,
  });

const row = (extra: Partial<BiasRow> = {}): BiasRow => ({
  check: 'intent/segment/equalized_odds',
  suite: 'intent',
  provider: 'local/extractive',
  attribute: 'segment',
  metric: 'equalized odds difference (worst label)',
  threshold: 0.2,
  action: 'block',
  value: 0.259,
  pass: false,
  ...extra,
});

const judge = (
  rows: BiasRow[],
  bias: Record<string, unknown> = {},
  baseline: Baseline | null = null,
  today = '2026-12-06',
) => judgeBias({ rows, config: config(bias), baseline, today, alpha: 0.05 });

describe('judgeBias: absolute thresholds', () => {
  it('blocks a failed check by default, and only warns when its action says so', () => {
    expect(judge([row()]).failures.map((f) => f.kind)).toEqual(['bias']);
    const warned = judge([row({ action: 'warn' })]);
    expect(warned.failures).toEqual([]);
    expect(warned.warnings).toHaveLength(1);
  });

  it('counts a passed check, and lists a check that could not be judged as not assessed', () => {
    const out = judge([
      row({ value: 0.1, pass: true }),
      row({ value: null, pass: null, notJudged: 'not computed: fewer than 20 cases' }),
    ]);
    expect(out.passed).toBe(1);
    expect(out.failures).toEqual([]);
    expect(out.notAssessed).toHaveLength(1);
    expect(out.notAssessed[0].why).toBe('not computed: fewer than 20 cases');
  });
});

describe('judgeBias: waivers', () => {
  const waiver = (expires: string) => ({
    waivers: [
      {
        check: 'intent/segment/equalized_odds',
        provider: 'local/extractive',
        reason: 'only 5 free-segment escalate cases; more being labelled',
        expires,
      },
    ],
  });

  it('a valid waiver turns the failure into a waived entry, shown with its reason', () => {
    const out = judge([row()], waiver('2027-03-31'));
    expect(out.failures).toEqual([]);
    expect(out.waived).toMatchObject([{ check: 'intent/segment/equalized_odds', expires: '2027-03-31' }]);
  });

  it('is still valid on its expiry day and fails loudly the day after, even if the check now passes', () => {
    expect(judge([row()], waiver('2026-12-06')).failures).toEqual([]);
    const expired = judge([row()], waiver('2026-12-05'));
    expect(expired.failures.map((f) => f.kind)).toEqual(['waiver-expired', 'bias']);
    expect(expired.failures[0].message).toContain('expired on 2026-12-05');
    const fixed = judge([row({ value: 0.1, pass: true })], waiver('2026-12-05'));
    expect(fixed.failures.map((f) => f.kind)).toEqual(['waiver-expired']);
    expect(fixed.failures[0].message).toContain('remove the waiver');
  });

  it('an expired waiver of a check this run did not audit is not assessed, not a failure', () => {
    const out = judge([], waiver('2026-12-05'));
    expect(out.failures).toEqual([]);
    expect(out.notAssessed[0].why).toBe('this run did not audit the check');
  });

  it("waives only the named provider's failure", () => {
    const real = judge([row({ provider: 'openai/gpt-4o-mini' })], waiver('2027-03-31'));
    expect(real.waived).toEqual([]);
    expect(real.failures.map((f) => f.provider)).toEqual(['openai/gpt-4o-mini']);
  });

  it('does not waive a different check', () => {
    const out = judge([row({ check: 'intent/segment/parity_difference' })], waiver('2027-03-31'));
    expect(out.failures.map((f) => f.metric)).toEqual(['intent/segment/parity_difference']);
  });
});

describe('judgeBias: worse than the baseline', () => {
  const baseline = (value: number, standardError: number | null) =>
    ({
      bias: [{ check: 'intent/gender/flip_rate', provider: 'local/extractive', value, standardError }],
    }) as unknown as Baseline;
  const flips = (value: number, standardError: number | null) =>
    row({
      check: 'intent/gender/flip_rate',
      attribute: 'gender',
      metric: 'label flip rate',
      threshold: 0.5,
      value,
      pass: true,
      standardError,
    });

  it('blocks a significant worsening beyond the minimum increase, even under the threshold', () => {
    // z = (0.30 − 0.05) / √(0.02² + 0.05²) = 4.64: p ≈ 2e-6.
    const out = judge([flips(0.3, 0.05)], {}, baseline(0.05, 0.02));
    expect(out.failures.map((f) => f.kind)).toEqual(['bias-regression']);
  });

  it('does not block noise, an improvement, or a change below the minimum increase', () => {
    expect(judge([flips(0.15, 0.1)], {}, baseline(0.05, 0.1)).failures).toEqual([]); // z = 0.71
    expect(judge([flips(0.01, 0.01)], {}, baseline(0.05, 0.02)).failures).toEqual([]);
    expect(judge([flips(0.065, 0.001)], {}, baseline(0.05, 0.001)).failures).toEqual([]); // +0.015 < 0.02
  });

  it('warns instead when configured, and says when a check cannot be tested', () => {
    const warned = judge([flips(0.3, 0.05)], { regression: { action: 'warn' } }, baseline(0.05, 0.02));
    expect(warned.failures).toEqual([]);
    expect(warned.warnings.map((f) => f.kind)).toEqual(['bias-regression']);
    const untestable = judge([flips(0.3, null)], {}, baseline(0.05, null));
    expect(untestable.failures).toEqual([]);
    expect(untestable.notAssessed[0].why).toContain('no standard error');
  });
});
