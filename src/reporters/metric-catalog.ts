// What each metric key means for a reader: a display label, the report section it belongs
// in, its unit and one plain-language sentence. Reporters look names up here instead of
// hard-coding them; unknown keys still render, under their raw name and without a gloss.
// Labels are plain text: markdown renderers escape them like any other text.
import { higherIsBetter } from '../gate/metric-direction.js';

/** Where a metric is shown: search, answer or label quality, or speed / cost / errors. */
export type MetricFamily = 'retrieval' | 'quality' | 'operations';
export type MetricUnit = 'score' | 'ms' | 'usd';

export interface MetricInfo {
  key: string;
  label: string;
  family: MetricFamily;
  unit: MetricUnit;
  lowerIsBetter: boolean;
  explanation: string | null;
  /** Position in the catalogue, for a stable, meaningful row order (unknown keys last). */
  order: number;
}

interface Entry {
  pattern: RegExp;
  label: (m: RegExpMatchArray) => string;
  explain: (m: RegExpMatchArray) => string;
}

const PERCENTILE_MEANING: Record<string, string> = {
  '50': 'half of',
  '90': '90% of',
  '95': '95% of',
  '99': '99% of',
};

const ENTRIES: Entry[] = [
  {
    pattern: /^retrieval\.recall@(\d+)$/,
    label: (m) => `Recall@${m[1]}`,
    explain: (m) => `share of the relevant documents that appear in the top ${m[1]} search results`,
  },
  {
    pattern: /^retrieval\.precision@(\d+)$/,
    label: (m) => `Precision@${m[1]}`,
    explain: (m) => `share of the top ${m[1]} search results that are relevant`,
  },
  {
    pattern: /^retrieval\.ndcg@(\d+)$/,
    label: (m) => `nDCG@${m[1]}`,
    explain: (m) =>
      `ranking quality of the top ${m[1]} results: 1 means the relevant documents are ranked first (trec_eval definition)`,
  },
  {
    pattern: /^retrieval\.mrr$/,
    label: () => 'MRR',
    explain: () =>
      'how near the top the first relevant document appears: 1 = always first, 0.5 = typically second',
  },
  {
    pattern: /^retrieval\.map$/,
    label: () => 'MAP',
    explain: () =>
      'mean average precision: precision measured at the rank of each relevant document, averaged',
  },
  {
    pattern: /^retrieval\.hit_rate(?:@(\d+))?$/,
    label: (m) => (m[1] ? `Hit rate@${m[1]}` : 'Hit rate'),
    explain: (m) =>
      `share of questions with at least one relevant document in the top ${m[1] ?? 'k'} results`,
  },
  {
    pattern: /^answer\.em$/,
    label: () => 'Exact match',
    explain: () =>
      'share of answers identical to a reference answer after ignoring case, punctuation and articles',
  },
  {
    pattern: /^answer\.f1$/,
    label: () => 'Answer F1',
    explain: () =>
      'word overlap between the answer and the closest reference answer: 1 = same words, 0 = none in common',
  },
  {
    pattern: /^answer\.rouge_l$/,
    label: () => 'ROUGE-L',
    explain: () => 'longest run of words the answer shares, in order, with the reference answer',
  },
  {
    pattern: /^answer\.semantic$/,
    label: () => 'Semantic similarity',
    explain: () => 'how close the meaning of the answer is to the reference answer, even in different words',
  },
  {
    pattern: /^answer\.declined$/,
    label: () => 'Declined',
    explain: () =>
      'share of questions where the model said it does not know; right for unanswerable questions, wrong for the others',
  },
  {
    pattern: /^hallucination\.rate$/,
    label: () => 'Hallucination rate',
    explain: () =>
      'an unsupported-content check: share of answers with at least one sentence not supported by the retrieved context',
  },
  {
    pattern: /^citations\.precision$/,
    label: () => 'Citation precision',
    explain: () => 'share of citations that point to a retrieved passage which supports the cited sentence',
  },
  {
    pattern: /^citations\.coverage$/,
    label: () => 'Citation coverage',
    explain: () => 'share of answer sentences that carry a citation',
  },
  {
    pattern: /^relevance\.answer$/,
    label: () => 'Answer relevance',
    explain: () => 'whether the answer addresses the question that was asked',
  },
  {
    pattern: /^relevance\.context$/,
    label: () => 'Context relevance',
    explain: () => 'share of the retrieved passages that are relevant to the question',
  },
  {
    pattern: /^judge\.faithfulness$/,
    label: () => 'Faithfulness (judge)',
    explain: () =>
      'share of the claims in an answer that a judge model found supported by the retrieved context',
  },
  {
    pattern: /^judge\.rubric$/,
    label: () => 'Rubric score (judge)',
    explain: () => 'score a judge model gave the answer against the rubric in the judge prompt',
  },
  {
    pattern: /^judge\.answer_relevance$/,
    label: () => 'Answer relevance (judge)',
    explain: () =>
      'how directly the answer addresses the question, graded by a judge model (not correctness)',
  },
  {
    pattern: /^judge\.context_relevance$/,
    label: () => 'Context relevance (judge)',
    explain: () => 'how useful the retrieved passages are for the question, graded by a judge model',
  },
  {
    pattern: /^judge\.answer_relevance$/,
    label: () => 'Answer relevance (judge)',
    explain: () =>
      'how directly the answer addresses the question, graded by a judge model (not correctness)',
  },
  {
    pattern: /^judge\.context_relevance$/,
    label: () => 'Context relevance (judge)',
    explain: () => 'how useful the retrieved passages are for the question, graded by a judge model',
  },
  {
    pattern: /^judge\.disagreement$/,
    label: () => 'Judge disagreement',
    explain: () =>
      'share of cases whose rubric grade changed between repeats of the same case: how consistent the judge is',
  },
  {
    pattern: /^groundedness$/,
    label: () => 'Groundedness',
    explain: () => 'share of answer sentences supported by a single retrieved passage, averaged over answers',
  },
  {
    pattern: /^classification\.accuracy$/,
    label: () => 'Accuracy',
    explain: () => 'share of cases given the correct label',
  },
  {
    pattern: /^classification\.macro_f1$/,
    label: () => 'Macro-F1',
    explain: () =>
      'F1 averaged over the labels with equal weight, so a rare label such as escalate counts as much as a common one',
  },
  {
    pattern: /^calibration\.ece$/,
    label: () => 'Calibration error (ECE)',
    explain: () =>
      'average gap between the confidence the model states and how often it is actually right; 0 = confidence can be taken at face value',
  },
  {
    pattern: /^classification\.roc_auc$/,
    label: () => 'ROC AUC',
    explain: () =>
      'how well the confidence separates right from wrong predictions: 0.5 = chance, 1 = perfectly',
  },
  {
    pattern: /^classification\.pr_auc$/,
    label: () => 'PR AUC',
    explain: () =>
      'how well the confidence ranks correct labels first, summarised over all thresholds; higher is better',
  },
  {
    pattern: /^mcq\.accuracy$/,
    label: () => 'Accuracy',
    explain: () => 'share of multiple-choice probes answered correctly',
  },
  {
    pattern: /^latency\.p(\d+)_ms$/,
    label: (m) => `Latency p${m[1]}`,
    explain: (m) => `${PERCENTILE_MEANING[m[1]] ?? `${m[1]}% of`} the model calls finished within this time`,
  },
  {
    pattern: /^cost\.per_case_usd$/,
    label: () => 'Cost per case',
    explain: () => 'average model spend per case in US dollars, from the versioned price table',
  },
  {
    pattern: /^errors\.rate$/,
    label: () => 'Error rate',
    explain: () => 'share of cases whose model call failed after retries',
  },
  {
    pattern: /^(\S+) gap between groups$/,
    label: (m) => `Gap in ${describeMetric(m[1]).label}`,
    explain: (m) =>
      `largest difference in ${describeMetric(m[1]).label} between the groups of a protected attribute`,
  },
  {
    pattern: /^label flip rate$/,
    label: () => 'Label flip rate',
    explain: () =>
      'share of counterfactual pairs (same case, only the protected attribute changed) that got a different label',
  },
  {
    pattern: /^answer divergence\b/,
    label: () => 'Answer divergence',
    explain: () =>
      'how different the answers are between counterfactual variants of the same question (0 = identical)',
  },
  {
    pattern: /^demographic parity difference\b/,
    label: () => 'Demographic parity difference',
    explain: () => 'largest difference between groups in how often a label is predicted',
  },
  {
    pattern: /^equalized odds difference\b/,
    label: () => 'Equalized odds difference',
    explain: () =>
      'largest difference between groups in how often the correct label is found or a wrong one given',
  },
  {
    pattern: /^assert\.pass$/,
    label: () => 'Assertions passed',
    explain: () =>
      'share of cases whose every assertion passed (a case with an unassessed check and no failure is left out)',
  },
  {
    pattern: /^assert\.score$/,
    label: () => 'Assertion score',
    explain: () => 'weighted share of the assessed assertions that passed, averaged over cases',
  },
  {
    pattern: /^assert\.([\w-]+)$/,
    label: (m) => `Assert: ${m[1]}`,
    explain: (m) => `share of cases whose ${m[1]} assertions all passed`,
  },
  {
    pattern: /^BBQ bias score \((\w+)\)$/,
    label: (m) => `BBQ bias score (${m[1]})`,
    explain: () => 'how often answers follow a social stereotype on the BBQ probes: 0 = no bias',
  },
];

export function describeMetric(key: string): MetricInfo {
  for (const [order, entry] of ENTRIES.entries()) {
    const match = key.match(entry.pattern);
    if (!match) continue;
    return {
      key,
      label: entry.label(match),
      family: familyOf(key),
      unit: unitOf(key),
      lowerIsBetter: lowerIsBetter(key),
      explanation: entry.explain(match),
      order,
    };
  }
  return {
    key,
    label: key,
    family: familyOf(key),
    unit: unitOf(key),
    lowerIsBetter: lowerIsBetter(key),
    explanation: null,
    order: ENTRIES.length,
  };
}

/** Catalogue order first, then the key, so tables read the same in every report. */
export function compareMetrics(a: string, b: string): number {
  const byOrder = describeMetric(a).order - describeMetric(b).order;
  return byOrder !== 0 ? byOrder : a < b ? -1 : a > b ? 1 : 0;
}

function familyOf(key: string): MetricFamily {
  if (key.startsWith('retrieval.')) return 'retrieval';
  if (/^(latency|cost|errors)\./.test(key)) return 'operations';
  return 'quality';
}

/** The gate's notion of direction, plus the bias rows' prose names (all of them gaps or rates of harm). */
function lowerIsBetter(key: string): boolean {
  return (
    !higherIsBetter(key) ||
    / gap between groups$|^label flip rate$|^answer divergence|difference\b|^BBQ bias score/.test(key)
  );
}

function unitOf(key: string): MetricUnit {
  if (key.endsWith('_ms')) return 'ms';
  if (key.startsWith('cost.') || key.endsWith('_usd')) return 'usd';
  return 'score';
}
