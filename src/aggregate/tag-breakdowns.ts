// The main metric broken down by case tag, split by what the tag says about a case.
// Protected attributes (`name:value` tags whose name is the configured `bias.group_tag` or a
// counterfactual attribute, e.g. `segment:enterprise`) say who a case is about: each gets its
// own breakdown for the bias audit, comparing its values with one another only, flagged above
// the threshold. Everything else is about the product, not people: other `name:value` tags
// (`channel:chat`, one breakdown per name) and plain topic tags (`billing`, `long-input`, one
// breakdown) go to error analysis, never flagged as bias.
import type { ResultColumns } from '../columns/result-columns.js';
import type { SubgroupGap } from '../run/types.js';
import { subgroups } from '../scorers/bias/subgroups.js';

export interface TagBreakdownOptions {
  suite: string;
  provider: string;
  metric: string;
  /** The column store, and the rows to break down: one per case (no counterfactual variants, no repeats). */
  columns: ResultColumns;
  rows: ArrayLike<number>;
  /** Attribute names that are protected: `bias.group_tag` and the counterfactual attributes. */
  protectedAttributes: readonly string[];
  /** Tags that describe how a case was built (`bias-probe`), left out of every breakdown. */
  ignore: (tag: string) => boolean;
  minCount: number;
  /** A protected attribute's gap above this is flagged. */
  threshold: number;
}

const ATTRIBUTE_TAG = /^([^:\s]+):(.+)$/;

/**
 * A subgroup entry of `run.json`'s `bias.subgroups` with what its tags are. protected: the values
 * of a protected `name:value` tag, for the bias audit; topic: other tags, for error analysis,
 * never flagged. (These two fields belong in run/types.ts's SubgroupGap; until they move there,
 * read them with breakdownKind / breakdownAttribute.)
 */
export interface TagBreakdown extends SubgroupGap {
  kind: 'protected' | 'topic';
  /** The tag name of a `name:value` breakdown, e.g. `segment`; absent for plain topic tags. */
  attribute?: string;
}

/** The kind of a stored subgroup entry; undefined for records written before the split. */
export function breakdownKind(gap: SubgroupGap): TagBreakdown['kind'] | undefined {
  return (gap as Partial<TagBreakdown>).kind;
}

export function breakdownAttribute(gap: SubgroupGap): string | undefined {
  return (gap as Partial<TagBreakdown>).attribute;
}

export function tagBreakdowns(options: TagBreakdownOptions): TagBreakdown[] {
  const results = caseRows(options);
  const attributes = new Set<string>();
  for (const r of results)
    for (const tag of r.tags) {
      const match = tag.match(ATTRIBUTE_TAG);
      if (match && !options.ignore(tag)) attributes.add(match[1]);
    }
  const gaps: TagBreakdown[] = [];
  for (const attribute of [...attributes].sort()) {
    const isProtected = options.protectedAttributes.includes(attribute);
    const gap = breakdown(
      options,
      results,
      (tag) => tag.startsWith(`${attribute}:`),
      isProtected ? options.threshold : null,
    );
    if (gap) gaps.push({ ...gap, kind: isProtected ? 'protected' : 'topic', attribute });
  }
  const topics = breakdown(options, results, (tag) => !ATTRIBUTE_TAG.test(tag), null);
  if (topics) gaps.push({ ...topics, kind: 'topic' });
  return gaps;
}

function breakdown(
  options: TagBreakdownOptions,
  results: CaseRow[],
  keep: (tag: string) => boolean,
  threshold: number | null,
): SubgroupGap | null {
  const result = subgroups({
    items: results.map((r) => ({
      tags: r.tags.filter((t) => keep(t) && !options.ignore(t)),
      value: r.scores[options.metric] ?? null,
    })),
    minCount: options.minCount,
    threshold: threshold ?? Number.POSITIVE_INFINITY,
  });
  if (result.groups.length < 2) return null;
  return {
    suite: options.suite,
    provider: options.provider,
    metric: options.metric,
    groups: result.groups.map((g) => ({ tag: g.tag, n: g.n, value: round(g.mean) })),
    gap: result.largestGap === null ? null : round(result.largestGap.gap),
    flagged: threshold !== null && (result.largestGap?.flagged ?? false),
  };
}

type CaseRow = { tags: string[]; scores: Record<string, number | null> };

function caseRows(options: TagBreakdownOptions): CaseRow[] {
  const { columns } = options;
  const s = columns.strings;
  const out: CaseRow[] = [];
  for (let r = 0; r < options.rows.length; r++) {
    const i = options.rows[r];
    const tags: string[] = [];
    for (let k = columns.tagStart[i]; k < columns.tagStart[i + 1]; k++) tags.push(s.value(columns.tagId[k]));
    const scores: Record<string, number | null> = {};
    for (let k = columns.scoreStart[i]; k < columns.scoreStart[i + 1]; k++)
      if (s.value(columns.scoreMetric[k]) === options.metric)
        scores[options.metric] = Number.isNaN(columns.scoreValue[k]) ? null : columns.scoreValue[k];
    out.push({ tags, scores });
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
