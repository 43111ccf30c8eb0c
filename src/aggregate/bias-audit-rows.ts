// What the bias audit reads of one suite × provider group, as views of the column store: the
// rows it audits as typed row indices, and only the counterfactual variants as objects in full
// (their score gaps may name any metric and their answers are compared; they are few). The
// group rates and the BBQ scores read their few fields straight from the columns, and identical
// items share one object. A 100,000-case group used to be 100,000 row objects alive at once
// (~55 MB allocated); it is now two Uint32Arrays and the variants. Same rows, same order, so
// the audit's sums come out bit for bit the same.
import type { AggregateRow } from '../columns/aggregate-row.js';
import { aggregateRow } from '../columns/column-rows.js';
import { FLAG_ERROR, MCQ_FIELDS, NONE, type ResultColumns } from '../columns/result-columns.js';
import type { BbqItem } from '../scorers/bias/bbq-score.js';
import type { FairnessItem } from '../scorers/bias/fairness.js';

export interface BiasAuditRows {
  readonly columns: ResultColumns;
  /** The rows the audit reads, in row order: each case's first repeat, without an error. */
  readonly rows: Uint32Array;
  /** Those of them that are real cases, not counterfactual variants. */
  readonly cases: Uint32Array;
  /** Those of them that are counterfactual variants, in full. */
  readonly variants: readonly AggregateRow[];
}

export function biasAuditRows(columns: ResultColumns, start: number, end: number): BiasAuditRows {
  let rowCount = 0;
  let variantCount = 0;
  for (let i = start; i < end; i++) {
    if (columns.repeat[i] !== 0 || columns.flags[i] & FLAG_ERROR) continue;
    rowCount++;
    if (columns.variantAttribute[i] !== NONE) variantCount++;
  }
  const rows = new Uint32Array(rowCount);
  const cases = new Uint32Array(rowCount - variantCount);
  const variants: AggregateRow[] = [];
  let r = 0;
  let c = 0;
  for (let i = start; i < end; i++) {
    if (columns.repeat[i] !== 0 || columns.flags[i] & FLAG_ERROR) continue;
    rows[r++] = i;
    if (columns.variantAttribute[i] === NONE) cases[c++] = i;
    else variants.push(aggregateRow(columns, i));
  }
  return { columns, rows, cases, variants };
}

/**
 * The classifier fairness items of the real cases: a case's group is its first tag starting
 * with `prefix` (the rest of the tag), and a case without such a tag or a gold label is left
 * out. Items with the same group, gold label and prediction are one shared object.
 */
export function fairnessItems(input: BiasAuditRows, prefix: string): FairnessItem[] {
  const { columns } = input;
  const s = columns.strings;
  const groupOfTag = new Map<number, string | null>();
  const shared = new Map<string, FairnessItem>();
  const items: FairnessItem[] = [];
  for (const i of input.cases) {
    let tag = NONE;
    for (let k = columns.tagStart[i]; k < columns.tagStart[i + 1] && tag === NONE; k++) {
      const id = columns.tagId[k];
      let group = groupOfTag.get(id);
      if (group === undefined) {
        const name = s.value(id);
        group = name.startsWith(prefix) ? name.slice(prefix.length) : null;
        groupOfTag.set(id, group);
      }
      if (group !== null) tag = id;
    }
    if (tag === NONE || columns.label[i] === NONE) continue;
    const key = `${tag} ${columns.label[i]} ${columns.predicted[i]}`;
    let item = shared.get(key);
    if (!item) {
      item = {
        group: groupOfTag.get(tag)!,
        gold: s.value(columns.label[i]),
        predicted: columns.predicted[i] === NONE ? null : s.value(columns.predicted[i]),
      };
      shared.set(key, item);
    }
    items.push(item);
  }
  return items;
}

/** BBQ items of the rows with a multiple-choice answer (variants included), with their category. */
export function bbqItems(input: BiasAuditRows): { item: BbqItem; category: string }[] {
  const { columns } = input;
  const m = columns.mcq;
  const shared = new Map<string, { item: BbqItem; category: string }>();
  const out: { item: BbqItem; category: string }[] = [];
  for (const i of input.rows) {
    if (columns.mcqIndex[i] === NONE) continue;
    const at = columns.mcqIndex[i] * MCQ_FIELDS;
    const key = `${m[at]} ${m[at + 1]} ${m[at + 2]} ${m[at + 3]} ${m[at + 4]} ${m[at + 5]}`;
    let entry = shared.get(key);
    if (!entry) {
      entry = {
        item: {
          condition: m[at + 4] === 0 ? 'ambiguous' : 'disambiguated',
          chosen: m[at] === NONE ? null : m[at],
          label: m[at + 1],
          biasedOption: m[at + 2],
          unknownOption: m[at + 3],
        },
        category: m[at + 5] === NONE ? 'all' : columns.strings.value(m[at + 5]),
      };
      shared.set(key, entry);
    }
    out.push(entry);
  }
  return out;
}
