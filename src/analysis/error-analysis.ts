// Error analysis: picks the failures worth a human's attention out of results.jsonl —
// catastrophic errors, the common failure causes with real examples, and edge cases.
// Pure selection and counting over CaseResult; every ordering is stable (suite, caseId,
// provider, repeat) so the same run always yields the same report.
import type { CaseResult, FailureAttribution } from '../run/types.js';
import {
  describeExpected,
  describeOutput,
  explainFailure,
  labelPair,
  truncateText,
} from './case-explanation.js';
import { longestInputs, summarizeLongInputs } from './long-inputs.js';

export type FailureKind = Exclude<FailureAttribution, 'pass'>;
export type CatastrophicKind =
  | 'confident-hallucination'
  | 'unanswerable-answered'
  | 'missed-escalation'
  | 'false-escalation'
  | 'provider-error';
export type EdgeCaseKind = 'unanswerable' | 'context-overflow' | 'long-input' | 'ambiguous';

export interface ErrorExample {
  suite: string;
  caseId: string;
  provider: string;
  /** Truncated to `maxChars`; escaping is the renderer's job. */
  input: string;
  output: string | null;
  expected: string | null;
  why: string;
}

export interface CatastrophicError extends ErrorExample {
  kind: CatastrophicKind;
}

export interface FailureGroup {
  attribution: FailureKind;
  count: number;
  /** Failures per suite × provider, with the number of results there for scale. */
  breakdown: { suite: string; provider: string; count: number; total: number }[];
  examples: ErrorExample[];
  /** Wrong-label only: most frequent gold → predicted pairs (`(unparsed)` when no label was parsed). */
  confusions: { gold: string; predicted: string; count: number }[];
}

export interface EdgeCaseGroup {
  kind: EdgeCaseKind;
  count: number;
  /** Passed cases; for unanswerable ones, the cases that declined (`answer.declined`, else pass). */
  passed: number;
  /** Cases with an attribution (pass or a failure cause); the pass-rate denominator. */
  judged: number;
  passRate: number | null;
  /** Context overflow only: chunks dropped across these cases. */
  droppedChunks?: number;
  /**
   * Long inputs only: how many carry the long-input tag, how many are in only for their length
   * (longest share of their suite), and the members' input lengths in characters.
   */
  longInputs?: { tagged: number; byLength: number; minChars: number; maxChars: number };
  /** Failing examples first, then passing, then unjudged ones. */
  examples: ErrorExample[];
}

export interface ErrorAnalysisOptions {
  maxExamples?: number;
  confidentThreshold?: number;
  /**
   * A case is a long input when it carries this tag, or when its input is among the longest
   * `longInputShare` of its suite's inputs (the top decile by default) and at least
   * `longInputVsMedian` times the suite's median input length (so a suite of similar-length
   * inputs has no "long" ones).
   */
  longInputTag?: string;
  longInputShare?: number;
  longInputVsMedian?: number;
  /** Catastrophic errors listed per kind (all are counted), so one frequent kind cannot hide the others. */
  maxCatastrophicPerKind?: number;
  /** Quoted inputs and outputs are cut to this many characters. */
  maxChars?: number;
  /** The classification label whose misses are catastrophic. */
  escalateLabel?: string;
}

export interface ErrorAnalysis {
  options: Required<ErrorAnalysisOptions>;
  totals: { results: number; passed: number; failed: number; unjudged: number };
  catastrophic: { counts: Record<CatastrophicKind, number>; items: CatastrophicError[] };
  common: FailureGroup[];
  edgeCases: EdgeCaseGroup[];
}

export const CATASTROPHIC_KINDS: readonly CatastrophicKind[] = [
  'confident-hallucination',
  'unanswerable-answered',
  'missed-escalation',
  'false-escalation',
  'provider-error',
];
export const FAILURE_KINDS: readonly FailureKind[] = [
  'retrieval-miss',
  'context-overflow',
  'generation-error',
  'wrong-label',
  'provider-error',
];
export const EDGE_CASE_KINDS: readonly EdgeCaseKind[] = [
  'unanswerable',
  'context-overflow',
  'long-input',
  'ambiguous',
];

export const DEFAULTS: Required<ErrorAnalysisOptions> = {
  maxExamples: 3,
  confidentThreshold: 0.7,
  longInputTag: 'long-input',
  longInputShare: 0.1,
  longInputVsMedian: 2,
  maxCatastrophicPerKind: 5,
  maxChars: 200,
  escalateLabel: 'escalate',
};

export const TOP_CONFUSIONS = 5;

export function analyzeErrors(
  results: readonly CaseResult[],
  options: ErrorAnalysisOptions = {},
): ErrorAnalysis {
  const opts = { ...DEFAULTS, ...options };
  const sorted = [...results].sort(byCase);
  const failed = sorted.filter(isFailure);
  const passed = sorted.filter((r) => r.attribution === 'pass').length;
  return {
    options: opts,
    totals: {
      results: sorted.length,
      passed,
      failed: failed.length,
      unjudged: sorted.length - passed - failed.length,
    },
    catastrophic: selectCatastrophic(sorted, opts),
    common: groupFailures(sorted, failed, opts),
    edgeCases: EDGE_CASE_KINDS.map((kind) =>
      edgeCaseGroup(kind, sorted.filter(edgeCaseFilter(kind, sorted, opts)), opts),
    ),
  };
}

function selectCatastrophic(
  sorted: CaseResult[],
  opts: Required<ErrorAnalysisOptions>,
): ErrorAnalysis['catastrophic'] {
  const counts = Object.fromEntries(CATASTROPHIC_KINDS.map((k) => [k, 0])) as Record<
    CatastrophicKind,
    number
  >;
  const found: { kind: CatastrophicKind; result: CaseResult }[] = [];
  for (const result of sorted) {
    const kind = catastrophicKind(result, opts);
    if (kind === null) continue;
    counts[kind] += 1;
    found.push({ kind, result });
  }
  // Kinds in severity order; within a kind the case order from `sorted` is kept (sort is stable).
  found.sort((a, b) => CATASTROPHIC_KINDS.indexOf(a.kind) - CATASTROPHIC_KINDS.indexOf(b.kind));
  const shown = Object.fromEntries(CATASTROPHIC_KINDS.map((k) => [k, 0])) as Record<CatastrophicKind, number>;
  const listed = found.filter(({ kind }) => shown[kind]++ < opts.maxCatastrophicPerKind);
  const items = listed.map(({ kind, result }) => ({
    kind,
    ...example(result, opts, catastrophicWhy(kind, result)),
  }));
  return { counts, items };
}

/** First matching kind wins, so one case is never reported twice. */
export function catastrophicKind(
  r: CaseResult,
  opts: Required<ErrorAnalysisOptions>,
): CatastrophicKind | null {
  if (r.error || r.attribution === 'provider-error') return 'provider-error';
  if (r.scores['hallucination.rate'] === 1 && r.confidence != null && r.confidence >= opts.confidentThreshold)
    return 'confident-hallucination';
  if (r.unanswerable && r.output !== null && declined(r) === false) return 'unanswerable-answered';
  if (r.label === opts.escalateLabel && r.predicted !== undefined && r.predicted !== opts.escalateLabel)
    return 'missed-escalation';
  if (r.predicted === opts.escalateLabel && r.label !== undefined && r.label !== opts.escalateLabel)
    return 'false-escalation';
  return null;
}

export function catastrophicWhy(kind: CatastrophicKind, r: CaseResult): string {
  switch (kind) {
    case 'confident-hallucination':
      return `Stated unsupported content with confidence ${r.confidence?.toFixed(3)}. ${explainFailure(r)}`;
    case 'unanswerable-answered':
      return 'The knowledge base does not answer this, but the model answered instead of declining.';
    case 'missed-escalation':
      return `Needed a human but was routed to "${r.predicted ?? '(unparsed)'}".`;
    case 'false-escalation':
      return `Escalated to a human although the gold label is "${r.label}".`;
    case 'provider-error':
      return explainFailure(r);
  }
}

function groupFailures(
  sorted: CaseResult[],
  failed: CaseResult[],
  opts: Required<ErrorAnalysisOptions>,
): FailureGroup[] {
  const totals = countBy(sorted, (r) => `${r.suite}\u0000${r.provider}`);
  const groups: FailureGroup[] = [];
  for (const attribution of FAILURE_KINDS) {
    const members = failed.filter((r) => failureKind(r) === attribution);
    if (members.length === 0) continue;
    const breakdown = [...countBy(members, (r) => `${r.suite}\u0000${r.provider}`)]
      .map(([key, count]) => {
        const [suite, provider] = key.split('\u0000');
        return { suite, provider, count, total: totals.get(key) ?? count };
      })
      .sort((a, b) => compare(a.suite, b.suite) || compare(a.provider, b.provider));
    groups.push({
      attribution,
      count: members.length,
      breakdown,
      examples: pickExamples(members, opts),
      confusions: attribution === 'wrong-label' ? topConfusions(members) : [],
    });
  }
  // Most frequent cause first; ties keep the pipeline order of FAILURE_KINDS.
  return groups.sort((a, b) => b.count - a.count);
}

function topConfusions(members: CaseResult[]): FailureGroup['confusions'] {
  const pairs = countBy(members, (r) => {
    const { gold, predicted } = labelPair(r);
    return `${gold}\u0000${predicted}`;
  });
  return [...pairs]
    .map(([key, count]) => {
      const [gold, predicted] = key.split('\u0000');
      return { gold, predicted, count };
    })
    .sort((a, b) => b.count - a.count || compare(a.gold, b.gold) || compare(a.predicted, b.predicted))
    .slice(0, TOP_CONFUSIONS);
}

export function edgeCaseFilter(
  kind: EdgeCaseKind,
  sorted: readonly CaseResult[],
  opts: Required<ErrorAnalysisOptions>,
  /** Whether a result's input is long for its suite, when already worked out (streaming). */
  long?: (r: CaseResult) => boolean,
): (r: CaseResult) => boolean {
  switch (kind) {
    case 'unanswerable':
      return (r) => r.unanswerable === true;
    case 'context-overflow':
      return (r) => r.context !== undefined && (r.context.overflow || r.context.dropped.length > 0);
    case 'long-input': {
      const longest =
        long ?? longestInputs(sorted, { share: opts.longInputShare, vsMedian: opts.longInputVsMedian });
      return (r) => r.tags.includes(opts.longInputTag) || longest(r);
    }
    case 'ambiguous':
      return (r) => r.tags.includes('ambiguous');
  }
}

function edgeCaseGroup(
  kind: EdgeCaseKind,
  members: CaseResult[],
  opts: Required<ErrorAnalysisOptions>,
): EdgeCaseGroup {
  const outcome = (r: CaseResult): boolean | null => (kind === 'unanswerable' ? declined(r) : passed(r));
  // The cases a test author marked as long are the ones a reader looks for first.
  const tagged = (r: CaseResult): number =>
    kind === 'long-input' && r.tags.includes(opts.longInputTag) ? 0 : 1;
  const failing = members.filter((r) => outcome(r) === false).sort((a, b) => tagged(a) - tagged(b));
  const passing = members.filter((r) => outcome(r) === true);
  const unjudged = members.filter((r) => outcome(r) === null);
  const judged = passing.length + failing.length;
  const group: EdgeCaseGroup = {
    kind,
    count: members.length,
    passed: passing.length,
    judged,
    passRate: judged > 0 ? passing.length / judged : null,
    examples: pickExamples([...failing, ...passing, ...unjudged], opts),
  };
  if (kind === 'context-overflow')
    group.droppedChunks = members.reduce((sum, r) => sum + (r.context?.dropped.length ?? 0), 0);
  if (kind === 'long-input' && members.length > 0)
    group.longInputs = summarizeLongInputs(members, opts.longInputTag);
  return group;
}

/** Up to maxExamples distinct cases; repeats of one case would only say the same thing twice. */
function pickExamples(members: CaseResult[], opts: Required<ErrorAnalysisOptions>): ErrorExample[] {
  const seen = new Set<string>();
  const picked: ErrorExample[] = [];
  for (const r of members) {
    const key = `${r.suite}\u0000${r.caseId}\u0000${r.provider}`;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(example(r, opts, explainFailure(r)));
    if (picked.length >= opts.maxExamples) break;
  }
  return picked;
}

export function example(r: CaseResult, opts: Required<ErrorAnalysisOptions>, why: string): ErrorExample {
  const output = describeOutput(r);
  const expected = describeExpected(r);
  return {
    suite: r.suite,
    caseId: r.caseId,
    provider: r.provider,
    input: truncateText(r.input, opts.maxChars),
    output: output === null ? null : truncateText(output, opts.maxChars),
    expected: expected === null ? null : truncateText(expected, opts.maxChars),
    why,
  };
}

export function failureKind(r: CaseResult): FailureKind | null {
  if (r.error) return 'provider-error';
  return r.attribution === null || r.attribution === 'pass' ? null : r.attribution;
}

function isFailure(r: CaseResult): boolean {
  return failureKind(r) !== null;
}

/** true pass, false failure, null not judged. */
export function passed(r: CaseResult): boolean | null {
  return r.attribution === 'pass' ? true : isFailure(r) ? false : null;
}

/**
 * Whether the model declined: the answer scorer's `answer.declined` when it ran, else the
 * case's pass/fail (on an unanswerable case, declining is what passes). Null for failed calls.
 */
export function declined(r: CaseResult): boolean | null {
  if (r.error) return null;
  const score = r.scores['answer.declined'];
  return typeof score === 'number' ? score === 1 : passed(r);
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function byCase(a: CaseResult, b: CaseResult): number {
  return (
    compare(a.suite, b.suite) ||
    compare(a.caseId, b.caseId) ||
    compare(a.provider, b.provider) ||
    a.repeat - b.repeat
  );
}

/** Code-unit order, not localeCompare: reports must not depend on the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
