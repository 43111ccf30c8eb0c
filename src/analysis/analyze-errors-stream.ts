// Error analysis over results streamed twice (results.jsonl read as a stream), holding only
// counts and the few examples the report shows: the same ErrorAnalysis as analyzeErrors gives
// for the same results, at a memory cost that does not grow with the run. Pass 1 measures input
// lengths per suite (for long inputs); pass 2 counts and keeps, per list, the best few rows in
// analyzeErrors's order (suite, caseId, provider, repeat), as examples.
import type { CaseResult } from '../run/types.js';
import { labelPair } from './case-explanation.js';
import {
  CATASTROPHIC_KINDS,
  catastrophicKind,
  catastrophicWhy,
  compare,
  DEFAULTS,
  declined,
  EDGE_CASE_KINDS,
  type EdgeCaseGroup,
  edgeCaseFilter,
  type ErrorAnalysis,
  type ErrorAnalysisOptions,
  type ErrorExample,
  example,
  FAILURE_KINDS,
  type FailureGroup,
  failureKind,
  passed,
  TOP_CONFUSIONS,
} from './error-analysis.js';
import { explainFailure } from './case-explanation.js';
import { inputLengthCutoff } from './long-inputs.js';
import { caseInputLengths } from './case-input-lengths.js';

export type { ResultStream } from '../run/result-stream.js';
import type { ResultStream } from '../run/result-stream.js';

/** analyzeErrors's order: suite, caseId, provider, repeat. */
function byCase(a: CaseResult, b: CaseResult): number {
  return (
    compare(a.suite, b.suite) ||
    compare(a.caseId, b.caseId) ||
    compare(a.provider, b.provider) ||
    a.repeat - b.repeat
  );
}

/**
 * The first `limit` entries by `order`, optionally one per distinct key (the key's first entry
 * in that order): a short sorted list, so memory is `limit` rows whatever the run's size.
 */
function createTopList<T>(
  limit: number,
  order: (a: T, b: T) => number,
  key?: (item: T) => string,
): { offer(item: T): void; items(): T[] } {
  const list: T[] = [];
  return {
    offer(item) {
      if (key) {
        const k = key(item);
        const at = list.findIndex((x) => key(x) === k);
        if (at >= 0) {
          if (order(item, list[at]) >= 0) return;
          list.splice(at, 1);
        }
      }
      if (list.length >= limit && order(item, list[list.length - 1]) >= 0) return;
      let i = list.length;
      while (i > 0 && order(item, list[i - 1]) < 0) i--;
      list.splice(i, 0, item);
      if (list.length > limit) list.pop();
    },
    items: () => list,
  };
}

const caseKey = (r: CaseResult): string => `${r.suite}\u0000${r.caseId}\u0000${r.provider}`;

export async function analyzeErrorsStream(
  source: ResultStream,
  options: ErrorAnalysisOptions = {},
): Promise<ErrorAnalysis> {
  const opts = { ...DEFAULTS, ...options };

  // Pass 1: each case's input length per suite (case-input-lengths.ts), for the long-input cutoff.
  const cutoff = new Map<string, number>();
  for (const [name, lengths] of await caseInputLengths(source))
    cutoff.set(
      name,
      inputLengthCutoff(lengths, { share: opts.longInputShare, vsMedian: opts.longInputVsMedian }),
    );
  const long = (r: CaseResult): boolean =>
    r.input.length >= (cutoff.get(r.suite) ?? Number.POSITIVE_INFINITY);
  const edgeFilters = EDGE_CASE_KINDS.map((kind) => edgeCaseFilter(kind, [], opts, long));

  // Pass 2: counts, and the few rows each list shows.
  const totals = { results: 0, passed: 0, failed: 0, unjudged: 0 };
  const groupTotals = new Map<string, number>();
  const catastrophicCounts = Object.fromEntries(
    CATASTROPHIC_KINDS.map((k) => [k, 0]),
  ) as ErrorAnalysis['catastrophic']['counts'];
  const catastrophicTop = CATASTROPHIC_KINDS.map(() =>
    createTopList<CaseResult>(opts.maxCatastrophicPerKind, byCase),
  );
  const failures = FAILURE_KINDS.map(() => ({
    count: 0,
    breakdown: new Map<string, number>(),
    examples: createTopList<CaseResult>(opts.maxExamples, byCase, caseKey),
    confusions: new Map<string, number>(),
  }));
  const edges = EDGE_CASE_KINDS.map((kind) => {
    const tagged = (r: CaseResult): number =>
      kind === 'long-input' && r.tags.includes(opts.longInputTag) ? 0 : 1;
    const outcome = (r: CaseResult): boolean | null => (kind === 'unanswerable' ? declined(r) : passed(r));
    // Failing first (long-input: tagged ones first), then passing, then unjudged.
    const rank = (r: CaseResult): number => {
      const o = outcome(r);
      return o === false ? tagged(r) : o === true ? 2 : 3;
    };
    return {
      outcome,
      count: 0,
      passed: 0,
      judged: 0,
      dropped: 0,
      long: { tagged: 0, minChars: Number.POSITIVE_INFINITY, maxChars: Number.NEGATIVE_INFINITY },
      examples: createTopList<CaseResult>(
        opts.maxExamples,
        (a, b) => rank(a) - rank(b) || byCase(a, b),
        caseKey,
      ),
    };
  });

  for await (const r of source()) {
    totals.results++;
    const group = `${r.suite}\u0000${r.provider}`;
    groupTotals.set(group, (groupTotals.get(group) ?? 0) + 1);
    const kind = failureKind(r);
    if (r.attribution === 'pass') totals.passed++;
    if (kind !== null) {
      totals.failed++;
      const f = failures[FAILURE_KINDS.indexOf(kind)];
      f.count++;
      f.breakdown.set(group, (f.breakdown.get(group) ?? 0) + 1);
      f.examples.offer(r);
      if (kind === 'wrong-label') {
        const { gold, predicted } = labelPair(r);
        const pair = `${gold}\u0000${predicted}`;
        f.confusions.set(pair, (f.confusions.get(pair) ?? 0) + 1);
      }
    }
    const catastrophic = catastrophicKind(r, opts);
    if (catastrophic !== null) {
      catastrophicCounts[catastrophic]++;
      catastrophicTop[CATASTROPHIC_KINDS.indexOf(catastrophic)].offer(r);
    }
    edges.forEach((e, k) => {
      if (!edgeFilters[k](r)) return;
      e.count++;
      const o = e.outcome(r);
      if (o === true) e.passed++;
      if (o !== null) e.judged++;
      e.dropped += r.context?.dropped.length ?? 0;
      if (r.tags.includes(opts.longInputTag)) e.long.tagged++;
      e.long.minChars = Math.min(e.long.minChars, r.input.length);
      e.long.maxChars = Math.max(e.long.maxChars, r.input.length);
      e.examples.offer(r);
    });
  }
  totals.unjudged = totals.results - totals.passed - totals.failed;

  const pick = (rows: CaseResult[]): ErrorExample[] => rows.map((r) => example(r, opts, explainFailure(r)));
  const common: FailureGroup[] = [];
  FAILURE_KINDS.forEach((attribution, k) => {
    const f = failures[k];
    if (f.count === 0) return;
    common.push({
      attribution,
      count: f.count,
      breakdown: [...f.breakdown]
        .map(([key, count]) => {
          const [suite, provider] = key.split('\u0000');
          return { suite, provider, count, total: groupTotals.get(key) ?? count };
        })
        .sort((a, b) => compare(a.suite, b.suite) || compare(a.provider, b.provider)),
      examples: pick(f.examples.items()),
      confusions:
        attribution === 'wrong-label'
          ? [...f.confusions]
              .map(([key, count]) => {
                const [gold, predicted] = key.split('\u0000');
                return { gold, predicted, count };
              })
              .sort(
                (a, b) => b.count - a.count || compare(a.gold, b.gold) || compare(a.predicted, b.predicted),
              )
              .slice(0, TOP_CONFUSIONS)
          : [],
    });
  });
  common.sort((a, b) => b.count - a.count);

  const edgeCases: EdgeCaseGroup[] = EDGE_CASE_KINDS.map((kind, k) => {
    const e = edges[k];
    const group: EdgeCaseGroup = {
      kind,
      count: e.count,
      passed: e.passed,
      judged: e.judged,
      passRate: e.judged > 0 ? e.passed / e.judged : null,
      examples: pick(e.examples.items()),
    };
    if (kind === 'context-overflow') group.droppedChunks = e.dropped;
    if (kind === 'long-input' && e.count > 0)
      group.longInputs = {
        tagged: e.long.tagged,
        byLength: e.count - e.long.tagged,
        minChars: e.long.minChars,
        maxChars: e.long.maxChars,
      };
    return group;
  });

  return {
    options: opts,
    totals,
    catastrophic: {
      counts: catastrophicCounts,
      items: CATASTROPHIC_KINDS.flatMap((kind, k) =>
        catastrophicTop[k].items().map((r) => ({ kind, ...example(r, opts, catastrophicWhy(kind, r)) })),
      ),
    },
    common,
    edgeCases,
  };
}
