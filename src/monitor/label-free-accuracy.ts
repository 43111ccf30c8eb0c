// Accuracy without labels (confidence-based performance estimation): on the eval set, fit how
// often the classifier is right at each confidence (Platt scaling: a logistic regression of
// correctness on logit(confidence)); on a production window, the expected accuracy is the mean
// calibrated probability of being right. Valid when drift is in the inputs only — P(correct |
// confidence) unchanged — which is what the confidence-based estimate assumes.
// The interval adds the window's outcome noise (Σ g(1 − g) / n²) and the calibration fit's
// uncertainty (delta method through the logistic fit's covariance).

export interface PlattFit {
  a: number;
  b: number;
  /** Covariance of (a, b): the inverse Fisher information at the fit. */
  cov: [[number, number], [number, number]];
  n: number;
}

export interface AccuracyEstimate {
  estimate: number;
  low: number;
  high: number;
  se: number;
  n: number;
}

const EPS = 1e-6;

function logit(c: number): number {
  const p = Math.min(1 - EPS, Math.max(EPS, c));
  return Math.log(p / (1 - p));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Newton–Raphson on the logistic log-likelihood; a small ridge keeps separable data finite. */
export function fitPlatt(confidence: readonly number[], correct: readonly number[]): PlattFit {
  const x = confidence.map(logit);
  let a = 0;
  let b = 1;
  const ridge = 1e-3;
  let info: [[number, number], [number, number]] = [
    [ridge, 0],
    [0, ridge],
  ];
  for (let iter = 0; iter < 50; iter++) {
    let ga = -ridge * a;
    let gb = -ridge * (b - 1);
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < x.length; i++) {
      const p = sigmoid(a + b * x[i]);
      const r = correct[i] - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * x[i];
      haa += w;
      hab += w * x[i];
      hbb += w * x[i] * x[i];
    }
    info = [
      [haa, hab],
      [hab, hbb],
    ];
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  const det = info[0][0] * info[1][1] - info[0][1] * info[0][1];
  return {
    a,
    b,
    cov: [
      [info[1][1] / det, -info[0][1] / det],
      [-info[0][1] / det, info[0][0] / det],
    ],
    n: x.length,
  };
}

/** Expected accuracy of a window from its confidences, with a normal-approximation interval. */
export function estimateAccuracy(
  fit: PlattFit,
  confidence: readonly number[],
  z = 1.959964,
): AccuracyEstimate {
  const n = confidence.length;
  let sum = 0;
  let outcome = 0;
  let da = 0;
  let db = 0;
  for (const c of confidence) {
    const x = logit(c);
    const g = sigmoid(fit.a + fit.b * x);
    sum += g;
    outcome += g * (1 - g);
    da += g * (1 - g);
    db += g * (1 - g) * x;
  }
  const estimate = sum / n;
  da /= n;
  db /= n;
  const calibration = da * da * fit.cov[0][0] + 2 * da * db * fit.cov[0][1] + db * db * fit.cov[1][1];
  const se = Math.sqrt(outcome / (n * n) + calibration);
  return { estimate, low: Math.max(0, estimate - z * se), high: Math.min(1, estimate + z * se), se, n };
}
