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

  it('escapes or drops each special character even when it is the only one in the value', () => {
    const named = (caseId: string): string => renderJunit(runRecord, [{ ...results[0], caseId }]);
    expect(named('a\tb')).toContain('name="a&#9;b"');
    expect(named('a\rb')).toContain('name="a&#13;b"');
    expect(named('a\nb')).toContain('name="a&#10;b"');
    expect(named("a'b")).toContain('name="a&apos;b"');
    expect(named('a\uFFFEb')).toContain('name="ab"');
    expect(named('a\uD800b')).toContain('name="ab"'); // lone high surrogate
    expect(named('a\uDC00b')).toContain('name="ab"'); // lone low surrogate
    expect(named('a\u{1F600}b')).toContain('name="a\u{1F600}b"'); // a pair is kept
    expect(named('plain-id_1.2')).toContain('name="plain-id_1.2"');
  });

  it('clips details at 500 characters, counting code points', () => {
    const failing = (input: string): string =>
      renderJunit(runRecord, [{ ...results[0], input, attribution: 'generation-error' }]);
    expect(failing('x'.repeat(500))).toContain(`input: ${'x'.repeat(500)}\n`);
    expect(failing('x'.repeat(501))).toContain(`input: ${'x'.repeat(499)}…\n`);
    // 400 emoji are 800 UTF-16 units but 400 characters: not clipped.
    expect(failing('\u{1F600}'.repeat(400))).toContain(`input: ${'\u{1F600}'.repeat(400)}\n`);
    expect(failing('\u{1F600}'.repeat(501))).toContain(`input: ${'\u{1F600}'.repeat(499)}…\n`);
  });

  it('names repeats apart', () => {
    const xml = renderJunit(runRecord, [results[0], { ...results[0], repeat: 1 }]);
    expect(xml).toContain('name="refund-window"');
    expect(xml).toContain('name="refund-window (repeat 2)"');
  });
});
