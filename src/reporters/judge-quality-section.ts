// "### How far to trust the automatic checks", under Performance Metrics: the offline
// hallucination check is named as such with its measured precision and recall, and each judge
// metric shows its agreement with people and its label-corrected estimate when labels exist (or
// says that they do not). Renders record data only; the numbers are computed elsewhere.
import { JUDGE_PASS_AT, type JudgeReliability } from '../judge-quality/assess-judge-reliability.js';
import type { JudgeQuality } from '../judge-quality/assess-judge-quality.js';
import type { RunRecord } from '../run/types.js';
import { scoredCheckVersion } from '../scorers/hallucination/check-version.js';
import { OFFLINE_CHECK_QUALITY } from '../scorers/hallucination/measured-quality.js';
import { CHECK_VERSION } from '../scorers/hallucination/support-model.js';
import { formatPercent, formatScore, NA } from './format-value.js';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';

export function renderJudgeQualitySection(record: RunRecord): string {
  const metrics = new Set(record.summary.flatMap((s) => Object.keys(s.metrics)));
  const parts: string[] = [];
  if (metrics.has('hallucination.rate')) parts.push(offlineCheckNote(record));
  const judgeMetrics = [...metrics].filter((m) => m.startsWith('judge.') && m !== 'judge.disagreement');
  const rows = record.judgeQuality ?? [];
  if (rows.length > 0) parts.push(judgeTable(rows), ...rows.filter((r) => r.agreement).map(confusion));
  const reliability = record.judgeReliability ?? [];
  if (reliability.length > 0) parts.push(reliabilityTable(reliability));
  const unlabelled = judgeMetrics.filter((m) => !rows.some((r) => r.metric === m));
  if (unlabelled.length > 0)
    parts.push(
      `${unlabelled.map(code).join(', ')} ${unlabelled.length === 1 ? 'is' : 'are'} graded by a judge model with no human labels for ${unlabelled.length === 1 ? 'it' : 'them'}, so agreement with people and the judge's bias are **not assessed**. Label a random sample of cases and set ${code('judge_labels')} in the config to get both.`,
    );
  if (parts.length === 0) return '';
  return ['### How far to trust the automatic checks', ...parts].join('\n\n');
}

function offlineCheckNote(record: RunRecord): string {
  const q = OFFLINE_CHECK_QUALITY;
  const lead =
    '**Hallucination rate comes from the offline check**, a lexical comparison of each answer sentence with the retrieved passages (no model, no ground truth).';
  const tail = 'Read it as the share of answers worth a second look, not as a count of hallucinations.';
  // The measured numbers belong to one check version at one threshold; a run scored by another
  // (an older run re-rendered, or a configured threshold) must not borrow them.
  // The threshold is judged on its own below.
  const version = scoredCheckVersion(record.manifest.metricDefinitions);
  const threshold = record.manifest.hallucinationThreshold;
  if (version !== CHECK_VERSION)
    return `${lead} This run was scored by ${version ? `check version ${code(version)}` : 'a check version it did not record'}, not ${code(CHECK_VERSION)}, whose measured precision and recall (on ${code(q.setsLabel)}) therefore do not describe it: its error rates are **not assessed** here. ${tail}`;
  if (threshold !== undefined && threshold !== q.threshold)
    return `${lead} This run flagged at ${code('hallucination_threshold')} ${threshold}, not the default ${q.threshold} at which the check was measured (on ${q.cases} realistic answers written blind, ${code(q.setsLabel)}: precision ${formatScore(q.precision)}, recall ${formatScore(q.recall)}); at ${threshold} its precision and recall are **not assessed** (${threshold < q.threshold ? 'a lower threshold catches more and flags more correct answers' : 'a higher threshold flags fewer correct answers and misses more hallucinations'}; AUROC ${formatScore(q.auroc)} does not depend on it). ${tail}`;
  // The share of hallucinated answers is what a check flagging every answer would score as
  // precision: without it, "50% of its flags were right" reads better than it is.
  return `${lead} On ${q.cases} labelled realistic answers by ${q.writers} writers who never saw the check, none of them fitted on (${code(q.setsLabel)}), at its default threshold of ${q.threshold} it flagged ${formatPercent(q.flagged)} of all answers: ${formatPercent(q.recall)} of the hallucinated ones (recall ${formatScore(q.recall)}), and ${formatPercent(q.precision)} of its flags were right (precision ${formatScore(q.precision)}), where ${formatPercent(q.baseRate)} of those answers were hallucinated, so flagging every answer would have been right ${formatPercent(q.baseRate)} of the time. It ranks a hallucinated answer above a faithful one ${formatPercent(q.auroc)} of the time (AUROC ${formatScore(q.auroc)}, 95% interval ${formatScore(q.aurocLow)}–${formatScore(q.aurocHigh)}; 50% is chance). On the ${q.measurement.cases} of those answers that only measured it (the others chose it over the previous version): recall ${formatScore(q.measurement.recall)}, precision ${formatScore(q.measurement.precision)}, AUROC ${formatScore(q.measurement.auroc)}. ${tail}`;
}

const ci = (i: { estimate: number; low: number; high: number } | undefined): string =>
  i ? `${formatScore(i.estimate)} (${formatScore(i.low)}–${formatScore(i.high)})` : NA;

function judgeTable(rows: readonly JudgeQuality[]): string {
  const intro =
    'Judge metrics against human labels. **Corrected** is the prediction-powered estimate (PPI++): the judge mean over all cases, corrected by the bias the labelled cases show, with its 95% CI; it estimates what people would say. **Judge** is the raw judge mean, which carries the judge’s bias; **People** uses the labelled cases alone. κ is Cohen’s kappa (pass/fail) or linear/quadratic weighted kappa (grades): 1 is perfect agreement, 0 is chance.';
  const table = markdownTable(
    [
      'Suite',
      'Provider',
      'Metric',
      'Labelled / judged',
      'Judge (95% CI)',
      'Corrected (95% CI)',
      'People (95% CI)',
      'κ',
    ],
    rows.map((r) => [
      escapeMarkdown(r.suite),
      escapeMarkdown(r.provider),
      code(r.metric),
      `${r.labelled} / ${r.judged}`,
      ci(r.judgeOnly),
      r.notAssessed ? `not assessed: ${escapeMarkdown(r.notAssessed)}` : ci(r.ppiPlusPlus),
      ci(r.humanOnly),
      kappaText(r),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
  return `${intro}\n\n${table}`;
}

function kappaText(r: JudgeQuality): string {
  const a = r.agreement;
  if (!a) return NA;
  if (a.kind === 'binary') return formatScore(a.kappa);
  return `${formatScore(a.linear)} linear, ${formatScore(a.quadratic)} quadratic`;
}

function confusion(r: JudgeQuality): string {
  const table = r.agreement?.table;
  if (!table) return '';
  const name = (c: number) => (r.agreement?.kind === 'binary' ? (c === 1 ? 'pass' : 'fail') : formatScore(c));
  return `Judge (rows) vs people (columns), ${code(r.metric)} on ${escapeMarkdown(r.suite)} · ${escapeMarkdown(r.provider)}:\n\n${markdownTable(
    ['Judge \\ People', ...table.categories.map(name)],
    table.counts.map((row, i) => [name(table.categories[i]), ...row.map(String)]),
    ['left', ...table.categories.map(() => 'right' as const)],
  )}`;
}

function reliabilityTable(rows: readonly JudgeReliability[]): string {
  const intro = `Judge consistency over repeats (a judge score of ${JUDGE_PASS_AT} or more counts as a pass). **Flip rate**: the chance that two runs of the judge on the same case disagree, averaged over cases. **pass@k**: the chance that at least one of k runs passes; **pass^k**: that all k pass (unbiased estimates from the repeats). The gate compares per-case means over repeats, so repeats never count as extra cases.`;
  const table = markdownTable(
    ['Suite', 'Provider', 'Metric', 'Cases', 'Flip rate', 'Flaky cases', 'pass@1', `pass@k`, `pass^k`, 'k'],
    rows.map((r) => [
      escapeMarkdown(r.suite),
      escapeMarkdown(r.provider),
      code(r.metric),
      String(r.cases),
      formatScore(r.flipRate),
      String(r.flakyCases),
      formatScore(r.passAt1),
      formatScore(r.passAtK),
      formatScore(r.passHatK),
      String(r.k),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  return `${intro}\n\n${table}`;
}
