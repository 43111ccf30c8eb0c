// What the gate was asked to judge but could not see. A gated metric that came back null on
// every case (a judge without its key, a broken scorer) or on most of the cases the baseline
// measured, a provider or suite × provider pair of the baseline that did not run (an expired CI
// secret, a suite dropped from the config), and a suite with targets that produced nothing all
// fail the gate: a green run must mean the checks ran. What a filtered run (`--suite`,
// `--provider`) or an explicit switch left out is listed as not assessed instead.
import type { EvalConfig } from '../config/schema.js';
import type { Baseline, GateFailure, NotAssessed, RunManifest, SuiteSummary } from '../run/types.js';
import { describeCaseSelection } from './describe-case-selection.js';

/** A gated metric measured on fewer than this share of the cases the baseline measured is thin. */
export const MIN_MEASURED_SHARE = 0.5;

export interface CoverageOptions {
  manifest: RunManifest;
  summaries: readonly SuiteSummary[];
  config: EvalConfig;
  baseline: Baseline | null;
  /** `--allow-missing-provider`: a deliberate switch away from a baseline provider. */
  allowMissingProviders?: boolean;
}

export interface Coverage {
  failures: GateFailure[];
  notAssessed: NotAssessed[];
}

export function checkCoverage(options: CoverageOptions): Coverage {
  const out: Coverage = { failures: [], notAssessed: [] };
  const selection = describeCaseSelection(options.manifest);
  if (selection)
    out.notAssessed.push({
      what: 'the cases this run left out',
      why: `it ran a selection (${selection}), so only the selected cases are judged`,
    });
  missingSuites(options, out);
  missingProviders(options, out);
  missingPairs(options, out);
  unmeasuredMetrics(options, out);
  return out;
}

function selectedSuite(manifest: RunManifest, suite: string): boolean {
  return !manifest.filters?.suites || manifest.filters.suites.includes(suite);
}

function selectedProvider(manifest: RunManifest, provider: string): boolean {
  return !manifest.filters?.providers || manifest.filters.providers.includes(provider);
}

function providerAllowedMissing(options: CoverageOptions, id: string): boolean {
  const allowed = options.config.gate.allow_missing_providers;
  return (
    options.allowMissingProviders === true ||
    allowed === true ||
    (Array.isArray(allowed) && allowed.includes(id))
  );
}

function missingSuites({ manifest, config, summaries }: CoverageOptions, out: Coverage): void {
  for (const suite of config.suites) {
    if (!selectedSuite(manifest, suite.name)) {
      out.notAssessed.push({ what: `suite ${suite.name}`, why: 'left out by --suite' });
      continue;
    }
    if (summaries.some((s) => s.suite === suite.name)) continue;
    if (describeCaseSelection(manifest)) {
      out.notAssessed.push({
        what: `suite ${suite.name}`,
        why: 'the case selection picked none of its cases',
      });
      continue;
    }
    if (config.targets[suite.name])
      out.failures.push({
        kind: 'not-measured',
        suite: suite.name,
        provider: '(none)',
        metric: '(suite)',
        message: 'has targets but did not run: no provider was available for it',
      });
    else out.notAssessed.push({ what: `suite ${suite.name}`, why: 'no provider was available for it' });
  }
}

function missingProviders(options: CoverageOptions, out: Coverage): void {
  const { manifest, config, baseline } = options;
  if (!baseline) return;
  const ran = new Set(manifest.providers.map((p) => p.id));
  for (const id of baseline.providers) {
    if (ran.has(id)) continue;
    if (!selectedProvider(manifest, id)) {
      out.notAssessed.push({ what: `provider ${id}`, why: 'left out by --provider' });
      continue;
    }
    // With --suite, a provider that none of the selected suites calls was not needed.
    if (manifest.filters?.suites) {
      const selected = config.suites.filter((s) => s.task !== 'retrieval' && selectedSuite(manifest, s.name));
      if (!selected.some((s) => !s.providers || s.providers.includes(id))) {
        out.notAssessed.push({ what: `provider ${id}`, why: 'no selected suite calls it' });
        continue;
      }
    }
    const skipped = manifest.skippedProviders?.find((s) => s.id === id);
    const why = skipped
      ? skipped.keyEnv
        ? `${skipped.keyEnv} is not set`
        : skipped.reason
      : config.providers.some((p) => p.id === id)
        ? 'no suite calls it any more'
        : 'it is no longer in the config';
    if (providerAllowedMissing(options, id)) {
      out.notAssessed.push({ what: `provider ${id}`, why: `${why}; allowed by the missing-provider switch` });
      continue;
    }
    out.failures.push({
      kind: 'missing-provider',
      suite: '(all)',
      provider: id,
      metric: '(provider)',
      message: `was in the baseline but did not run: ${why} (allow a deliberate switch with --allow-missing-provider or gate.allow_missing_providers)`,
    });
  }
}

/** Every suite × provider of the baseline must have run, unless a filter or a switch says why not. */
function missingPairs(options: CoverageOptions, out: Coverage): void {
  const { manifest, baseline, summaries } = options;
  if (!baseline) return;
  const ranProviders = new Set(manifest.providers.map((p) => p.id));
  for (const pair of baseline.summary) {
    if (summaries.some((s) => s.suite === pair.suite && s.provider === pair.provider)) continue;
    // Reported once per provider above when the whole provider is absent.
    if (pair.provider !== 'retrieval' && !ranProviders.has(pair.provider)) continue;
    if (!selectedSuite(manifest, pair.suite) || !selectedProvider(manifest, pair.provider)) continue;
    // A case selection that picked none of the suite's cases is listed once, in missingSuites.
    if (describeCaseSelection(manifest)) continue;
    const inConfig = options.config.suites.some((s) => s.name === pair.suite);
    out.failures.push({
      kind: 'not-measured',
      suite: pair.suite,
      provider: pair.provider,
      metric: '(suite)',
      message: inConfig
        ? "was in the baseline but did not run for this provider (check the suite's `providers` list)"
        : 'was in the baseline but is no longer in the config: re-accept the baseline to drop it on purpose',
    });
  }
}

function isOptional(config: EvalConfig, suite: string, metric: string): boolean {
  return config.gate.optional_metrics.some((m) => m === metric || m === `${suite}/${metric}`);
}

/**
 * A gated metric must be measured where the baseline measured it: not null on every case, and
 * on at least half as many cases. Without a baseline, it must be measured somewhere at all, or
 * it is a typo or a scorer that never ran. A metric that does not apply to a suite (no answers in
 * a retrieval suite) is null in the baseline too, so it is not asked for there.
 */
function unmeasuredMetrics(options: CoverageOptions, out: Coverage): void {
  const { config, baseline, summaries, manifest } = options;
  const selection = describeCaseSelection(manifest);
  const filtered = Boolean(manifest.filters?.suites || manifest.filters?.providers || selection);
  for (const metric of Object.keys(config.gate.max_drop)) {
    const misses: { suite: string; provider: string; why: string }[] = [];
    for (const s of summaries) {
      const m = s.metrics[metric];
      const before = baseline?.summary.find((b) => b.suite === s.suite && b.provider === s.provider);
      const measuredBefore = before?.metrics[metric] != null;
      if (m?.kind === 'statistic') {
        misses.push({
          suite: s.suite,
          provider: s.provider,
          why: 'is a suite-level statistic with no per-case values to pair (give it a target instead)',
        });
      } else if (measuredBefore && (!m || m.n === 0)) {
        misses.push({ suite: s.suite, provider: s.provider, why: 'came back null on every case' });
      } else if (measuredBefore && m && !selection) {
        // A selection measures fewer cases than the baseline by design: only thin coverage of
        // a full run means a scorer stopped working.
        const nBefore = countMeasured(baseline!, s.suite, s.provider, metric);
        if (nBefore > 0 && m.n < MIN_MEASURED_SHARE * nBefore)
          misses.push({
            suite: s.suite,
            provider: s.provider,
            why: `was measured on only ${m.n} of the ${nBefore} cases the baseline measured`,
          });
      }
    }
    const measuredSomewhere = summaries.some((s) => (s.metrics[metric]?.n ?? 0) > 0);
    // With a baseline that has the metric, the pair checks above already name where it is missing.
    const inBaseline = baseline?.summary.some((b) => b.metrics[metric] != null) ?? false;
    if (!measuredSomewhere && !inBaseline && misses.length === 0) {
      if (filtered)
        out.notAssessed.push({ what: `gated metric ${metric}`, why: 'no selected suite produces it' });
      else
        misses.push({
          suite: '(all)',
          provider: '(all)',
          why: 'was not measured by any suite (a typo, or a scorer that never ran, e.g. a judge without its key)',
        });
    }
    for (const miss of misses) {
      if (isOptional(config, miss.suite, metric)) {
        out.notAssessed.push({
          what: `${metric} on ${miss.suite} / ${miss.provider}`,
          why: `not measured: it ${miss.why} (listed in gate.optional_metrics)`,
        });
        continue;
      }
      out.failures.push({
        kind: 'not-measured',
        suite: miss.suite,
        provider: miss.provider,
        metric,
        message: `is gated (gate.max_drop) but not measured: it ${miss.why}; mark it in gate.optional_metrics if that is expected`,
      });
    }
  }
}

function countMeasured(baseline: Baseline, suite: string, provider: string, metric: string): number {
  const byCase = baseline.cases?.[suite]?.[provider] ?? {};
  let n = 0;
  for (const scores of Object.values(byCase)) if (scores[metric] !== undefined) n++;
  return n;
}
