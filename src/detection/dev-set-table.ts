// The dev-set results table that docs/metrics.md carries: one row per slice of the labelled
// hallucination set, measured at the default threshold. The doc's table is checked against a fresh
// measurement in the tests, so a change to the check that moves a number must update the doc.
import { DEFAULT_HALLUCINATION_THRESHOLD } from '../scorers/hallucination/support-model.js';
import type { DevCase } from './hallucination-dev-set.js';
import { isFitCase } from './load-dev-set.js';
import { measureSlice, type ScoredDevCase, scoreDevCases, type SliceMetrics } from './score-dev-set.js';

export interface DevSlice {
  name: string;
  metrics: SliceMetrics;
}

const SLICES: ReadonlyArray<readonly [string, (c: DevCase) => boolean]> = [
  // Since the seventh revision every realistic file but blind set 5 is fitted on (its out-of-set
  // numbers come from leaving each writer's file out: src/detection/leave-one-set-out.ts), so
  // these rows are in-sample. Blind sets 3 and 4 measured the fifth and sixth revisions once each
  // and became development data afterwards, as blind sets 1 and 2 did at the fifth.
  // Blind set 5: written by a session that never saw the check, kept unread until the seventh
  // revision was committed, then scored once. The numbers reports quote since the seventh revision.
  [
    'realistic, blind set 5 (blind5-…, never fitted on; rev. 7 scored once)',
    (c) => c.id.startsWith('blind5-'),
  ],
  [
    'realistic, blind set 4 (blind4-…, measured rev. 6; fitted on since rev. 7)',
    (c) => c.id.startsWith('blind4-'),
  ],
  [
    'realistic, blind set 3 (blind3-…, measured rev. 5; fitted on since rev. 7)',
    (c) => c.id.startsWith('blind3-'),
  ],
  [
    'realistic, blind sets 1+2 (fitted on since rev. 5)',
    (c) => c.split === 'heldout' && /^(held|blind2)-/.test(c.id),
  ],
  ['realistic, blind set 1 (held-…, fitted on)', (c) => c.split === 'heldout' && c.id.startsWith('held-')],
  [
    'realistic, blind set 2 (blind2-…, fitted on)',
    (c) => c.split === 'heldout' && c.id.startsWith('blind2-'),
  ],
  ['realistic, hand-written validation (fitted on)', (c) => c.part === 'realistic' && c.split === undefined],
  // The perturbed sample answers are not fitted on since the seventh revision: both splits are out of sample.
  ['perturbed, test split (never fitted on)', (c) => c.part === 'perturbed' && c.split === 'test'],
  ['perturbed, tuning split (fitted on until rev. 6)', (c) => c.part === 'perturbed' && c.split === 'tune'],
  [
    'realistic, tuning split (fitted on)',
    (c) => c.part === 'realistic' && c.split === 'tune' && /^tune-/.test(c.id),
  ],
  // The second hand-written tuning file (ids tune2-…): free paraphrase, recombined numbers,
  // conditions, quantifiers and fabricated sources, written for the blind set's described style.
  ['realistic, tuning split 2 (fitted on)', (c) => c.part === 'realistic' && c.id.startsWith('tune2-')],
  // The third (ids tune3-…, sixth revision): polarity, who-does-what swaps, dropped limits,
  // two-step arithmetic, times, currency codes and unit spellings, both forms of each.
  ['realistic, tuning split 3 (fitted on)', (c) => c.part === 'realistic' && c.id.startsWith('tune3-')],
  ['realistic, all eight fit files (fitted on)', (c) => isFitCase(c)],
];

export function measureDevSlices(
  cases: readonly DevCase[],
  threshold = DEFAULT_HALLUCINATION_THRESHOLD,
): DevSlice[] {
  const scored: ScoredDevCase[] = scoreDevCases(cases);
  return SLICES.map(([name, keep]) => ({
    name,
    metrics: measureSlice(
      scored.filter((s) => keep(s.case)),
      threshold,
    ),
  }));
}

/** Per perturbation kind on one slice: how often each kind is flagged. */
export function flaggedByKind(
  cases: readonly DevCase[],
  threshold = DEFAULT_HALLUCINATION_THRESHOLD,
): { kind: string; n: number; flagged: number }[] {
  const scored = scoreDevCases(cases);
  const kinds = [...new Set(cases.map((c) => c.kind))].sort();
  return kinds.map((kind) => {
    const of = scored.filter((s) => s.case.kind === kind);
    return { kind, n: of.length, flagged: of.filter((s) => s.score >= threshold).length / of.length };
  });
}

const fixed = (x: number | null) => (x === null ? '–' : x.toFixed(3));

export function renderDevTable(slices: readonly DevSlice[]): string {
  const lines = [
    '| slice | cases | hallucinated | flagged | precision | recall | F1 | AUROC | Brier |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { name, metrics: m } of slices)
    lines.push(
      `| ${name} | ${m.n} | ${m.positives} | ${fixed(m.flaggedRate)} | ${fixed(m.precision)} | ${fixed(m.recall)} | ${fixed(m.f1)} | ${fixed(m.auroc)} | ${fixed(m.brier)} |`,
    );
  return lines.join('\n');
}
