import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../run/types.js';
import { expectGolden } from './__fixtures__/golden.js';
import { results, runRecord } from './__fixtures__/run-record.js';
import { renderJunit } from './junit.js';

describe('renderJunit', () => {
  it('matches the golden XML', () => {
    expectGolden(
      renderJunit(runRecord, results),
      new URL('./__fixtures__/junit.golden.xml', import.meta.url),
    );
  });

  it('has one testsuite per suite × provider and one testcase per result', () => {
    const xml = renderJunit(runRecord, results);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml.match(/<testcase /g)).toHaveLength(results.length);
    expect(xml).toContain('<testcase classname="intent.openai/gpt-4o-mini" name="int-003"');
    expect(xml.match(/<error /g)).toHaveLength(1);
    expect(xml.match(/<failure /g)).toHaveLength(
      results.filter((r) => r.attribution !== 'pass' && !r.error).length,
    );
  });

  it('does not depend on the order of the results', () => {
    expect(renderJunit(runRecord, [...results].reverse())).toBe(renderJunit(runRecord, results));
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const nasty: CaseResult = {
      ...results[0],
      caseId: 'q"<&>\'',
      input: 'a <b> & "c"\u0007',
      output: ']]> done',
      attribution: 'generation-error',
    };
    const xml = renderJunit(runRecord, [nasty]);
    expect(xml).toContain('name="q&quot;&lt;&amp;&gt;&apos;"');
    expect(xml).toContain('input: a &lt;b&gt; &amp; "c"\n');
    expect(xml).toContain(']]&gt; done');
    expect(xml).not.toContain('\u0007');
  });

  it('names repeats apart', () => {
    const xml = renderJunit(runRecord, [results[0], { ...results[0], repeat: 1 }]);
    expect(xml).toContain('name="refund-window"');
    expect(xml).toContain('name="refund-window (repeat 2)"');
  });
});
