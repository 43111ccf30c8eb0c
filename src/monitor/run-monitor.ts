// `evalgate monitor` as a library call: the window of inference-log lines, compared per served
// suite with the reference the accepted baseline stored, plus traffic against its expectation.
// Returns the signal rows; rendering and the exit code are the caller's.
import { type InputHasher, KEYED_PREFIX } from '../serve/input-hash.js';
import type { MonitorConfig } from '../config/monitor-schema.js';
import { createRng } from '../core/rng.js';
import type { InferenceRecord } from '../serve/inference-record.js';
import type { ServingReference } from '../serve/serving-reference.js';
import { F1_DROP, feedbackF1 } from '../feedback/feedback-f1.js';
import type { FeedbackLine } from '../feedback/import-feedback.js';
import { INVALID_LABEL } from '../serve/serving-reference.js';
import { poissonLowerTail } from './exact-tests.js';
import { fmt, fmtP, suiteSignals, type SignalRow } from './monitor-signals.js';

export interface MonitorOutcome {
  rows: SignalRow[];
  window: { from: string | null; to: string | null; requests: number };
  alerts: number;
}

export function runMonitor(options: {
  records: readonly InferenceRecord[];
  reference: ServingReference | null;
  settings: MonitorConfig;
  since?: number;
  now: number;
  /** Human labels for production samples (`--feedback`), and the eval's macro-F1 per suite × model. */
  feedback?: {
    lines: readonly FeedbackLine[];
    evalF1: (suite: string, model: string) => number | null;
    /** Hashes feedback inputs the way the log did (keyed when the deployment set a key). */
    hashInput?: InputHasher;
  };
}): MonitorOutcome {
  const { settings } = options;
  const inWindow = options.records.filter(
    (r) => options.since === undefined || Date.parse(r.time) >= options.since,
  );
  const before = options.records.filter(
    (r) => options.since !== undefined && Date.parse(r.time) < options.since,
  );
  const rng = createRng(settings.seed);
  const groups = new Map<string, InferenceRecord[]>();
  for (const r of inWindow) {
    const key = `${r.suite}\u0000${r.model}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  const rows: SignalRow[] = [];
  for (const [key, records] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [suite, model] = key.split('\u0000');
    rows.push(
      ...suiteSignals({
        suite:
          groups.size > 1 && new Set([...groups.keys()].map((k) => k.split('\u0000')[0])).size < groups.size
            ? `${suite} (${model})`
            : suite,
        records,
        reference: options.reference?.reference[suite]?.[model],
        settings,
        rng: rng.fork(key),
      }),
    );
    const dist = options.reference?.reference[suite]?.[model];
    if (options.feedback && dist?.labels)
      rows.push(
        feedbackRow({
          suite,
          records,
          // Every label of the suite, as the eval's macro-F1 uses; a label the eval never
          // predicted is still one of the classes.
          labels: (dist.labelOrder ?? Object.keys(dist.labels)).filter((l) => l !== INVALID_LABEL),
          lines: options.feedback.lines,
          evalF1: options.feedback.evalF1(suite, model),
          hashInput: options.feedback.hashInput,
          rng: rng.fork(`${key}:feedback`),
        }),
      );
  }
  const from = options.since ?? (inWindow[0] ? Date.parse(inWindow[0].time) : null);
  const to =
    options.since !== undefined
      ? options.now
      : inWindow.length
        ? Date.parse(inWindow[inWindow.length - 1].time)
        : null;
  rows.push(traffic({ count: inWindow.length, before, from, to, since: options.since, settings }));
  return {
    rows,
    window: {
      from: from === null ? null : new Date(from).toISOString(),
      to: to === null ? null : new Date(to).toISOString(),
      requests: inWindow.length,
    },
    alerts: rows.filter((r) => r.verdict === 'alert').length,
  };
}

function feedbackRow(options: {
  suite: string;
  records: readonly InferenceRecord[];
  labels: string[];
  lines: readonly FeedbackLine[];
  evalF1: number | null;
  hashInput?: InputHasher;
  rng: ReturnType<typeof createRng>;
}): SignalRow {
  const r = feedbackF1({ ...options, feedback: options.lines, replicates: 1000 });
  const base = { suite: options.suite, signal: 'macro-F1 vs feedback labels' };
  if (r.f1 === null || r.low === null || r.high === null || r.evalF1 === null)
    return {
      ...base,
      value: `${r.matched} labelled requests matched`,
      threshold: '—',
      test:
        r.evalF1 === null
          ? 'no eval macro-F1 in the baseline'
          : keyedWithoutKey(options.records, options.hashInput)
            ? 'the log hashes inputs with a key that is not set here (serve.input_hash_key_env), so feedback can only match by request id, and none did'
            : 'no feedback line matches a logged request',
      effects: '',
      verdict: 'not assessed',
    };
  return {
    ...base,
    value: `${fmt(r.f1)} (95 % CI ${fmt(r.low)}–${fmt(r.high)}; eval ${fmt(r.evalF1)})`,
    threshold: `drop ≤ ${F1_DROP} or CI reaching the eval value`,
    test: `bootstrap over ${r.matched} labelled requests (matched by request id or input hash)`,
    effects: `difference ${fmt(r.f1 - r.evalF1)}`,
    verdict: r.alert ? 'alert' : 'pass',
  };
}

/** The log's hashes are keyed but this monitor run has no key: inputs cannot be matched. */
function keyedWithoutKey(records: readonly InferenceRecord[], hashInput: InputHasher | undefined): boolean {
  const keyed = records.some((r) => r.input_hash.startsWith(KEYED_PREFIX));
  return keyed && (hashInput === undefined || !hashInput('').startsWith(KEYED_PREFIX));
}

/** Traffic that stops: fewer requests than expected, with an exact Poisson test. */
function traffic(options: {
  count: number;
  before: readonly InferenceRecord[];
  from: number | null;
  to: number | null;
  since: number | undefined;
  settings: MonitorConfig;
}): SignalRow {
  const { count, settings } = options;
  const base = { suite: 'all', signal: 'traffic' };
  const hours = options.from !== null && options.to !== null ? (options.to - options.from) / 3_600_000 : 0;
  let rate = settings.expected_requests_per_hour;
  let source = 'monitor.expected_requests_per_hour';
  if (rate === undefined && options.before.length >= 10 && options.since !== undefined) {
    const first = Date.parse(options.before[0].time);
    const spanHours = (options.since - first) / 3_600_000;
    if (spanHours > 0) {
      rate = options.before.length / spanHours;
      source = `the ${options.before.length} requests before the window`;
    }
  }
  if (rate === undefined || hours <= 0 || options.since === undefined)
    return {
      ...base,
      value: `${count} requests`,
      threshold: '—',
      test: 'needs --since and an expected rate (monitor.expected_requests_per_hour, or log lines before the window)',
      effects: '',
      verdict: 'not assessed',
    };
  const expected = rate * hours;
  const pValue = poissonLowerTail(count, expected);
  const alert = pValue <= settings.alpha && count < expected / 2;
  return {
    ...base,
    value: `${count} requests in ${fmt(hours)} h (expected ${fmt(expected)})`,
    threshold: `fewer than half the expected, Poisson p ≤ ${settings.alpha}`,
    test: `exact Poisson P(X ≤ ${count} | λ = ${fmt(expected)}) = ${fmtP(pValue)}; rate from ${source}`,
    effects: '',
    verdict: alert ? 'alert' : 'pass',
  };
}
