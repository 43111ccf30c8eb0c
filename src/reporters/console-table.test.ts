import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/types.js';
import { passingGate, runRecord } from './__fixtures__/run-record.js';
import { renderConsoleSummary } from './console-table.js';

const ANSI = /\u001B\[\d+m/g;

describe('renderConsoleSummary', () => {
  const plain = renderConsoleSummary(runRecord, { color: false });

  it('prints one row per suite × provider with metrics, CI, p95, cost and errors', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain).toContain('answer.f1 0.612 (0.200–0.850) ✓');
    expect(plain).toContain('hallucination.rate 0.333 (0.000–0.667) ✗ ≤ 0.050');
    expect(plain).toContain('2141 ms');
    expect(plain).toContain('$0.0031');
    for (const suite of ['support-qa', 'intent', 'kb-retrieval']) expect(plain).toContain(suite);
  });

  it('ends with one gate block: the verdict, each failing metric with baseline, candidate, delta and CI, and what changed', () => {
    const block = plain.slice(plain.indexOf('Gate ✗')).trimEnd().split('\n');
    expect(block[0]).toBe('Gate ✗ FAIL (exit 1) · do not ship');
    expect(block).toContain(
      '  ✗ support-qa · local/extractive · answer.f1: regressed, baseline 0.367 → 0.235 (Δ -0.132, 95% CI -0.251 to -0.031, one-sided p 0.031 ≤ 0.050)',
    );
    expect(block).toContain(
      '  ✗ support-qa · openai/gpt-4o-mini · hallucination.rate: 0.333 misses target ≤ 0.050',
    );
    expect(block.at(-1)).toMatch(/^ {2}changed since baseline /);
  });

  it('colours only when asked, without changing the text', () => {
    const colored = renderConsoleSummary(runRecord, { color: true });
    expect(colored).toMatch(ANSI);
    expect(colored.replace(ANSI, '')).toBe(plain);
  });

  it('wraps the metrics column to fit a width', () => {
    const narrow = renderConsoleSummary(runRecord, { color: false, width: 100 });
    const tableLines = narrow.slice(0, narrow.indexOf('Gate ')).trimEnd().split('\n').slice(1);
    for (const line of tableLines) expect(Array.from(line).length).toBeLessThanOrEqual(100);
  });

  it('labels the offline baseline and stars the metrics it meets by construction', () => {
    const text = renderConsoleSummary(runRecord, { color: false });
    expect(text).toContain('local/*: a deterministic extractive baseline, not a language model.');
    expect(text).toContain('* holds by construction');
    expect(text).toMatch(/hallucination\.rate\* 0\.000/);
    // The same metric from a real model is not starred.
    expect(text).toMatch(/hallucination\.rate 0\.333/);
  });

  it('says so when the gate passes', () => {
    const passing: RunRecord = {
      ...runRecord,
      gate: passingGate,
    };
    expect(renderConsoleSummary(passing, { color: false })).toContain(
      'Gate ✓ PASS · ship · no failed checks, 0 passed',
    );
  });
});
