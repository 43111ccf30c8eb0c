// The bias audit of one suite × provider group, from its rows in the column store:
// counterfactual gaps per declared attribute (score gap with a bootstrap interval, label flip
// rate, answer divergence), subgroup breakdowns by tag, demographic-parity and equalized-odds
// differences across the declared group tag, and the BBQ bias scores for multiple-choice
// probes. Each row carries its threshold and a pass/fail.
import type { BiasThresholdKind, EvalConfig } from '../config/schema.js';
import { createRng } from '../core/rng.js';
import { tokenF1 } from '../scorers/answer/token-f1.js';
import { bbqScore } from '../scorers/bias/bbq-score.js';
import { answerDivergence, groupScoreGap, labelFlipRate } from '../scorers/bias/counterfactual.js';
import { fairness } from '../scorers/bias/fairness.js';
import { createResampler, normalQuantile } from '../stats/index.js';
import type { AggregateRow } from '../columns/aggregate-row.js';
import type { BiasRow, BiasSummary, SubgroupGap, SuiteSummary } from '../run/types.js';
import { type BiasAuditRows, bbqItems, fairnessItems } from './bias-audit-rows.js';
import { tagBreakdowns } from './tag-breakdowns.js';

/** The metric the audit's breakdowns and default score gaps compare, per task. */
export const PRIMARY_METRIC: Record<string, string> = {
  'rag-qa': 'answer.f1',
  qa: 'answer.f1',
  classify: 'classification.accuracy',
  mcq: 'mcq.accuracy',
  retrieval: 'retrieval.ndcg@10',
};
/** Tags that mark how a case was built rather than who it is about. */
const NON_GROUP_TAG = /^(bias-probe|bbq)$/;
const MIN_SUBGROUP_CASES = 5;
/** Rates per group from fewer cases than this swing by whole tenths from one case. */
const MIN_FAIRNESS_GROUP_CASES = 20;
/** Gold cases of a label (or of its complement) a group needs before its TPR/FPR is compared. */
const MIN_RATE_SUPPORT = 5;
const MIN_BBQ_ANSWERS = 5;
const GAP_RESAMPLES = 1000;

/** The audit of one suite × provider group, from its rows in the column store (biasAuditRows). */
export function auditBias(options: {
  rows: BiasAuditRows;
  config: EvalConfig;
  summary: SuiteSummary;
}): BiasSummary {
  const { config } = options;
  const thresholds = config.bias.thresholds;
  const rows: BiasRow[] = [];
  const subgroupGaps: SubgroupGap[] = [];
  const judgedRow = (
    base: { suite: string; provider: string },
    attribute: string,
    kind: BiasThresholdKind,
    value: number | null,
    suffix = '',
  ): Omit<BiasRow, 'metric'> => ({
    ...base,
    check: biasCheckId(base.suite, attribute, `${kind}${suffix}`),
    attribute,
    threshold: thresholds[kind].value,
    action: thresholds[kind].action,
    value,
    pass: value === null ? null : value <= thresholds[kind].value,
    ...(value === null ? { notJudged: 'no value: nothing to compare in this run' } : {}),
  });
  const { summary } = options;
  // One row per case (biasAuditRows: first repeats without an error): repeats would multiply
  // n past the support minimums, and a model's own run-to-run variation would read as a label
  // flip between groups.
  const metric = PRIMARY_METRIC[summary.task];
  const base = { suite: summary.suite, provider: summary.provider };

  for (const [attribute, spec] of Object.entries(config.bias.attributes)) {
    const variants = options.rows.variants.filter((r) => r.variant?.attribute === attribute);
    if (variants.length === 0) continue;
    const cases = counterfactualCases(variants);
    for (const m of spec.metrics ?? [metric]) {
      const gap = gapWithInterval(
        cases,
        m,
        config.seed,
        config.gate.confidence,
        `${summary.suite}:${summary.provider}:${attribute}:${m}`,
      );
      const z = normalQuantile(0.5 + config.gate.confidence / 2);
      rows.push({
        ...judgedRow(base, attribute, 'score_gap', gap.value, m === metric ? '' : `:${m}`),
        metric: `${m} gap between groups`,
        low: gap.low,
        high: gap.high,
        standardError: gap.low === null || gap.high === null ? null : (gap.high - gap.low) / (2 * z),
        detail: gap.detail,
      });
    }
    if (summary.task === 'classify') {
      const flips = labelFlipRate(
        cases.map((c) => ({
          baseId: c.baseId,
          variants: c.variants.map((v) => ({ group: v.group, label: v.label })),
        })),
      );
      rows.push({
        ...judgedRow(base, attribute, 'flip_rate', round(flips.rate)),
        metric: 'label flip rate',
        standardError:
          flips.rate === null || flips.compared === 0
            ? null
            : Math.sqrt((flips.rate * (1 - flips.rate)) / flips.compared),
        detail: flips.flipped.length
          ? `flipped: ${flips.flipped.slice(0, 5).join(', ')}`
          : `${flips.compared} probes, none flipped`,
      });
    } else if (summary.task === 'rag-qa' || summary.task === 'qa') {
      const divergence = answerDivergence({ cases, similarity: (a, b) => tokenF1(a, [b]) ?? 0 });
      rows.push({
        ...judgedRow(base, attribute, 'divergence', round(divergence.divergence)),
        metric: 'answer divergence (1 − token F1 between variants)',
      });
    }
  }

  if (summary.task === 'classify' && config.bias.group_tag) {
    const prefix = `${config.bias.group_tag}:`;
    // Counterfactual variants are copies of one case; group rates come from real cases only.
    const items = fairnessItems(options.rows, prefix);
    const labels = config.suites.find((s) => s.name === summary.suite)?.labels ?? [];
    const perGroup = new Map<string, number>();
    for (const item of items) perGroup.set(item.group, (perGroup.get(item.group) ?? 0) + 1);
    const small = [...perGroup]
      .filter(([, n]) => n < MIN_FAIRNESS_GROUP_CASES)
      .map(([g]) => g)
      .sort();
    const compared = items.filter((i) => !small.includes(i.group));
    if (items.length > 0 && perGroup.size - small.length < 2) {
      rows.push({
        ...judgedRow(base, config.bias.group_tag, 'parity_difference', null),
        metric: 'demographic parity difference (worst label)',
        detail: `not computed: fewer than ${MIN_FAIRNESS_GROUP_CASES} cases in groups ${small.join(', ')}`,
        notJudged: `not computed: fewer than ${MIN_FAIRNESS_GROUP_CASES} cases in groups ${small.join(', ')}`,
      });
    } else if (compared.length > 0) {
      const report = fairness({ items: compared, labels, minSupport: MIN_RATE_SUPPORT });
      const attribute = config.bias.group_tag;
      rows.push({
        ...judgedRow(base, attribute, 'parity_difference', round(report.demographicParityDifference)),
        metric: 'demographic parity difference (worst label)',
        detail: `groups: ${report.groups.join(', ')}${small.length ? ` (too few cases, left out: ${small.join(', ')})` : ''}`,
      });
      rows.push({
        ...judgedRow(base, attribute, 'equalized_odds', round(report.equalizedOddsDifference)),
        metric: 'equalized odds difference (worst label)',
      });
    }
  }

  if (summary.task === 'mcq') {
    const items = bbqItems(options.rows);
    const categories = [...new Set(items.map((i) => i.category))].sort();
    for (const category of [...categories, ...(categories.length > 1 ? ['all categories'] : [])]) {
      const subset = items
        .filter((i) => category === 'all categories' || i.category === category)
        .map((i) => i.item);
      const scores = bbqScore(subset);
      for (const [condition, result] of [
        ['disambiguated', scores.disambiguated],
        ['ambiguous', scores.ambiguous],
      ] as const) {
        // A bias score from a handful of non-unknown answers swings by ±2/n per answer: it is
        // shown, but only judged once enough answers back it.
        const enough =
          result.biasScore !== null &&
          (condition === 'ambiguous'
            ? result.accuracy === 1 || result.nonUnknown >= MIN_BBQ_ANSWERS
            : result.nonUnknown >= MIN_BBQ_ANSWERS);
        const note = enough ? '' : ` (not judged: fewer than ${MIN_BBQ_ANSWERS} non-unknown answers)`;
        const row = judgedRow(base, category, 'bbq_bias', round(result.biasScore), `:${condition}`);
        rows.push({
          ...row,
          metric: `BBQ bias score (${condition})`,
          pass: enough ? Math.abs(result.biasScore!) <= row.threshold : null,
          ...(enough
            ? {}
            : {
                notJudged:
                  result.biasScore === null
                    ? 'no bias score (no non-unknown answers)'
                    : `not judged: fewer than ${MIN_BBQ_ANSWERS} non-unknown answers`,
              }),
          detail: `accuracy ${result.accuracy === null ? 'n/a' : result.accuracy.toFixed(3)} on ${result.n} items, ${result.nonUnknown} non-unknown answers${note}`,
        });
      }
    }
  }

  if (metric && summary.task !== 'retrieval') {
    subgroupGaps.push(
      ...tagBreakdowns({
        ...base,
        metric,
        columns: options.rows.columns,
        rows: options.rows.cases,
        protectedAttributes: [
          ...(config.bias.group_tag ? [config.bias.group_tag] : []),
          ...Object.keys(config.bias.attributes),
        ],
        ignore: (tag) => NON_GROUP_TAG.test(tag),
        minCount: MIN_SUBGROUP_CASES,
        threshold: thresholds.subgroup_gap.value,
      }),
    );
  }
  return { rows, subgroups: subgroupGaps };
}

type VariantView = {
  group: string;
  label?: string | null;
  answer?: string | null;
  score?: number | null;
  scores: Record<string, number | null>;
};

function counterfactualCases(
  variants: readonly AggregateRow[],
): { baseId: string; variants: VariantView[] }[] {
  const byBase = new Map<string, VariantView[]>();
  for (const r of variants) {
    const list = byBase.get(r.baseId) ?? [];
    list.push({
      group: r.variant!.group,
      label: r.label !== undefined ? (r.predicted ?? null) : undefined,
      answer: r.output ?? null,
      scores: r.scores,
    });
    byBase.set(r.baseId, list);
  }
  return [...byBase.keys()].sort().map((baseId) => ({ baseId, variants: byBase.get(baseId)! }));
}

/** Group score gap (max − min of group means) with a bootstrap interval over base cases. */
function gapWithInterval(
  cases: ReturnType<typeof counterfactualCases>,
  metric: string,
  seed: number,
  confidence: number,
  label: string,
): { value: number | null; low: number | null; high: number | null; detail?: string } {
  const withScores = cases.map((c) => ({
    baseId: c.baseId,
    variants: c.variants.map((v) => ({ group: v.group, score: v.scores[metric] ?? null })),
  }));
  const full = groupScoreGap(withScores);
  if (full.gap === null) return { value: null, low: null, high: null };
  const resampler = createResampler({
    n: withScores.length,
    resamples: GAP_RESAMPLES,
    rng: createRng(seed).fork(`bias:${label}`),
  });
  const ci = resampler.statisticCi(
    (idx) => groupScoreGap([...idx].map((i) => withScores[i])).gap ?? NaN,
    confidence,
  );
  const detail = Object.entries(full.means)
    .map(([g, m]) => `${g} ${m.mean.toFixed(3)} (n=${m.n})`)
    .join(', ');
  return { value: round(full.gap), low: ci ? round(ci.low) : null, high: ci ? round(ci.high) : null, detail };
}

function round(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * 1e6) / 1e6;
}

/** `<suite>/<attribute>/<kind>`, lower case with spaces as dashes: what waivers name. */
export function biasCheckId(suite: string, attribute: string, kind: string): string {
  return [suite, attribute, kind].map((part) => part.toLowerCase().replace(/\s+/g, '-')).join('/');
}
