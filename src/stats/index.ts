// Public surface of the statistics layer: intervals, paired comparison, multiple testing, power.

export { bootstrapCi, bootstrapStatistic } from './bootstrap-ci.js';
export type { BootstrapCiOptions, BootstrapStatisticOptions } from './bootstrap-ci.js';
export { createResampler, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES } from './resampler.js';
export type { BootstrapInterval, DrawCounts, Resampler, ResamplerOptions } from './resampler.js';
export { percentileInterval } from './percentile-interval.js';
export type { Interval } from './percentile-interval.js';
export { wilsonInterval } from './wilson-interval.js';
export type { ProportionInterval, WilsonIntervalOptions } from './wilson-interval.js';
export { flakiness, perCaseMeans } from './clustered.js';
export type { FlakyCase, Flakiness, RepeatOutcome, RepeatValue } from './clustered.js';
export { pairedComparison } from './paired-comparison.js';
export type { PairedComparison, PairedComparisonOptions } from './paired-comparison.js';
export { signFlipTest } from './sign-flip-test.js';
export type { SignFlipTestOptions, SignFlipTestResult } from './sign-flip-test.js';
export { mcnemarExact, mcnemarOneSided } from './mcnemar-exact.js';
export type { McNemarExactOptions, McNemarOneSidedOptions } from './mcnemar-exact.js';
export { holmAdjust } from './holm.js';
export { minimumDetectableEffect } from './minimum-detectable-effect.js';
export type { MinimumDetectableEffect, MinimumDetectableEffectOptions } from './minimum-detectable-effect.js';
export { normalCdf } from './normal-cdf.js';
export { normalQuantile } from './normal-quantile.js';
export { mean, standardDeviation } from './describe.js';
