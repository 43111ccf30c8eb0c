// Suite-level classification report: accuracy, per-class precision/recall/F1/support, macro-F1 and
// the confusion matrix (gold rows × predicted columns, plus an "(invalid)" column for outputs that
// are not a label).
//
// Zero-division convention (as scikit-learn's zero_division=0): a label never predicted has
// precision 0; a label with no gold cases has recall 0; F1 is 0 when precision + recall is 0.
// A declared label with neither gold cases nor predictions carries no evidence either way: its
// precision/recall/F1 are null and it is left out of the macro-F1 mean (scikit-learn would count
// it as 0 and drag the mean down for a label the suite never tested).

export const INVALID_COLUMN = '(invalid)';

export interface ClassificationItem {
  gold: string;
  /** Parsed label; null (or anything not in `labels`) = invalid output. */
  predicted: string | null;
}

export interface ClassMetrics {
  label: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Gold cases of this label. */
  support: number;
  /** Cases predicted as this label. */
  predicted: number;
}

export interface ClassificationReport {
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  perClass: ClassMetrics[];
  invalid: number;
  confusion: { rows: string[]; columns: string[]; matrix: number[][] };
}

export function classificationReport(options: {
  items: readonly ClassificationItem[];
  labels: readonly string[];
}): ClassificationReport {
  const { items, labels } = options;
  // Gold labels outside the declared set still get a row, so no case disappears from the matrix.
  const rows = [...labels];
  for (const item of items) if (!rows.includes(item.gold)) rows.push(item.gold);
  const columns = [...labels, INVALID_COLUMN];
  const matrix = rows.map(() => columns.map(() => 0));
  let correct = 0;
  let invalid = 0;
  for (const item of items) {
    const predicted =
      item.predicted !== null && labels.includes(item.predicted) ? item.predicted : INVALID_COLUMN;
    if (predicted === INVALID_COLUMN) invalid++;
    if (predicted === item.gold) correct++;
    matrix[rows.indexOf(item.gold)][columns.indexOf(predicted)]++;
  }

  const perClass: ClassMetrics[] = labels.map((label, column) => {
    const row = rows.indexOf(label);
    const tp = matrix[row][column];
    const support = matrix[row].reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, r) => sum + r[column], 0);
    if (support === 0 && predicted === 0)
      return { label, precision: null, recall: null, f1: null, support, predicted };
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support, predicted };
  });
  const f1s = perClass.map((c) => c.f1).filter((f): f is number => f !== null);
  return {
    n: items.length,
    accuracy: items.length === 0 ? null : correct / items.length,
    macroF1: f1s.length === 0 ? null : f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perClass,
    invalid,
    confusion: { rows, columns, matrix },
  };
}
