// `evalgate monitor` on logs built from the committed baseline's reference: quiet on a log drawn
// from the eval data itself, and each signal alerts on a log built to drift in that signal.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonitorSchema } from '../config/monitor-schema.js';
import { createRng, type Rng } from '../core/rng.js';
import type { InferenceRecord } from '../serve/inference-record.js';
import { readServingReference } from '../serve/read-serving-reference.js';
import type { ReferenceDistribution } from '../serve/serving-reference.js';
import { renderMonitoringReport } from './monitoring-report.js';
import { runMonitor } from './run-monitor.js';

const BASELINE = path.resolve(import.meta.dirname, '../../reports/baseline.json');
const START = Date.parse('2026-12-01T00:00:00.000Z');
const settings = MonitorSchema.parse({ replicates: 1000 });

interface Drift {
  labelShift?: string;
  confidenceShift?: number;
  lengthFactor?: number;
  topScoreShift?: number;
  errorEvery?: number;
  slowEvery?: number;
  reviewAll?: boolean;
  oovShift?: number;
  centroidShift?: number;
}

function pick(rng: Rng, values: readonly number[]): number {
  return values[rng.int(values.length)];
}

function records(options: {
  suite: string;
  ref: ReferenceDistribution;
  n: number;
  rng: Rng;
  startMs: number;
  spacingMs: number;
  drift?: Drift;
}): InferenceRecord[] {
  const { ref, rng, drift = {} } = options;
  const labels = Object.entries(ref.labels ?? {});
  const total = labels.reduce((s, [, c]) => s + c, 0);
  const out: InferenceRecord[] = [];
  for (let i = 0; i < options.n; i++) {
    let label: string | null = null;
    if (labels.length) {
      let u = rng.next() * total;
      label = labels.find(([, c]) => (u -= c) < 0)?.[0] ?? labels[0][0];
      if (drift.labelShift && rng.next() < 0.35) label = drift.labelShift;
    }
    const failed = drift.errorEvery !== undefined && i % drift.errorEvery === 0;
    const confidence = ref.confidence.length
      ? pick(rng, ref.confidence) + (drift.confidenceShift ?? 0)
      : null;
    out.push({
      time: new Date(options.startMs + i * options.spacingMs).toISOString(),
      request_id: `r${i}`,
      route: labels.length ? 'classify' : 'answer',
      suite: options.suite,
      status: failed ? 'error' : 'ok',
      input_hash: 'h',
      input_length: Math.round(pick(rng, ref.inputLength) * (drift.lengthFactor ?? 1)),
      output: null,
      label: failed ? null : label,
      confidence: failed ? null : confidence,
      needs_review: failed || drift.reviewAll === true || rng.next() < ref.needsReview / ref.n,
      latency_ms:
        drift.slowEvery !== undefined && i % drift.slowEvery === 0 ? 4000 : pick(rng, ref.latencyMs),
      model: 'local/extractive',
      prompt_version: 'p',
      manifest_hash: 'm',
      retrieved_docs: [],
      top_score: ref.retrievalTopScore.length
        ? pick(rng, ref.retrievalTopScore) + (drift.topScoreShift ?? 0)
        : null,
      oov_rate: ref.oovRate?.length ? pick(rng, ref.oovRate) + (drift.oovShift ?? 0) : null,
      centroid_distance: ref.centroidDistance?.length
        ? pick(rng, ref.centroidDistance) + (drift.centroidShift ?? 0)
        : null,
    });
  }
  return out;
}

async function reference() {
  const { reference: ref } = await readServingReference(BASELINE, 'reports/baseline.json');
  if (!ref) throw new Error('the committed baseline has no serving section (run evalgate baseline accept)');
  return ref;
}

describe('runMonitor', () => {
  it('stays quiet on a log drawn from the eval data (every signal assessed)', async () => {
    const ref = await reference();
    const rng = createRng(11);
    const log = [
      ...records({
        suite: 'intent',
        ref: ref.reference.intent['local/extractive'],
        n: 400,
        rng,
        startMs: START,
        spacingMs: 1000,
      }),
      ...records({
        suite: 'support-qa',
        ref: ref.reference['support-qa']['local/extractive'],
        n: 300,
        rng,
        startMs: START,
        spacingMs: 1000,
      }),
    ];
    const outcome = runMonitor({ records: log, reference: ref, settings, now: START + 3_600_000 });
    const alerts = outcome.rows.filter((r) => r.verdict === 'alert');
    expect(alerts).toEqual([]);
    const assessed = outcome.rows
      .filter((r) => r.verdict !== 'not assessed')
      .map((r) => `${r.suite}:${r.signal}`);
    expect(assessed).toEqual(
      expect.arrayContaining([
        'intent:error rate (timeouts, model errors)',
        'intent:latency p50/p95/p99 (ms)',
        'intent:label share: billing',
        'intent:confidence distribution',
        'intent:input length (characters)',
        'intent:review rate (needs_review)',
        'intent:estimated accuracy (no labels)',
        'intent:estimated macro-F1 (no labels)',
        'intent:input OOV rate vs corpus',
        'intent:input embedding distance from eval centroid',
        'support-qa:retrieval top score',
        'support-qa:input length (characters)',
      ]),
    );
  }, 60_000);

  it('raises each alert on a log built to drift in that signal', async () => {
    const ref = await reference();
    const rng = createRng(12);
    const intent = ref.reference.intent['local/extractive'];
    const qa = ref.reference['support-qa']['local/extractive'];
    const sd = (v: number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
    };
    const log = [
      ...records({
        suite: 'intent',
        ref: intent,
        n: 500,
        rng,
        startMs: START,
        spacingMs: 1000,
        drift: {
          labelShift: 'escalate',
          confidenceShift: -0.5 * sd(intent.confidence),
          lengthFactor: 1.6,
          errorEvery: 50,
          slowEvery: 20,
          reviewAll: true,
        },
      }),
      ...records({
        suite: 'support-qa',
        ref: qa,
        n: 500,
        rng,
        startMs: START,
        spacingMs: 1000,
        drift: {
          topScoreShift: -sd(qa.retrievalTopScore),
          oovShift: 0.5 * sd(qa.oovRate ?? []),
          centroidShift: 0.5 * sd(qa.centroidDistance ?? []),
        },
      }),
    ];
    const outcome = runMonitor({ records: log, reference: ref, settings, now: START + 3_600_000 });
    const alerted = outcome.rows.filter((r) => r.verdict === 'alert').map((r) => `${r.suite}:${r.signal}`);
    expect(alerted).toEqual(
      expect.arrayContaining([
        'intent:label share: escalate',
        'intent:confidence distribution',
        'intent:input length (characters)',
        'intent:error rate (timeouts, model errors)',
        'intent:latency p50/p95/p99 (ms)',
        'intent:review rate (needs_review)',
        'support-qa:retrieval top score',
      ]),
    );
    // The undrifted signals of support-qa stay quiet.
    expect(alerted.filter((s) => s.startsWith('support-qa:')).sort()).toEqual([
      'support-qa:input OOV rate vs corpus',
      'support-qa:input embedding distance from eval centroid',
      'support-qa:retrieval top score',
    ]);
    const report = renderMonitoringReport({
      outcome,
      logFiles: ['x.jsonl'],
      baselineRun: 'run-1',
      generatedAt: 'now',
    });
    expect(report).toContain('| intent | label share: escalate |');
    expect(report).toContain('**ALERT**');
  }, 60_000);

  it('estimated accuracy alerts when traffic moves to confidences where the eval classifier was often wrong', async () => {
    const ref = await reference();
    const rng = createRng(14);
    const intent = ref.reference.intent['local/extractive'];
    const sorted = [...intent.confidence].sort((a, b) => a - b);
    const lowest = sorted.slice(0, Math.floor(sorted.length / 4));
    const log = records({
      suite: 'intent',
      ref: { ...intent, confidence: lowest },
      n: 500,
      rng,
      startMs: START,
      spacingMs: 1000,
    });
    const row = runMonitor({ records: log, reference: ref, settings, now: START }).rows.find(
      (r) => r.signal === 'estimated accuracy (no labels)',
    );
    expect(row?.verdict).toBe('alert');
  }, 60_000);

  it('traffic: alerts when requests stop against the rate seen before the window, not when they continue', async () => {
    const ref = await reference();
    const rng = createRng(13);
    const intent = ref.reference.intent['local/extractive'];
    // 10 h of history at one request a minute, then the window starts.
    const history = records({ suite: 'intent', ref: intent, n: 600, rng, startMs: START, spacingMs: 60_000 });
    const since = START + 600 * 60_000;
    const stopped = runMonitor({ records: history, reference: ref, settings, since, now: since + 3_600_000 });
    expect(stopped.rows.find((r) => r.signal === 'traffic')).toMatchObject({ verdict: 'alert' });
    const continuing = [
      ...history,
      ...records({ suite: 'intent', ref: intent, n: 60, rng, startMs: since, spacingMs: 60_000 }),
    ];
    const fine = runMonitor({ records: continuing, reference: ref, settings, since, now: since + 3_600_000 });
    expect(fine.rows.find((r) => r.signal === 'traffic')).toMatchObject({ verdict: 'pass' });
    const unknown = runMonitor({ records: continuing, reference: ref, settings, now: since + 3_600_000 });
    expect(unknown.rows.find((r) => r.signal === 'traffic')).toMatchObject({ verdict: 'not assessed' });
  }, 60_000);
});
