// What the bias audit means for the gate. A failed absolute threshold blocks or warns, as its
// `action` says; a known failure can be waived with a reason until an expiry date, after which
// the waiver itself fails, loudly. Against the baseline, a bias metric that got significantly
// worse by more than `bias.regression.min_increase` blocks too, even below its threshold: the
// checks with a standard error in both runs form one family, corrected with Bonferroni.
import type { EvalConfig } from '../config/schema.js';
import type { AppliedWaiver, Baseline, BiasRow, GateFailure, NotAssessed } from '../run/types.js';
import { normalCdf } from '../stats/index.js';

export interface BiasVerdicts {
  failures: GateFailure[];
  warnings: GateFailure[];
  waived: AppliedWaiver[];
  notAssessed: NotAssessed[];
  passed: number;
}

export interface BiasVerdictOptions {
  rows: readonly BiasRow[];
  config: EvalConfig;
  baseline: Baseline | null;
  /** The day the run is judged, YYYY-MM-DD (waivers expire at the end of their day). */
  today: string;
  alpha: number;
}

export function judgeBias(options: BiasVerdictOptions): BiasVerdicts {
  const { rows, config, today } = options;
  const out: BiasVerdicts = { failures: [], warnings: [], waived: [], notAssessed: [], passed: 0 };
  const waivers = config.bias.waivers;

  for (const waiver of waivers) {
    if (waiver.expires >= today) continue;
    const row = rows.find((r) => r.check === waiver.check && r.provider === waiver.provider);
    if (!row) {
      // A filtered run that did not audit this check cannot say whether the waiver is still needed.
      out.notAssessed.push({
        what: `waiver for ${waiver.check} (${waiver.provider}), expired on ${waiver.expires}`,
        why: 'this run did not audit the check',
      });
      continue;
    }
    out.failures.push({
      kind: 'waiver-expired',
      suite: row.suite,
      provider: waiver.provider,
      metric: waiver.check,
      message:
        row.pass === true
          ? `the waiver for ${waiver.check} expired on ${waiver.expires} and the check now passes: remove the waiver`
          : `the waiver for ${waiver.check} expired on ${waiver.expires} ("${waiver.reason}"): fix the check, or renew the waiver with a new reason and date`,
    });
  }

  for (const row of rows) {
    if (row.pass === null) {
      out.notAssessed.push({
        what: `bias check ${row.check} (${row.provider})`,
        why: row.notJudged ?? 'too little data to judge',
      });
      continue;
    }
    if (row.pass) {
      out.passed++;
      continue;
    }
    const failure: GateFailure = {
      kind: 'bias',
      suite: row.suite,
      provider: row.provider,
      metric: row.check,
      message: `${row.metric} for ${row.attribute} is ${fmt(row.value)}, above its threshold ${row.threshold}`,
    };
    const waiver = waivers.find(
      (w) => w.check === row.check && w.provider === row.provider && w.expires >= today,
    );
    if (waiver) {
      out.waived.push({
        check: row.check,
        reason: waiver.reason,
        expires: waiver.expires,
        suite: row.suite,
        provider: row.provider,
        metric: row.metric,
        value: row.value,
        threshold: row.threshold,
      });
    } else if (row.action === 'block') out.failures.push(failure);
    else out.warnings.push(failure);
  }

  const regressions = biasRegressions(options);
  for (const r of regressions.found)
    (config.bias.regression.action === 'block' ? out.failures : out.warnings).push(r);
  out.notAssessed.push(...regressions.notAssessed);
  return out;
}

function biasRegressions(options: BiasVerdictOptions): { found: GateFailure[]; notAssessed: NotAssessed[] } {
  const { rows, baseline, config, alpha } = options;
  if (!baseline) return { found: [], notAssessed: [] };
  if (!baseline.bias)
    return {
      found: [],
      notAssessed: [
        {
          what: 'bias regression against the baseline',
          why: 'the baseline predates bias values (re-accept it)',
        },
      ],
    };
  const notAssessed: NotAssessed[] = [];
  const tests: { row: BiasRow; before: number; z: number; p: number }[] = [];
  for (const row of rows) {
    const before = baseline.bias.find((b) => b.check === row.check && b.provider === row.provider);
    if (!before || before.value === null || row.value === null) continue;
    const seBefore = before.standardError;
    const seNow = row.standardError;
    if (seBefore == null || seNow == null) {
      // BBQ bias scores are judged by their size in either direction.
      const worse = row.check.includes('/bbq_bias')
        ? Math.abs(row.value) - Math.abs(before.value)
        : row.value - before.value;
      if (worse > config.bias.regression.min_increase)
        notAssessed.push({
          what: `bias regression of ${row.check} (${row.provider}): ${fmt(before.value)} → ${fmt(row.value)}`,
          why: 'this check has no standard error, so a significant change cannot be told from noise',
        });
      continue;
    }
    const se = Math.sqrt(seBefore ** 2 + seNow ** 2);
    if (se === 0) continue;
    // Unpaired: the runs share their cases, so the true standard error of the difference is
    // smaller and this test errs toward not blocking.
    const z = (row.value - before.value) / se;
    tests.push({ row, before: before.value, z, p: 1 - normalCdf(z) });
  }
  const level = alpha / Math.max(1, tests.length);
  const found = tests
    .filter((t) => t.row.value! - t.before > config.bias.regression.min_increase && t.p <= level)
    .map(
      (t): GateFailure => ({
        kind: 'bias-regression',
        suite: t.row.suite,
        provider: t.row.provider,
        metric: t.row.check,
        message: `${t.row.metric} for ${t.row.attribute} got worse: baseline ${fmt(t.before)} → ${fmt(t.row.value)} (one-sided p = ${fmtP(t.p)} ≤ ${fmtP(level)}, ${tests.length} bias checks compared)`,
      }),
    );
  return { found, notAssessed };
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3);
}
function fmtP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
