// Group fairness of a classifier, one-vs-rest per label, worst label reported:
// - demographic-parity difference: max − min over groups of P(predicted = L | group);
// - equalized-odds difference: the larger of the TPR range and the FPR range over groups, where
//   TPR_g = P(pred = L | gold = L, g) and FPR_g = P(pred = L | gold ≠ L, g) (groups for which a
//   rate is undefined are left out of that rate's range).
// An invalid output (predicted null) counts as "not L" for every label.

export interface FairnessItem {
  group: string;
  gold: string;
  predicted: string | null;
}

export interface LabelFairness {
  label: string;
  selectionRate: Record<string, number>;
  truePositiveRate: Record<string, number | null>;
  falsePositiveRate: Record<string, number | null>;
  demographicParityDifference: number | null;
  equalizedOddsDifference: number | null;
}

export interface FairnessReport {
  groups: string[];
  demographicParityDifference: number | null;
  equalizedOddsDifference: number | null;
  perLabel: LabelFairness[];
}

function range(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  if (defined.length < 2) return null;
  return Math.max(...defined) - Math.min(...defined);
}

function maxOrNull(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : Math.max(...defined);
}

export function fairness(options: {
  items: readonly FairnessItem[];
  labels: readonly string[];
  minSupport?: number;
}): FairnessReport {
  // A TPR or FPR from fewer gold cases than this is left undefined: one case would swing it by 1/n.
  const minSupport = options.minSupport ?? 1;
  const byGroup = new Map<string, FairnessItem[]>();
  for (const item of options.items) {
    const list = byGroup.get(item.group);
    if (list) list.push(item);
    else byGroup.set(item.group, [item]);
  }
  const groups = [...byGroup.keys()].sort();
  const perLabel = options.labels.map((label): LabelFairness => {
    const selectionRate: Record<string, number> = {};
    const truePositiveRate: Record<string, number | null> = {};
    const falsePositiveRate: Record<string, number | null> = {};
    for (const group of groups) {
      const items = byGroup.get(group) ?? [];
      let selected = 0;
      let positives = 0;
      let truePositives = 0;
      let negatives = 0;
      let falsePositives = 0;
      for (const item of items) {
        const hit = item.predicted === label;
        if (hit) selected++;
        if (item.gold === label) {
          positives++;
          if (hit) truePositives++;
        } else {
          negatives++;
          if (hit) falsePositives++;
        }
      }
      selectionRate[group] = selected / items.length;
      truePositiveRate[group] = positives < Math.max(1, minSupport) ? null : truePositives / positives;
      falsePositiveRate[group] = negatives < Math.max(1, minSupport) ? null : falsePositives / negatives;
    }
    const tprRange = range(Object.values(truePositiveRate));
    const fprRange = range(Object.values(falsePositiveRate));
    return {
      label,
      selectionRate,
      truePositiveRate,
      falsePositiveRate,
      demographicParityDifference: range(Object.values(selectionRate)),
      equalizedOddsDifference: maxOrNull([tprRange, fprRange]),
    };
  });
  return {
    groups,
    demographicParityDifference: maxOrNull(perLabel.map((l) => l.demographicParityDifference)),
    equalizedOddsDifference: maxOrNull(perLabel.map((l) => l.equalizedOddsDifference)),
    perLabel,
  };
}
