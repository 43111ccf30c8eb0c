// Macro-F1 without labels (confidence-based performance estimation, multiclass): each window
// prediction of label j is right with its calibrated probability g (Platt, as for accuracy);
// when wrong, its true label is drawn from the eval's mix of true labels among wrong
// predictions of j, π(k | j) (add-0.1 smoothed). The estimate is the macro-F1 of the expected
// confusion counts; the interval is a seeded bootstrap that refits the calibration and π on a
// resampled eval set and draws the window's unknown outcomes, so it carries both sources of
// uncertainty. Valid under input-only drift (P(correct | confidence) and π unchanged).
import type { Rng } from '../core/rng.js';
import { fitPlatt, type PlattFit } from './label-free-accuracy.js';

export interface EvalPrediction {
  predicted: string;
  gold: string;
  confidence: number;
}

export interface F1Estimate {
  estimate: number;
  low: number;
  high: number;
}

function calibrate(evalSet: readonly EvalPrediction[], labels: readonly string[]) {
  const platt = fitPlatt(
    evalSet.map((e) => e.confidence),
    evalSet.map((e) => (e.predicted === e.gold ? 1 : 0)),
  );
  const pi = new Map<string, number[]>();
  for (const j of labels) {
    const counts = labels.map((k): number => (k === j ? 0 : 0.1));
    for (const e of evalSet) if (e.predicted === j && e.gold !== j) counts[labels.indexOf(e.gold)] += 1;
    const total = counts.reduce((a, b) => a + b, 0);
    pi.set(
      j,
      counts.map((c) => (total > 0 ? c / total : 0)),
    );
  }
  return { platt, pi };
}

function g(platt: PlattFit, c: number): number {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, c));
  return 1 / (1 + Math.exp(-(platt.a + platt.b * Math.log(p / (1 - p)))));
}

function macroF1(tp: number[], fp: number[], fn: number[]): number {
  let sum = 0;
  let k = 0;
  for (let i = 0; i < tp.length; i++) {
    const d = 2 * tp[i] + fp[i] + fn[i];
    if (d > 0) {
      sum += (2 * tp[i]) / d;
      k++;
    }
  }
  return k ? sum / k : 0;
}

export function estimateMacroF1(options: {
  evalSet: readonly EvalPrediction[];
  window: readonly { predicted: string; confidence: number }[];
  labels: readonly string[];
  rng: Rng;
  replicates: number;
}): F1Estimate {
  const { evalSet, window, labels, rng } = options;
  const L = labels.length;
  const expected = (cal: ReturnType<typeof calibrate>) => {
    const tp = new Array(L).fill(0);
    const fp = new Array(L).fill(0);
    const fn = new Array(L).fill(0);
    for (const w of window) {
      const j = labels.indexOf(w.predicted);
      if (j < 0) continue;
      const p = g(cal.platt, w.confidence);
      tp[j] += p;
      fp[j] += 1 - p;
      const pi = cal.pi.get(w.predicted)!;
      for (let k = 0; k < L; k++) fn[k] += (1 - p) * pi[k];
    }
    return macroF1(tp, fp, fn);
  };
  const estimate = expected(calibrate(evalSet, labels));
  const reps = new Float64Array(options.replicates);
  for (let b = 0; b < options.replicates; b++) {
    const resampled = evalSet.map(() => evalSet[rng.int(evalSet.length)]);
    const cal = calibrate(resampled, labels);
    const tp = new Array(L).fill(0);
    const fp = new Array(L).fill(0);
    const fn = new Array(L).fill(0);
    for (const w of window) {
      const j = labels.indexOf(w.predicted);
      if (j < 0) continue;
      if (rng.next() < g(cal.platt, w.confidence)) tp[j]++;
      else {
        fp[j]++;
        const pi = cal.pi.get(w.predicted)!;
        let u = rng.next();
        let k = 0;
        while (k < L - 1 && (u -= pi[k]) >= 0) k++;
        fn[k]++;
      }
    }
    reps[b] = macroF1(tp, fp, fn);
  }
  reps.sort();
  return {
    estimate,
    low: reps[Math.floor(0.025 * (options.replicates - 1))],
    high: reps[Math.ceil(0.975 * (options.replicates - 1))],
  };
}
