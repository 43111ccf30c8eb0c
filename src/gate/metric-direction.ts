// Which way is better for a metric. Rates of bad things, latency and cost go down; everything
// else goes up. Used to tell a regression from an improvement.
const LOWER_IS_BETTER = [
  /^hallucination\./,
  /^latency\./,
  /^cost\./,
  /^errors\./,
  /^calibration\.ece$/,
  /^bias\./,
  /\.flip_rate$/,
  /\.divergence$/,
];

export function higherIsBetter(metric: string): boolean {
  return !LOWER_IS_BETTER.some((re) => re.test(metric));
}
