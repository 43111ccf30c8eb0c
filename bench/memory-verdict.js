// Issue 12's memory verdicts from measured runs (bench/memory-bench.js): peak RSS at 100k cases
// < 250 MB, and its growth from 20k to 100k < 20 %, from one round of runs or the median of several.
// `npm run bench` (bench/memory-bench.js) and `memory-bench` read the same predicates.
import { median } from './child-processes.js';

/**
 * One run per size whose peak is the median over rounds of that size's peaks (the mean of the
 * two middle ones for an even count). A single run's peak moves by several MB, so the verdict of
 * `memory-bench --runs N` reads the medians.
 */
export function medianRuns(rounds) {
  return rounds[0].map((first) => ({
    ...first,
    maxRssBytes: median(rounds.map((runs) => runs.find((r) => r.cases === first.cases).maxRssBytes)),
  }));
}

const MB = 1024 * 1024;

/** Peak RSS at 100,000 cases under 250 MB. */
export const peakMet = (bytes) => bytes < 250 * MB;

/** Growth from 20k to 100k under 20 %, compared exactly (b < 1.2·a in integers, no rounding). */
export const growthMet = (at20k, at100k) => at100k * 5 < at20k * 6;

/** Growth from 20k to 100k cases in percent. */
export const growthPercent = (at20k, at100k) => (at100k / at20k - 1) * 100;

/** The two targets, each as one line with the measured number beside it. */
export function verdictLines(runs) {
  const mb = (r) => r.maxRssBytes / 1024 / 1024;
  const at = (n) => runs.find((r) => r.cases === n);
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const lines = [];
  // Two decimals: a figure rounded to the target's own precision could read as the limit itself.
  if (at(100000))
    lines.push(
      `peak RSS at 100,000 cases: ${mb(at(100000)).toFixed(2)} MB (target < 250 MB): ${verdict(peakMet(at(100000).maxRssBytes))}`,
    );
  if (at(20000) && at(100000)) {
    const growth = growthPercent(at(20000).maxRssBytes, at(100000).maxRssBytes);
    lines.push(
      `peak RSS growth 20,000 -> 100,000 cases: ${mb(at(20000)).toFixed(0)} -> ${mb(at(100000)).toFixed(0)} MB, ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} % (target < 20 %): ${verdict(growthMet(at(20000).maxRssBytes, at(100000).maxRssBytes))}`,
    );
  }
  return lines;
}
