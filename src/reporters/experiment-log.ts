// experiments/experiment_log.md: one entry appended per run, so the history of what was tried,
// why, and what it did to the numbers reads top to bottom without opening any run folder. The
// entry follows the team format (docs: /shared/FORMATS.md): bold inline labels in a fixed order,
// Results as | Metric | Target (from spec) | Achieved | Delta |, the Bias Audit as the
// five-column protected-attribute table.
import type { ErrorAnalysis } from '../analysis/error-analysis.js';
import { CATASTROPHIC_KINDS } from '../analysis/error-analysis.js';
import { compareMetrics, describeMetric } from '../metrics/metric-catalog.js';
import {
  BY_CONSTRUCTION_REASON,
  holdsByConstruction,
  isOfflineBaseline,
} from '../providers/local/offline-baseline.js';
import type { MetricComparison, RunRecord, TargetCheck } from '../run/types.js';
import { CATASTROPHIC_LABELS } from './error-analysis-section.js';
import {
  CI_LABEL,
  DASH,
  formatDate,
  formatDelta,
  formatInterval,
  formatPass,
  formatTarget,
  formatTimestamp,
  formatWithInterval,
  NA,
} from './format-value.js';
import { bulletList, code, escapeMarkdown, markdownTable } from './markdown-table.js';
import { renderExperimentBiasAudit } from './experiment-bias-table.js';
import { describeChanges } from './model-summary-section.js';
import { deriveNextSteps } from './next-steps.js';
import { ATTRIBUTION_LABELS } from './performance-section.js';
import { indexRecord, pairLabel, type RecordIndex } from './record-index.js';
import { RECOMMENDATION_HEADLINES } from './recommendation-section.js';

export const EXPERIMENT_LOG_TITLE = '# Experiment Log';

const ENTRY_HEADING = /^##\s+Experiment\s+(\d+)\b/gm;
const MAX_TITLE_CHARS = 100;

export interface ExperimentEntryOptions {
  /** The entry's number; use `nextExperimentNumber` on the existing log. */
  number: number;
}

export function renderExperimentEntry(
  record: RunRecord,
  analysis: ErrorAnalysis,
  options: ExperimentEntryOptions,
): string {
  const { manifest } = record;
  const index = indexRecord(record);
  const number = String(options.number).padStart(3, '0');
  const parts = [
    `## Experiment ${number}: ${escapeMarkdown(describeExperiment(record))}`,
    `**Date:** ${formatDate(manifest.startedAt)}`,
    `**Hypothesis:** ${manifest.hypothesis ? escapeMarkdown(manifest.hypothesis) : 'None recorded for this run.'}`,
    `**Approach:** ${approach(record)}`,
    `**Results:**\n\n${results(record, index)}`,
    `**Bias Audit:**\n\n${renderExperimentBiasAudit(record)}`,
    `**Error Analysis:** ${errorAnalysis(analysis)}`,
    `**Conclusion:** ${conclusion(record, index)}`,
    `**Next Steps:**\n\n${bulletList(deriveNextSteps(record, analysis))}`,
  ];
  return `${parts.join('\n\n')}\n`;
}

/** The highest `## Experiment NNN` in the log plus one; 1 for an empty or new log. */
export function nextExperimentNumber(existingLogText: string | null): number {
  let highest = 0;
  for (const match of (existingLogText ?? '').matchAll(ENTRY_HEADING))
    highest = Math.max(highest, Number(match[1]));
  return highest + 1;
}

export function appendExperiment(existingLogText: string | null, entry: string): string {
  const body = entry.trimEnd();
  if (existingLogText === null || existingLogText.trim() === '')
    return `${EXPERIMENT_LOG_TITLE}\n\n${body}\n`;
  return `${existingLogText.trimEnd()}\n\n${body}\n`;
}

/** The hypothesis when there is one, else what changed — the reader's handle on the entry. */
function describeExperiment(record: RunRecord): string {
  const hypothesis = record.manifest.hypothesis?.replace(/\s+/g, ' ').trim();
  if (hypothesis) return shorten(hypothesis);
  const { changes } = record;
  if (!changes.hasBaseline) return 'First run (no baseline)';
  const what = [
    ...changes.prompts
      .filter((p) => p.from !== p.to)
      .map((p) => `${p.id} ${versionOf(p.from)} → ${versionOf(p.to)}`),
    changes.configChanged ? 'config changed' : null,
    changes.corpusChanged ? 'knowledge base changed' : null,
    ...changes.providersAdded.map((p) => `added ${p}`),
    ...changes.providersRemoved.map((p) => `removed ${p}`),
    ...(changes.metricDefinitions ?? []).map((m) => `${m.metric} scorer ${m.to ?? 'unversioned'}`),
  ].filter((s): s is string => s !== null);
  return what.length > 0 ? shorten(what.join(', ')) : 'Re-run with no changes';
}

function approach(record: RunRecord): string {
  const { manifest } = record;
  const r = manifest.retrieval;
  const git =
    manifest.gitSha === null
      ? 'not a git checkout'
      : `commit ${code(manifest.gitSha.slice(0, 12))}${manifest.gitDirty ? ' (uncommitted changes)' : ''}`;
  const lines = [
    `Run: ${code(manifest.runId)}, started ${formatTimestamp(manifest.startedAt)}, ${git}`,
    `Models: ${manifest.providers.map((p) => `${code(p.id)} (${code(p.model)}${isOfflineBaseline(p.id) ? ', a deterministic extractive baseline, not a language model' : ''})`).join(', ')}`,
    r === null
      ? 'Retrieval: none'
      : `Retrieval: ${escapeMarkdown(r.mode)} search, k = ${r.k}, chunking ${escapeMarkdown(r.chunking)}, context budget ${r.contextBudgetTokens} tokens, embedder ${code(r.embedder)}`,
    `Prompts: ${Object.values(manifest.prompts).sort().map(code).join(', ') || 'none'}`,
    `Data: ${manifest.suites.map((s) => `${code(s.name)} (${s.cases} cases)`).join(', ')}; seed ${manifest.seed}; each case run ${manifest.repeat === 1 ? 'once' : `${manifest.repeat} times`}`,
  ];
  const { changes } = record;
  const changed = !changes.hasBaseline
    ? 'First run: there is no baseline to compare against.'
    : `Changed since baseline${changes.baselineRunId ? ` run ${code(changes.baselineRunId)}` : ''}:\n\n${bulletList(describeChanges(changes))}`;
  return `${changed}\n\nSetup:\n\n${bulletList(lines)}`;
}

/** Metrics that carry a target or a baseline comparison: the ones this run is judged on. */
function results(record: RunRecord, index: RecordIndex): string {
  const rows: string[][] = [];
  let byConstruction = false;
  for (const summary of record.summary) {
    // The judged metrics only: targets, gated comparisons and failures.
    // Everything else is in the model evaluation report.
    const keys = new Set([
      ...index.targets(summary.suite, summary.provider).map((t) => t.metric),
      ...index
        .comparisons(summary.suite, summary.provider)
        .filter((c) => c.margin !== null)
        .map((c) => c.metric),
      ...record.gate.failures
        .filter((f) => f.suite === summary.suite && f.provider === summary.provider)
        .map((f) => f.metric),
    ]);
    for (const metric of [...keys].sort(compareMetrics)) {
      const target = index.target(summary.suite, summary.provider, metric);
      const stat = summary.metrics[metric];
      const comparison = index.comparison(summary.suite, summary.provider, metric);
      const achieved = formatWithInterval(
        metric,
        stat?.value ?? target?.achieved ?? null,
        stat?.low,
        stat?.high,
      );
      const constructed = holdsByConstruction(summary.provider, metric);
      byConstruction ||= constructed;
      rows.push([
        `${escapeMarkdown(pairLabel(summary.suite, summary.provider))}: ${escapeMarkdown(describeMetric(metric).label)}${constructed ? ' †' : ''}`,
        target ? formatTarget(target) : DASH,
        target ? `${achieved} ${formatPass(target.pass)}` : achieved,
        deltaCell(target, comparison, index),
      ]);
    }
  }
  if (rows.length === 0)
    return 'No targets are set and there is no baseline, so no metric is judged. See the model evaluation report for all values.';
  const notes = [
    "Targets are the eval config's `targets`. Delta: achieved − target, then the change against the baseline (paired over shared cases, with its interval).",
  ];
  if (byConstruction)
    notes.push(`† Holds by construction for the offline baseline, because ${BY_CONSTRUCTION_REASON}.`);
  return `${markdownTable(['Metric', 'Target (from spec)', 'Achieved', 'Delta'], rows)}\n\n${notes.join(' ')}`;
}

function deltaCell(
  target: TargetCheck | undefined,
  comparison: MetricComparison | undefined,
  index: RecordIndex,
): string {
  const parts: string[] = [];
  if (target && target.achieved !== null && target.achieved !== undefined)
    parts.push(`${formatDelta(target.metric, target.achieved - target.target)} vs target`);
  if (comparison) {
    const c = comparison;
    const interval = formatInterval(c.metric, c.low, c.high);
    const delta = `${formatDelta(c.metric, c.delta)} vs baseline${interval === null ? '' : ` (${CI_LABEL} ${interval})`}`;
    const regressed = index.failures(c.suite, c.provider, c.metric).some((f) => f.kind === 'regression');
    parts.push(regressed ? `${delta} ❌ regression` : delta);
  }
  return parts.length > 0 ? parts.join('<br>') : DASH;
}

function errorAnalysis(analysis: ErrorAnalysis): string {
  const { totals, catastrophic, common, edgeCases } = analysis;
  const causes = common
    .map((g) => `${ATTRIBUTION_LABELS[g.attribution].toLowerCase()} ${g.count}`)
    .join(', ');
  const headline = `${totals.failed} of ${totals.results} results failed${causes ? ` — ${causes}` : ''}.`;
  const lines: string[] = [];
  const found = CATASTROPHIC_KINDS.filter((k) => catastrophic.counts[k] > 0).map((kind) => {
    const ids = catastrophic.items
      .filter((i) => i.kind === kind)
      .slice(0, 2)
      .map((i) => code(`${i.suite}/${i.caseId}`));
    return `${CATASTROPHIC_LABELS[kind].toLowerCase()} ${catastrophic.counts[kind]} (${ids.join(', ')})`;
  });
  lines.push(found.length > 0 ? `Catastrophic: ${found.join('; ')}.` : 'Catastrophic: none.');
  const confusion = common.find((g) => g.attribution === 'wrong-label')?.confusions[0];
  if (confusion)
    lines.push(
      `Most frequent confusion: ${escapeMarkdown(confusion.gold)} → ${escapeMarkdown(confusion.predicted)} (${confusion.count}).`,
    );
  const edges = edgeCases
    .filter((g) => g.count > 0)
    .map(
      (g) =>
        `${g.kind.replace('-', ' ')} ${g.passed}/${g.judged}${g.kind === 'unanswerable' ? ' declined correctly' : ' passed'}`,
    );
  if (edges.length > 0) lines.push(`Edge cases: ${edges.join(', ')}.`);
  return `${headline}\n\n${bulletList(lines)}`;
}

function conclusion(record: RunRecord, index: RecordIndex): string {
  const { gate } = record;
  const verdict = `**${RECOMMENDATION_HEADLINES[gate.recommendation]}** — the gate ${gate.status === 'pass' ? 'passed' : gate.status === 'fail' ? 'failed' : 'could not judge the run'} (exit code ${gate.exitCode}).`;
  const parts = [verdict];
  if (record.comparison.length > 0) parts.push(changeSentence(record.comparison, index));
  if (gate.reasons.length > 0) parts.push(bulletList(gate.reasons.map(escapeMarkdown)));
  return parts.join('\n\n');
}

/**
 * Sorts the baseline comparisons into regressed (flagged by the gate), improved or worse (the
 * interval excludes zero) and no measurable change — reading the record's intervals, not
 * computing new statistics.
 */
function changeSentence(comparisons: MetricComparison[], index: RecordIndex): string {
  const buckets = {
    regressed: [] as string[],
    improved: [] as string[],
    worse: [] as string[],
    flat: [] as string[],
  };
  for (const c of comparisons) {
    const name = `${escapeMarkdown(describeMetric(c.metric).label)} on ${escapeMarkdown(pairLabel(c.suite, c.provider))}`;
    if (index.failures(c.suite, c.provider, c.metric).some((f) => f.kind === 'regression'))
      buckets.regressed.push(name);
    else if (c.low === null || c.high === null || (c.low <= 0 && c.high >= 0)) buckets.flat.push(name);
    else if (c.low > 0 === c.higherIsBetter) buckets.improved.push(name);
    else buckets.worse.push(name);
  }
  const say = (list: string[], what: string): string | null =>
    list.length > 0 ? `${what}: ${list.join(', ')}` : null;
  const clauses = [
    say(buckets.regressed, 'significant regression'),
    say(buckets.worse, `worse but within the allowed margin (${CI_LABEL} excludes zero)`),
    say(buckets.improved, `improved (${CI_LABEL} excludes zero)`),
    say(buckets.flat, 'no measurable change'),
  ].filter((s): s is string => s !== null);
  return `Against the baseline — ${clauses.join('; ')}.`;
}

function versionOf(version: string | null): string {
  if (version === null) return NA;
  const name = version.split('#')[0];
  return name.includes('@') ? name.slice(name.indexOf('@') + 1) : name;
}

function shorten(text: string): string {
  if (text.length <= MAX_TITLE_CHARS) return text;
  const cut = text.slice(0, MAX_TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
