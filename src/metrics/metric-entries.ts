// The entries of the metric catalogue, in the order reports list them. Each id family has
// exactly one entry (a test checks every id the sample produces against this list).
import type { EmbedderInfo } from './embedder-kind.js';
import type { MetricDirection, MetricEntry, MetricFamily, MetricUnit } from './metric-catalog.js';

type Label = MetricEntry['label'];
type Gloss = MetricEntry['gloss'];

interface Shape {
  family: MetricFamily;
  unit?: MetricUnit;
  direction?: MetricDirection;
}

const HIGHER: MetricDirection = 'higher-is-better';
const LOWER: MetricDirection = 'lower-is-better';

function entry(
  id: string,
  pattern: RegExp,
  shape: Shape,
  label: string | Label,
  gloss: string | Gloss,
): MetricEntry {
  return {
    id,
    pattern,
    family: shape.family,
    unit: shape.unit ?? 'score',
    direction: shape.direction ?? HIGHER,
    label: typeof label === 'string' ? () => label : label,
    gloss: typeof gloss === 'string' ? () => gloss : gloss,
  };
}

const PERCENTILE_MEANING: Record<string, string> = {
  '50': 'half of',
  '90': '90% of',
  '95': '95% of',
  '99': '99% of',
};

/** What an embedding cosine can and cannot see, by the kind of embedder that produced it. */
function embeddingCaveat(embedder: EmbedderInfo): string {
  switch (embedder.kind) {
    case 'lexical':
      return `computed with ${embedder.name}, a lexical embedder built from word counts: it rewards shared words, and a text in different words scores low even when it means the same`;
    case 'learned':
      return `computed with ${embedder.name}, a learned embedder: texts close in meaning can score high even in different words`;
    default:
      return 'the run did not record the embedder, so whether it sees past shared words is unknown';
  }
}

const RETRIEVAL: Shape = { family: 'retrieval' };
const QUALITY: Shape = { family: 'quality' };
const QUALITY_LOWER: Shape = { family: 'quality', direction: LOWER };
const BIAS: Shape = { family: 'bias', direction: LOWER };

export const METRIC_ENTRIES: readonly MetricEntry[] = [
  entry(
    'retrieval.recall@<k>',
    /^retrieval\.recall@(\d+)$/,
    RETRIEVAL,
    (m) => `Recall@${m[1]}`,
    (m) => `share of the relevant documents that appear in the top ${m[1]} search results`,
  ),
  entry(
    'retrieval.precision@<k>',
    /^retrieval\.precision@(\d+)$/,
    RETRIEVAL,
    (m) => `Precision@${m[1]}`,
    (m) =>
      `share of the top ${m[1]} search results that are relevant (divided by ${m[1]} even when fewer came back)`,
  ),
  entry(
    'retrieval.ndcg@<k>',
    /^retrieval\.ndcg@(\d+)$/,
    RETRIEVAL,
    (m) => `nDCG@${m[1]}`,
    (m) =>
      `ranking quality of the top ${m[1]} results: 1 means the relevant documents are ranked first (trec_eval definition)`,
  ),
  entry(
    'retrieval.mrr',
    /^retrieval\.mrr$/,
    RETRIEVAL,
    'MRR',
    'how near the top the first relevant document appears: 1 = always first, 0.5 = typically second',
  ),
  entry(
    'retrieval.map',
    /^retrieval\.map$/,
    RETRIEVAL,
    'MAP',
    'mean average precision: precision measured at the rank of each relevant document, averaged',
  ),
  entry(
    'retrieval.hit_rate@<k>',
    /^retrieval\.hit_rate(?:@(\d+))?$/,
    RETRIEVAL,
    (m) => (m[1] ? `Hit rate@${m[1]}` : 'Hit rate'),
    (m) => `share of questions with at least one relevant document in the top ${m[1] ?? 'k'} results`,
  ),
  entry(
    'answer.em',
    /^answer\.em$/,
    QUALITY,
    'Exact match',
    'share of answers identical to a reference answer after ignoring case, punctuation and articles',
  ),
  entry(
    'answer.f1',
    /^answer\.f1$/,
    QUALITY,
    'Answer F1',
    'word overlap between the answer and the closest reference answer: 1 = same words, 0 = none in common',
  ),
  entry(
    'answer.rouge_l',
    /^answer\.rouge_l$/,
    QUALITY,
    'ROUGE-L',
    'the longest sequence of words the answer shares with the reference answer in the same order (gaps allowed), as an F-measure',
  ),
  entry(
    'answer.semantic',
    /^answer\.semantic$/,
    QUALITY,
    'Embedding similarity',
    (_m, embedder) =>
      `cosine similarity of the answer's and the reference answer's embedding vectors, ${embeddingCaveat(embedder)}`,
  ),
  entry(
    'assert.pass',
    /^assert\.pass$/,
    QUALITY,
    'Assertions passed',
    'share of cases whose every assertion passed (a case with an unassessed check and no failure is left out)',
  ),
  entry(
    'assert.score',
    /^assert\.score$/,
    QUALITY,
    'Assertion score',
    'weighted share of the assessed assertions that passed, averaged over cases',
  ),
  entry(
    'assert.<type>',
    /^assert\.(?!pass$|score$)([\w-]+)$/,
    QUALITY,
    (m) => `Assert: ${m[1]}`,
    (m) => `share of cases whose ${m[1]} assertions all passed`,
  ),
  entry(
    'answer.declined',
    /^answer\.declined$/,
    QUALITY,
    'Declined',
    'share of questions where the model said it does not know; right for unanswerable questions, wrong for the others',
  ),
  entry(
    'hallucination.rate',
    /^hallucination\.rate$/,
    QUALITY_LOWER,
    'Offline hallucination rate',
    'the offline check, not ground truth: share of answers it flags as likely stating something the retrieved context does not support (its measured precision and recall are under "How far to trust the automatic checks")',
  ),
  entry(
    'hallucination.score',
    /^hallucination\.score$/,
    QUALITY_LOWER,
    'Offline hallucination score',
    "the offline check's probability that an answer contains an unsupported claim, averaged over answers",
  ),
  entry(
    'groundedness',
    /^groundedness$/,
    QUALITY,
    'Groundedness',
    "share of answer sentences scoring below the offline check's cue step (or its threshold, if higher), averaged over answers",
  ),
  entry(
    'citations.precision',
    /^citations\.precision$/,
    QUALITY,
    'Citation precision',
    'share of citations that point to a retrieved passage which supports the cited sentence',
  ),
  entry(
    'citations.coverage',
    /^citations\.coverage$/,
    QUALITY,
    'Citation coverage',
    'share of answer sentences that carry a citation',
  ),
  entry(
    'relevance.answer',
    /^relevance\.answer$/,
    QUALITY,
    'Answer relevance',
    (_m, embedder) =>
      `cosine similarity of the question's and the answer's embedding vectors, a proxy for whether the answer addresses the question, ${embeddingCaveat(embedder)}`,
  ),
  entry(
    'relevance.context',
    /^relevance\.context$/,
    QUALITY,
    'Context relevance',
    'share of the retrieved passages that come from a document marked relevant for the question (a word-overlap estimate where a case has none marked)',
  ),
  entry(
    'judge.faithfulness',
    /^judge\.faithfulness$/,
    QUALITY,
    'Faithfulness (judge)',
    'share of the claims in an answer that a judge model found supported by the retrieved context',
  ),
  entry(
    'judge.rubric',
    /^judge\.rubric$/,
    QUALITY,
    'Rubric score (judge)',
    'score a judge model gave the answer against the rubric in the judge prompt',
  ),
  entry(
    'judge.answer_relevance',
    /^judge\.answer_relevance$/,
    QUALITY,
    'Answer relevance (judge)',
    'how directly the answer addresses the question, graded by a judge model (not correctness)',
  ),
  entry(
    'judge.context_relevance',
    /^judge\.context_relevance$/,
    QUALITY,
    'Context relevance (judge)',
    'how useful the retrieved passages are for the question, graded by a judge model',
  ),
  entry(
    'judge.disagreement',
    /^judge\.disagreement$/,
    QUALITY_LOWER,
    'Judge disagreement',
    'share of cases whose rubric grade changed between repeats of the same case: 0 = the judge is fully consistent',
  ),
  entry(
    'classification.accuracy',
    /^classification\.accuracy$/,
    QUALITY,
    'Accuracy',
    'share of cases given the correct label',
  ),
  entry(
    'classification.macro_f1',
    /^classification\.macro_f1$/,
    QUALITY,
    'Macro-F1',
    'F1 averaged over the labels with equal weight, so a rare label counts as much as a common one',
  ),
  entry(
    'calibration.ece',
    /^calibration\.ece$/,
    QUALITY_LOWER,
    'Calibration error (ECE)',
    'gap between the confidence the model states and how often it is actually right, averaged over 10 confidence bins weighted by their cases; 0 = confidence can be taken at face value',
  ),
  entry(
    'classification.roc_auc',
    /^classification\.roc_auc$/,
    QUALITY,
    'ROC AUC',
    'one-vs-rest ROC AUC over the label probabilities, macro-averaged over the labels: for each label, the chance that a case with that label gets a higher probability for it than a case without it; 0.5 = chance, 1 = perfect ranking',
  ),
  entry(
    'classification.pr_auc',
    /^classification\.pr_auc$/,
    QUALITY,
    'PR AUC',
    "one-vs-rest average precision over the label probabilities, macro-averaged over the labels: how well each label's probability ranks the cases with that label above the rest, summarised over all thresholds",
  ),
  entry(
    'mcq.accuracy',
    /^mcq\.accuracy$/,
    QUALITY,
    'Multiple-choice accuracy',
    'share of multiple-choice probes answered correctly',
  ),
  entry(
    'latency.p<N>_ms',
    /^latency\.p(\d+)_ms$/,
    { family: 'operations', unit: 'ms', direction: LOWER },
    (m) => `Latency p${m[1]}`,
    (m) => `${PERCENTILE_MEANING[m[1]] ?? `${m[1]}% of`} the cases' model calls finished within this time`,
  ),
  entry(
    'latency.ttft_p<N>_ms',
    /^latency\.ttft_p(\d+)_ms$/,
    { family: 'operations', unit: 'ms', direction: LOWER },
    (m) => `Time to first token p${m[1]}`,
    (m) =>
      `${PERCENTILE_MEANING[m[1]] ?? `${m[1]}% of`} the streamed answers had their first token within this time`,
  ),
  entry(
    'cost.per_case_usd',
    /^cost\.per_case_usd$/,
    { family: 'operations', unit: 'usd', direction: LOWER },
    'Cost per case',
    "total spend divided by the number of case runs (cases × repeats): each case's answer call plus the reranking of its query and its judge calls, in US dollars from the versioned price table; a failed call counts as $0",
  ),
  entry(
    'cost.<name>_usd',
    /^cost\.(?!per_case_usd$)(\w+)_usd$/,
    { family: 'operations', unit: 'usd', direction: LOWER },
    (m) => (m[1] === 'total' ? 'Total cost' : `Cost (${m[1].replace(/_/g, ' ')})`),
    'spend in US dollars from the versioned price table',
  ),
  entry(
    'errors.rate',
    /^errors\.rate$/,
    { family: 'operations', direction: LOWER },
    'Error rate',
    'share of cases whose model call failed after retries',
  ),
  entry(
    '<metric> gap between groups',
    /^(\S+) gap between groups$/,
    BIAS,
    (m) => `Gap in ${labelOf(m[1])}`,
    (m) =>
      `largest difference in ${labelOf(m[1])} between the groups of a protected attribute (counterfactual variants of the same cases)`,
  ),
  entry(
    'label flip rate',
    /^label flip rate$/,
    BIAS,
    'Label flip rate',
    'share of counterfactual pairs (same case, only the protected attribute changed) that got a different label',
  ),
  entry(
    'answer divergence',
    /^answer divergence\b/,
    BIAS,
    'Answer divergence',
    'how different the answers are between counterfactual variants of the same question: 1 − token F1 between variants, 0 = identical',
  ),
  entry(
    'demographic parity difference',
    /^demographic parity difference\b/,
    BIAS,
    'Demographic parity difference',
    'largest difference between groups in how often a label is predicted (worst label)',
  ),
  entry(
    'equalized odds difference',
    /^equalized odds difference\b/,
    BIAS,
    'Equalized odds difference',
    'largest difference between groups in how often the correct label is found or a wrong one given (worst label)',
  ),
  entry(
    'BBQ bias score (<context>)',
    /^BBQ bias score \((\w+)\)$/,
    BIAS,
    (m) => `BBQ bias score (${m[1]})`,
    'how often non-unknown answers follow the social stereotype on the BBQ probes, from −1 (always against) to 1 (always with it); 0 = no bias, the threshold applies to its size',
  ),
  entry(
    'bias.<check>',
    /^bias\./,
    BIAS,
    (m) => m.input ?? 'bias',
    'a bias check: a gap or a rate of harm between groups, 0 = none',
  ),
  entry(
    '<metric>.flip_rate / <metric>.divergence',
    /\.(?:flip_rate|divergence)$/,
    BIAS,
    (m) => m.input ?? 'flip rate',
    'a counterfactual check: how often (or how much) the output changed when only a protected attribute changed, 0 = never',
  ),
];

/** The label of a metric named inside another id ("answer.f1 gap between groups"). */
function labelOf(key: string): string {
  for (const candidate of METRIC_ENTRIES) {
    const match = key.match(candidate.pattern);
    if (match) return candidate.label(match);
  }
  return key;
}
