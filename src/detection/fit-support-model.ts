// Fits the offline hallucination check's two calibrated models on labelled dev cases, and measures
// the fit honestly by leaving one set out. Stage 1: a logistic model of P(claim unsupported) from
// a claim's alignment features; labels are per response, so the fit alternates (score every claim,
// take each response's least-supported claim, refit on those). Stage 2: the response probability
// from the worst claim's log-odds and the number of claims (the maximum of many claim scores runs
// high by chance on a long answer, so it is calibrated for length). The default threshold is fixed
// by a rule chosen before any result was seen: the highest threshold (0.01 steps) at which the
// fitted model still flags 90 % of the realistic hallucinations it was fitted on.
import { analyzeAnswer } from '../scorers/hallucination/answer-sentences.js';
import { checkAnswerSupport } from '../scorers/hallucination/answer-support.js';
import type { ClaimFeatures } from '../scorers/hallucination/claim-check.js';
import {
  type ResponseCalibration,
  responseProbability,
  SUPPORT_MODEL,
  unsupportedProbability,
} from '../scorers/hallucination/support-model.js';
import type { DevCase } from './hallucination-dev-set.js';

export type SupportModel = Record<string, number>;

export interface FittedCheck {
  model: SupportModel;
  calibration: ResponseCalibration;
  threshold: number;
}

/** A case with the features of each of its claims (empty for a decline or no checkable sentence). */
export interface FeaturedCase {
  case: DevCase;
  claims: ClaimFeatures[];
}

// Where the alternating fit starts (the fourth revision's claim model; new features at 0), fixed
// so that refitting gives the same coefficients whatever support-model.ts holds at the time.
const FIT_START: Readonly<Record<string, number>> = {
  intercept: -1.65,
  uncoveredLocal: -0.91,
  uncoveredGlobal: 0.7,
  uncoveredExcess: 1.09,
  numbersAligned: -0.92,
  numberMissing: 5.41,
  numberElsewhere: -0.92,
  unitMismatch: 3.42,
  numberConflict: 2.84,
  nameMissing: 4.04,
  nameElsewhere: -0.28,
  nameConflict: 1.83,
  negationMismatch: 3.26,
  numberDerived: -0.57,
  quantifierAdded: 4.44,
  conditionDropped: 0.16,
  sourceAdded: 0.48,
};

const FEATURES = Object.keys(SUPPORT_MODEL).filter((k) => k !== 'intercept') as (keyof ClaimFeatures)[];
const L2 = 0.1;
const ROUNDS = 6;
export const TARGET_RECALL = 0.9;

/** The claims' features do not depend on the model: extract them once per case. */
export function featureCases(cases: readonly DevCase[]): FeaturedCase[] {
  return cases.map((c) => {
    const analysis = analyzeAnswer(c.answer);
    if (analysis.declined || analysis.sentences.length === 0) return { case: c, claims: [] };
    const support = checkAnswerSupport({
      sentences: analysis.sentences,
      passages: c.passages,
      question: c.question,
    });
    return { case: c, claims: support.sentences.flatMap((s) => s.claims.map((claim) => claim.features)) };
  });
}

export function responseScore(fc: FeaturedCase, fitted: Omit<FittedCheck, 'threshold'>): number {
  if (fc.claims.length === 0) return 0;
  const worst = Math.max(...fc.claims.map((f) => unsupportedProbability(f, fitted.model)));
  return responseProbability(worst, fc.claims.length, fitted.calibration);
}

export function fitCheck(cases: readonly FeaturedCase[]): FittedCheck {
  const usable = cases.filter((c) => c.claims.length > 0);
  let model: SupportModel = { ...FIT_START };
  const held = new Set<number>();
  for (let round = 0; round < ROUNDS; round++) {
    const rows = usable.map((c) => {
      const worst = c.claims.reduce((a, b) =>
        unsupportedProbability(b, model) > unsupportedProbability(a, model) ? b : a,
      );
      return { x: [1, ...FEATURES.map((n) => worst[n])], y: c.case.hallucinated ? 1 : 0 };
    });
    const w = fitSigned(rows, held);
    model = Object.fromEntries([['intercept', w[0]], ...FEATURES.map((n, i) => [n, w[i + 1]])]);
  }
  const rows = usable.map((c) => ({ x: stage2Inputs(c, model), y: c.case.hallucinated ? 1 : 0 }));
  // No intercept: a one-claim answer keeps its claim's log-odds (scaled), so a sentence copied
  // from the context is never flagged for being short; only the length correction is learnt.
  const [worstLogit, claimCount] = fitLogistic(rows);
  const calibration = { intercept: 0, worstLogit, claimCount };
  return { model, calibration, threshold: thresholdRule(cases, { model, calibration }) };
}

function stage2Inputs(c: FeaturedCase, model: SupportModel): number[] {
  const worst = Math.max(...c.claims.map((f) => unsupportedProbability(f, model)));
  return [logit(worst), Math.log(c.claims.length)];
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** The highest threshold in 0.01 steps that flags ≥ 90 % of the realistic hallucinations fitted on. */
export function thresholdRule(
  cases: readonly FeaturedCase[],
  fitted: Omit<FittedCheck, 'threshold'>,
): number {
  const scores = cases
    .filter((c) => c.case.part === 'realistic' && c.case.hallucinated)
    .map((c) => responseScore(c, fitted));
  for (let t = 99; t >= 1; t--) {
    if (scores.filter((s) => s >= t / 100).length / scores.length >= TARGET_RECALL) return t / 100;
  }
  return 0.01;
}

/**
 * The sign each feature's weight may take. A feature that says the context does not back the
 * claim may never lower its score (a wholly unsupported claim must not score below a copy of the
 * context), and one that says it does back it, or that a number was worked out, may never raise
 * it. The others (a number or name stated in another sentence, two-step arithmetic, which
 * reaches almost any number) may go either way. (Two-step arithmetic stays free: two operations reach almost any number.)
 */
const SIGNS: Readonly<Partial<Record<keyof ClaimFeatures, 1 | -1>>> = {
  uncoveredLocal: 1,
  uncoveredGlobal: 1,
  uncoveredExcess: 1,
  uncoveredWhole: 1,
  numberMissing: 1,
  unitMismatch: 1,
  numberConflict: 1,
  nameMissing: 1,
  nameConflict: 1,
  negationMismatch: 1,
  quantifierAdded: 1,
  conditionDropped: 1,
  sourceAdded: 1,
  numberSwapped: 1,
  numberMoved: 1,
  limitDropped: 1,
  rolesSwapped: 1,
  causeAdded: 1,
  figureOfAnother: 1,
  wordOfAnother: 1,
  negationFlipped: 1,
  quantifierDropped: 1,
  numbersAligned: -1,
  copied: -1,
  numberDerived: -1,
  numberDerivedFar: -1,
};

/**
 * fitLogistic with the signs above: every weight that comes out with the wrong sign is held at 0
 * and the rest refitted, until every weight has its sign (held weights stay held, and `held`
 * carries them to the caller's next round, so later rounds need one fit).
 */
export function fitSigned(
  rows: readonly { x: readonly number[]; y: number }[],
  /** Weights already held at 0 (by the previous round of fitCheck): held again from the start. */
  held: Set<number> = new Set(),
): number[] {
  const d = rows[0]?.x.length ?? 0;
  for (;;) {
    const kept = Array.from({ length: d }, (_, i) => i).filter((i) => !held.has(i));
    const w = fitLogistic(rows.map((r) => ({ x: kept.map((i) => r.x[i]), y: r.y })));
    const full = new Array<number>(d).fill(0);
    kept.forEach((i, k) => {
      full[i] = w[k];
    });
    const wrong = kept.filter((i) => i > 0 && (SIGNS[FEATURES[i - 1]] ?? 0) * full[i] < 0);
    if (wrong.length === 0) return full;
    for (const i of wrong) held.add(i);
  }
}

/** Newton–Raphson on the L2-penalised log-likelihood (intercept, column 0, not penalised). */
export function fitLogistic(rows: readonly { x: readonly number[]; y: number }[], l2 = L2): number[] {
  const d = rows[0]?.x.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 60; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { x, y } of rows) {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i], 0)));
      for (let i = 0; i < d; i++) {
        grad[i] += (p - y) * x[i];
        for (let j = 0; j < d; j++) hess[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] += l2 * w[i];
      hess[i][i] += l2;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/** Gauss–Jordan elimination with partial pivoting; a zero pivot gives a zero step. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}
