import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import type { CaseResult } from '../run/types.js';
import { caseInputLengths } from './case-input-lengths.js';
import { caseResult } from './__fixtures__/case-result.js';

/** The definition: per suite and case, the input length of its last row by (provider, repeat), the first of equal rows. */
function oracle(results: readonly CaseResult[]): Map<string, number[]> {
  const last = new Map<string, CaseResult>();
  for (const r of results) {
    const key = `${r.suite}\u0000${r.caseId}`;
    const seen = last.get(key);
    if (!seen || r.provider > seen.provider || (r.provider === seen.provider && r.repeat > seen.repeat))
      last.set(key, r);
  }
  const out = new Map<string, number[]>();
  for (const r of last.values()) out.set(r.suite, [...(out.get(r.suite) ?? []), r.input.length]);
  return out;
}

const sorted = (m: Map<string, ArrayLike<number>>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, Array.from(v).sort((a, b) => a - b)]));

/** Rows in results.jsonl's order (suite, provider, case id, repeat), inputs differing by repeat. */
function run(providers: readonly string[], rng = createRng(9)): CaseResult[] {
  const out: CaseResult[] = [];
  for (const suite of ['a', 'b'])
    for (const provider of providers)
      for (let c = 0; c < 40; c++)
        for (let repeat = 0; repeat < 1 + (c % 3); repeat++)
          out.push(
            caseResult({
              suite,
              provider,
              caseId: `case-${String(c).padStart(2, '0')}`,
              repeat,
              input: 'x'.repeat(1 + rng.int(200)),
            }),
          );
  return out;
}

async function lengths(results: readonly CaseResult[]) {
  let passes = 0;
  const found = await caseInputLengths(() => {
    passes++;
    return results;
  });
  return { found, passes };
}

describe('caseInputLengths', () => {
  it('reads a sorted single-provider run in one pass, keeping each case’s highest repeat', async () => {
    const results = run(['p1']);
    const { found, passes } = await lengths(results);
    expect(passes).toBe(1);
    expect(sorted(found)).toEqual(sorted(oracle(results)));
  });

  it('takes the first of rows with equal repeats, as the keyed pass does', async () => {
    const results = [
      caseResult({ caseId: 'a', input: 'xx' }),
      caseResult({ caseId: 'a', input: 'xxxxx' }),
      caseResult({ caseId: 'b', input: 'x', repeat: 1 }),
      caseResult({ caseId: 'b', input: 'xxx', repeat: 0 }),
    ];
    const fast = await lengths(results);
    expect(fast.passes).toBe(1);
    expect(Array.from(fast.found.get('qa')!)).toEqual([2, 1]);
    // The same rows with a second provider's row first take the keyed pass: same lengths.
    const keyed = await lengths([caseResult({ caseId: 'z', provider: 'other' }), ...results]);
    expect(keyed.passes).toBe(2);
    expect(Array.from(keyed.found.get('qa')!).slice(1)).toEqual([2, 1]);
  });

  it('falls back to keying cases by id for several providers, shuffled rows and a suite met twice', async () => {
    const rng = createRng(4);
    const shuffled = run(['p1']);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const single = run(['p1']);
    const suiteAgain = [
      ...single.slice(0, 10),
      ...single.filter((r) => r.suite === 'b'),
      ...single.slice(10).filter((r) => r.suite === 'a'),
    ];
    // One suite and one provider, its rows out of case order.
    const withinSuite = run(['p1']).filter((r) => r.suite === 'a');
    for (let i = withinSuite.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [withinSuite[i], withinSuite[j]] = [withinSuite[j], withinSuite[i]];
    }
    for (const results of [run(['p2', 'p1']), run(['p1', 'p2']), shuffled, suiteAgain, withinSuite]) {
      const { found, passes } = await lengths(results);
      expect(passes).toBe(2);
      expect(sorted(found)).toEqual(sorted(oracle(results)));
    }
  });

  it('does not take one case under two providers for repeats of one', async () => {
    // p1's last case is p2's first: its length comes from p2 (the later provider), whatever the repeat.
    const results = [
      caseResult({ caseId: 'c', provider: 'p1', repeat: 1, input: 'xxx' }),
      caseResult({ caseId: 'c', provider: 'p2', repeat: 0, input: 'xxxxxxx' }),
    ];
    const { found, passes } = await lengths(results);
    expect(passes).toBe(2);
    expect(Array.from(found.get('qa')!)).toEqual([7]);
  });
});
