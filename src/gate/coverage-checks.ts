// What the gate was asked to judge but could not see. A gated metric that came back null on
// every case (a judge without its key, a broken scorer), a provider of the baseline that did not
// run (an expired CI secret) and a suite with targets that produced nothing all fail the gate:
// a green run must mean the checks ran. What a filtered run (`--suite`, `--provider`) left out
// on purpose is listed as not assessed instead.
import type { EvalConfig } from '../config/schema.js';
import type { Baseline, GateFailure, NotAssessed, RunManifest, SuiteSummary } from '../run/types.js';

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
  const failures: GateFailure[] = [];
  const notAssessed: NotAssessed[] = [];
  const { manifest, config } = options;
  const selectedSuites = manifest.filters?.suites;

  for (const suite of config.suites) {
    if (selectedSuites && !selectedSuites.includes(suite.name)) {
      notAssessed.push({ what: `suite ${suite.name}`, why: 'left out by --suite' });
      continue;
    }
    const ran = options.summaries.some((s) => s.suite === suite.name);
    if (ran) continue;
    if (config.targets[suite.name])
      failures.push({
        kind: 'not-measured',
        suite: suite.name,
        provider: '(none)',
        metric: '(suite)',
        message: 'has targets but did not run: no provider was available for it',
      });
    else notAssessed.push({ what: `suite ${suite.name}`, why: 'no provider was available for it' });
  }

  failures.push(...missingProviders(options, notAssessed));
  failures.push(...unmeasuredMetrics(options, notAssessed));
  return { failures, notAssessed };
}

function missingProviders(options: CoverageOptions, notAssessed: NotAssessed[]): GateFailure[] {
  const { manifest, config, baseline } = options;
  if (!baseline) return [];
  const ran = new Set(manifest.providers.map((p) => p.id));
  const allowed = config.gate.allow_missing_providers;
  const failures: GateFailure[] = [];
  for (const id of baseline.providers) {
    if (ran.has(id)) continue;
    if (manifest.filters?.providers && !manifest.filters.providers.includes(id)) {
      notAssessed.push({ what: `provider ${id}`, why: 'left out by --provider' });
      continue;
    }
    // With --suite, a provider that none of the selected suites calls was not needed.
    const selected = config.suites.filter(
      (s) =>
        s.task !== 'retrieval' && (!manifest.filters?.suites || manifest.filters.suites.includes(s.name)),
    );
    if (!selected.some((s) => !s.providers || s.providers.includes(id))) {
      notAssessed.push({ what: `provider ${id}`, why: 'no selected suite calls it' });
      continue;
    }
    const skipped = manifest.skippedProviders?.find((s) => s.id === id);
    const why = skipped
      ? skipped.keyEnv
        ? `${skipped.keyEnv} is not set`
        : skipped.reason
      : 'it is no longer in the config';
    if (
      options.allowMissingProviders ||
      allowed === true ||
      (Array.isArray(allowed) && allowed.includes(id))
    ) {
      notAssessed.push({ what: `provider ${id}`, why: `${why}; allowed by the missing-provider switch` });
      continue;
    }
    failures.push({
      kind: 'missing-provider',
      suite: '(all)',
      provider: id,
      metric: '(provider)',
      message: `was in the baseline but did not run: ${why} (allow a deliberate switch with --allow-missing-provider or gate.allow_missing_providers)`,
    });
  }
  return failures;
}

/**
 * A gated metric must have been measured wherever it is expected: on every suite × provider
 * that has it in the baseline, and somewhere at all when every suite ran. "Measured" means at
 * least one case gave a value; a metric whose every case is null says nothing.
 */
function unmeasuredMetrics(options: CoverageOptions, notAssessed: NotAssessed[]): GateFailure[] {
  const { config, baseline, summaries, manifest } = options;
  const failures: GateFailure[] = [];
  const optional = new Set(config.gate.optional_metrics);
  const filtered = Boolean(manifest.filters?.suites || manifest.filters?.providers);
  for (const metric of Object.keys(config.gate.max_drop)) {
    const measuredSomewhere = summaries.some((s) => (s.metrics[metric]?.n ?? 0) > 0);
    const misses: { suite: string; provider: string; why: string }[] = [];
    for (const s of summaries) {
      const m = s.metrics[metric];
      const inBaseline = baseline?.summary.some(
        (b) => b.suite === s.suite && b.provider === s.provider && b.metrics[metric] != null,
      );
      if (m && m.kind === 'statistic') {
        misses.push({
          suite: s.suite,
          provider: s.provider,
          why: 'is a suite-level statistic with no per-case values to pair (give it a target instead)',
        });
      } else if ((m && m.n === 0) || (!m && inBaseline)) {
        misses.push({ suite: s.suite, provider: s.provider, why: 'came back null on every case' });
      }
    }
    if (misses.length === 0 && !measuredSomewhere) {
      if (!filtered)
        misses.push({ suite: '(all)', provider: '(all)', why: 'was not produced by any suite (a typo?)' });
      else notAssessed.push({ what: `gated metric ${metric}`, why: 'no selected suite produces it' });
    }
    for (const miss of misses) {
      if (optional.has(metric)) {
        notAssessed.push({
          what: `${metric} on ${miss.suite} / ${miss.provider}`,
          why: `not measured: it ${miss.why} (listed in gate.optional_metrics)`,
        });
        continue;
      }
      failures.push({
        kind: 'not-measured',
        suite: miss.suite,
        provider: miss.provider,
        metric,
        message: `is gated (gate.max_drop) but not measured: it ${miss.why}; mark it in gate.optional_metrics if that is expected`,
      });
    }
  }
  return failures;
}
