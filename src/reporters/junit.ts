// reports/runs/<run-id>/junit.xml: one <testsuite> per suite × provider and one <testcase> per
// case, so CI systems that read JUnit show eval failures next to unit-test failures.
// Output is deterministic: groups follow the run summary, cases sort by id and repeat.
import type { CaseResult, RunRecord } from '../run/types.js';

const MAX_DETAIL_CHARS = 500;

interface Group {
  suite: string;
  provider: string;
  results: CaseResult[];
}

export function renderJunit(record: RunRecord, results: readonly CaseResult[]): string {
  const groups = groupResults(record, results);
  const count = (pred: (r: CaseResult) => boolean): number => results.filter(pred).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`evalgate ${record.manifest.name}`)}" tests="${results.length}" failures="${count(isFailure)}" errors="${count(isError)}" time="${seconds(record.manifest.durationMs)}">`,
  ];
  for (const group of groups) lines.push(...renderSuite(record, group));
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function renderSuite(record: RunRecord, group: Group): string[] {
  const time = group.results.reduce((sum, r) => sum + (r.latencyMs ?? 0), 0);
  const lines = suiteOpening(record, group.suite, group.provider, {
    tests: group.results.length,
    failures: group.results.filter(isFailure).length,
    errors: group.results.filter(isError).length,
    time,
  });
  for (const result of group.results) lines.push(...renderCase(`${group.suite}.${group.provider}`, result));
  lines.push('  </testsuite>');
  return lines;
}

/** A <testsuite> opening tag and its properties, from the group's counts. */
export function suiteOpening(
  record: RunRecord,
  suite: string,
  provider: string,
  counts: { tests: number; failures: number; errors: number; time: number },
): string[] {
  const name = `${suite}.${provider}`;
  const { failures, errors, time } = counts;
  const summary = record.summary.find((s) => s.suite === suite && s.provider === provider);
  return [
    `  <testsuite name="${attr(name)}" tests="${counts.tests}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}" timestamp="${attr(record.manifest.startedAt.replace(/\.\d+Z$/, 'Z'))}">`,
    '    <properties>',
    property('runId', record.manifest.runId),
    ...(summary
      ? [property('model', summary.model), property('promptVersion', summary.promptVersion ?? '')]
      : []),
    '    </properties>',
  ];
}

export function renderCase(classname: string, r: CaseResult): string[] {
  // Repeats share a case id; a suffix keeps every testcase name unique within its suite.
  const name = r.repeat > 0 ? `${r.caseId} (repeat ${r.repeat + 1})` : r.caseId;
  const open = `    <testcase classname="${attr(classname)}" name="${attr(name)}" time="${seconds(r.latencyMs ?? 0)}"`;
  if (isError(r)) {
    const code = r.error?.code ?? 'PROVIDER_ERROR';
    const message = r.error?.message ?? 'the model call failed';
    return [
      `${open}>`,
      `      <error type="${attr(code)}" message="${attr(message)}">${text(details(r))}</error>`,
      '    </testcase>',
    ];
  }
  if (isFailure(r)) {
    const attribution = r.attribution ?? 'failed';
    return [
      `${open}>`,
      `      <failure type="${attr(attribution)}" message="${attr(`${attribution}: ${failureSummary(r)}`)}">${text(details(r))}</failure>`,
      '    </testcase>',
    ];
  }
  return [`${open}/>`];
}

function groupResults(record: RunRecord, results: readonly CaseResult[]): Group[] {
  const byKey = new Map<string, Group>();
  const key = (suite: string, provider: string): string => `${suite}\u0000${provider}`;
  // Summary order first, so the XML reads like the report; pairs only in results follow, sorted.
  for (const s of record.summary)
    byKey.set(key(s.suite, s.provider), { suite: s.suite, provider: s.provider, results: [] });
  const sorted = [...results].sort((a, b) => compare(a.suite, b.suite) || compare(a.provider, b.provider));
  for (const r of sorted) {
    const k = key(r.suite, r.provider);
    if (!byKey.has(k)) byKey.set(k, { suite: r.suite, provider: r.provider, results: [] });
    byKey.get(k)?.results.push(r);
  }
  const groups = [...byKey.values()].filter((g) => g.results.length > 0);
  for (const g of groups) g.results.sort((a, b) => compare(a.caseId, b.caseId) || a.repeat - b.repeat);
  return groups;
}

export function isError(r: CaseResult): boolean {
  return r.error !== undefined || r.attribution === 'provider-error';
}

export function isFailure(r: CaseResult): boolean {
  return !isError(r) && r.attribution !== null && r.attribution !== 'pass';
}

function failureSummary(r: CaseResult): string {
  if (r.label !== undefined) return `expected ${r.label}, predicted ${r.predicted ?? '(unparsed)'}`;
  const scores = Object.entries(r.scores)
    .filter((e): e is [string, number] => e[1] !== null)
    .sort(([a], [b]) => compare(a, b))
    .map(([k, v]) => `${k}=${v.toFixed(3)}`);
  return scores.length > 0 ? scores.join(', ') : 'see details';
}

function details(r: CaseResult): string {
  const notes = Object.entries(r.notes ?? {})
    .sort(([a], [b]) => compare(a, b))
    .map(([k, v]) => `note ${k}: ${v}`);
  const lines = [
    `input: ${clip(r.input)}`,
    `output: ${r.output === null ? '(none)' : clip(r.output)}`,
    ...(r.references && r.references.length > 0 ? [`expected: ${clip(r.references.join(' / '))}`] : []),
    ...(r.label !== undefined
      ? [
          `expected label: ${r.label}`,
          `predicted: ${r.predicted ?? '(unparsed)'}${r.confidence != null ? ` (confidence ${r.confidence.toFixed(3)})` : ''}`,
        ]
      : []),
    ...(r.unanswerable ? ['expected: decline (unanswerable)'] : []),
    ...(r.error ? [`error: ${r.error.code}: ${r.error.message} (attempts: ${r.attempts})`] : []),
    ...notes,
  ];
  return lines.join('\n');
}

function property(name: string, value: string): string {
  return `      <property name="${attr(name)}" value="${attr(value)}"/>`;
}

function clip(value: string): string {
  // No more UTF-16 units than the limit means no more code points either: nothing to clip, and
  // no array of characters built for every input and output of a 100,000-case run.
  if (value.length <= MAX_DETAIL_CHARS) return value;
  const chars = Array.from(value);
  return chars.length <= MAX_DETAIL_CHARS ? value : `${chars.slice(0, MAX_DETAIL_CHARS - 1).join('')}…`;
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * XML 1.0 cannot carry most control characters even escaped; model output sometimes holds
 * them, so they are dropped rather than producing a file CI refuses to parse.
 */
function stripInvalid(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Anything text() or attr() would drop or escape (lone surrogates: any surrogate, checked below). */
const NEEDS_ESCAPING = /[&<>"'\n\r\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

function text(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) return value;
  return stripInvalid(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and whitespace that parsers would otherwise normalise. */
export function attr(value: string): string {
  // Most ids and times have nothing to escape: returned as they are, without seven more passes.
  if (!NEEDS_ESCAPING.test(value)) return value;
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
