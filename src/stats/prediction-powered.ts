// Prediction-powered inference for a mean (Angelopoulos et al., Science 2023; PPI++: Angelopoulos,
// Duchi & Zrnic 2023): a judge scores all N cases, people label a random n of them, and the
// labelled cases measure the judge's bias, which is then subtracted. The result is an estimate of
// the human-label mean that is unbiased whatever the judge's bias, with a CLT interval that is
// narrower than people-only labels when the judge tracks them.
//
//   classic PPI:  θ̂ = mean(f, unlabelled) − mean(f − y, labelled)
//                 se² = var(f, unlabelled)/N + var(f − y, labelled)/n
//   PPI++:        θ̂_λ = mean(y, labelled) + λ·(mean(f, unlabelled) − mean(f, labelled))
//                 se² = var(y − λf, labelled)/n + λ²·var(f, unlabelled)/N
//                 λ̂ = cov(y, f)/((1 + n/N)·var(f)), clipped to [0, 1] (λ = 1 is classic PPI,
//                 λ = 0 ignores the judge), so it is never worse than people alone asymptotically.
// Unlabelled and labelled cases are disjoint: the labelled ones are not counted again in N.
import { normalQuantile } from './normal-quantile.js';

export interface MeanInterval {
  estimate: number;
  low: number;
  high: number;
  standardError: number;
}

export interface PredictionPoweredInput {
  /** Judge scores of the cases nobody labelled. */
  unlabelled: readonly number[];
  /** The labelled cases: judge score f and human label y. */
  labelled: readonly { f: number; y: number }[];
  /** Two-sided confidence level, default 0.95. */
  confidence?: number;
}

export interface PredictionPoweredResult {
  ppi: MeanInterval;
  ppiPlusPlus: MeanInterval & { lambda: number };
  /** The judge alone, over all N + n cases: biased whenever the judge is. */
  judgeOnly: MeanInterval;
  /** People alone, over the n labelled cases. */
  humanOnly: MeanInterval;
  n: number;
  N: number;
}

function meanOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
function varianceOf(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = meanOf(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return s / (xs.length - 1);
}

function covarianceOf(a: readonly number[], b: readonly number[]): number {
  if (a.length < 2) return 0;
  const ma = meanOf(a);
  const mb = meanOf(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - ma) * (b[i] - mb);
  return s / (a.length - 1);
}

function interval(estimate: number, variance: number, z: number): MeanInterval {
  const standardError = Math.sqrt(Math.max(0, variance));
  return { estimate, low: estimate - z * standardError, high: estimate + z * standardError, standardError };
}

/** The power-tuned λ of PPI++ for a mean, clipped to [0, 1]. */
export function ppiLambda(
  labelledF: readonly number[],
  labelledY: readonly number[],
  unlabelledF: readonly number[],
): number {
  const n = labelledF.length;
  const N = unlabelledF.length;
  const varF = varianceOf([...labelledF, ...unlabelledF]);
  if (varF === 0 || n < 2) return 0;
  const lambda = covarianceOf(labelledY, labelledF) / ((1 + n / N) * varF);
  return Math.min(1, Math.max(0, lambda));
}

/** Needs at least two labelled and one unlabelled case (callers report "not assessed" otherwise). */
export function predictionPoweredMean(input: PredictionPoweredInput): PredictionPoweredResult {
  const { unlabelled, labelled } = input;
  const n = labelled.length;
  const N = unlabelled.length;
  if (n < 2 || N < 1)
    throw new RangeError('prediction-powered inference needs ≥ 2 labelled and ≥ 1 unlabelled case');
  const z = normalQuantile(1 - (1 - (input.confidence ?? 0.95)) / 2);
  const f = labelled.map((l) => l.f);
  const y = labelled.map((l) => l.y);
  const meanFU = meanOf(unlabelled);
  const varFU = varianceOf(unlabelled);

  const rectifier = labelled.map((l) => l.f - l.y);
  const ppi = interval(meanFU - meanOf(rectifier), varFU / N + varianceOf(rectifier) / n, z);

  const lambda = ppiLambda(f, y, unlabelled);
  const residual = labelled.map((l) => l.y - lambda * l.f);
  const plus = interval(
    meanOf(y) + lambda * (meanFU - meanOf(f)),
    varianceOf(residual) / n + (lambda * lambda * varFU) / N,
    z,
  );

  const all = [...unlabelled, ...f];
  return {
    ppi,
    ppiPlusPlus: { ...plus, lambda },
    judgeOnly: interval(meanOf(all), varianceOf(all) / all.length, z),
    humanOnly: interval(meanOf(y), varianceOf(y) / n, z),
    n,
    N,
  };
}
