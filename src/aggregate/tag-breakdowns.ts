// The main metric broken down by case tag, split by what the tag says about a case.
// Protected attributes (`name:value` tags whose name is the configured `bias.group_tag` or a
// counterfactual attribute, e.g. `segment:enterprise`) say who a case is about: each gets its
// own breakdown for the bias audit, comparing its values with one another only, flagged above
// the threshold. Everything else is about the product, not people: other `name:value` tags
// (`channel:chat`, one breakdown per name) and plain topic tags (`billing`, `long-input`, one
// breakdown) go to error analysis, never flagged as bias.
import type { ResultColumns } from '../columns/result-columns.js';
import type { SubgroupGap } from '../run/types.js';
import { subgroupsFromSums } from '../scorers/bias/subgroups.js';
import { type TagSum, tagSums } from './tag-sums.js';

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
  // One pass over the rows: a tag's sum and count are the same in whichever breakdown it is.
  const tags = tagSums(options.columns, options.rows, options.metric).map((t) => ({
    ...t,
    ignored: options.ignore(t.tag),
  }));
  const attributes = new Set<string>();
  for (const t of tags) {
    const match = t.tag.match(ATTRIBUTE_TAG);
    if (match && !t.ignored) attributes.add(match[1]);
  }
  const gaps: TagBreakdown[] = [];
  for (const attribute of [...attributes].sort()) {
    const isProtected = options.protectedAttributes.includes(attribute);
    const gap = breakdown(
      options,
      tags.filter((t) => !t.ignored && t.tag.startsWith(`${attribute}:`)),
      isProtected ? options.threshold : null,
    );
    if (gap) gaps.push({ ...gap, kind: isProtected ? 'protected' : 'topic', attribute });
  }
  const topics = breakdown(
    options,
    tags.filter((t) => !t.ignored && !ATTRIBUTE_TAG.test(t.tag)),
    null,
  );
  if (topics) gaps.push({ ...topics, kind: 'topic' });
  return gaps;
}

function breakdown(
  options: TagBreakdownOptions,
  members: readonly TagSum[],
  threshold: number | null,
): SubgroupGap | null {
  // Tags on no row with a value are in no group (as in `subgroups`).
  const result = subgroupsFromSums(
    members.filter((t) => t.n > 0),
    { minCount: options.minCount, threshold: threshold ?? Number.POSITIVE_INFINITY },
  );
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

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
