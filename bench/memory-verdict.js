// Issue 12's memory verdicts from measured runs (bench/memory-bench.js): peak RSS at 100k cases
// < 250 MB, and its growth from 20k to 100k < 20 %, from one round of runs or the median of several.

/**
 * One run per size whose peak is the median over rounds of that size's peaks (the mean of the
 * two middle ones for an even count). A single run's peak moves by several MB, so the verdict of
 * `memory-bench --runs N` reads the medians.
 */
export function medianRuns(rounds) {
  return rounds[0].map((first) => {
    const peaks = rounds
      .map((runs) => runs.find((r) => r.cases === first.cases).maxRssBytes)
      .sort((a, b) => a - b);
    const mid = peaks.length >> 1;
    const median = peaks.length % 2 === 1 ? peaks[mid] : (peaks[mid - 1] + peaks[mid]) / 2;
    return { ...first, maxRssBytes: median };
  });
}

/** The two targets, each as one line with the measured number beside it. */
export function verdictLines(runs) {
  const mb = (r) => r.maxRssBytes / 1024 / 1024;
  const at = (n) => runs.find((r) => r.cases === n);
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const lines = [];
  if (at(100000))
    lines.push(
      `peak RSS at 100,000 cases: ${mb(at(100000)).toFixed(0)} MB (target < 250 MB): ${verdict(mb(at(100000)) < 250)}`,
    );
  if (at(20000) && at(100000)) {
    const growth = (at(100000).maxRssBytes / at(20000).maxRssBytes - 1) * 100;
    lines.push(
      `peak RSS growth 20,000 -> 100,000 cases: ${mb(at(20000)).toFixed(0)} -> ${mb(at(100000)).toFixed(0)} MB, ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (target < 20 %): ${verdict(growth < 20)}`,
    );
  }
  return lines;
}
