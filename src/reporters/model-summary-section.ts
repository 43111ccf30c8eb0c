// "## Model Summary" of the model evaluation report: what was evaluated and how — models,
// prompt versions, retrieval setup, data, reproducibility facts — and what changed since
// the baseline, so a reader knows which change the numbers below are about.
import type { TaskKind } from '../core/task.js';
import type { ChangeSummary, RunManifest, RunRecord } from '../run/types.js';
import { batchCostRow } from './batch-cost-row.js';
import { budgetRow } from '../budget/budget-row.js';
import { formatCount, formatDuration, formatTimestamp } from './format-value.js';
import {
  BY_CONSTRUCTION_METRICS,
  BY_CONSTRUCTION_REASON,
  OFFLINE_BASELINE_DESCRIPTION,
  isOfflineBaseline,
} from '../providers/local/offline-baseline.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import { bulletList, code, escapeMarkdown, markdownTable } from './markdown-table.js';

const TASK_LABELS: Record<TaskKind, string> = {
  'rag-qa': 'answers questions from the knowledge base',
  qa: 'answers questions from a given passage',
  classify: 'classification',
  retrieval: 'search only (no model answer)',
  mcq: 'multiple-choice bias probes',
  generate: 'free-form or structured output, scored by assertions',
};

const SEARCH_MODES: Record<string, string> = {
  dense: 'dense (embedding similarity)',
  bm25: 'BM25 (keyword match)',
  hybrid: 'hybrid (BM25 keyword match + dense embeddings, fused by rank)',
};

export function renderModelSummarySection(record: RunRecord): string {
  const { manifest } = record;
  return [
    '## Model Summary',
    `Run ${code(manifest.runId)} of **${escapeMarkdown(manifest.name)}** started ${formatTimestamp(manifest.startedAt)} and took ${formatDuration(manifest.durationMs)}.`,
    runFacts(manifest),
    '### Models under test',
    markdownTable(
      ['Provider', 'Model', 'Where it runs'],
      manifest.providers.map((p) => [
        code(p.id),
        code(p.model),
        p.baseUrl
          ? `self-hosted at ${code(p.baseUrl)}`
          : p.provider === 'local'
            ? 'offline, on this machine'
            : `${escapeMarkdown(p.provider)} API`,
      ]),
    ),
    ...offlineBaselineNote(manifest),
    '### Prompts',
    promptTable(manifest),
    '### Retrieval setup',
    retrievalSetup(manifest),
    '### Test data',
    markdownTable(
      ['Suite', 'Task', 'Cases', 'File'],
      manifest.suites.map((s) => [code(s.name), TASK_LABELS[s.task], formatCount(s.cases), code(s.file)]),
      ['left', 'left', 'right', 'left'],
    ),
    '### What changed since the baseline',
    renderChanges(record.changes),
  ].join('\n\n');
}

/** The offline baseline's numbers are not a language model's; say so before any of them. */
function offlineBaselineNote(manifest: RunManifest): string[] {
  const local = manifest.providers.filter((p) => isOfflineBaseline(p.id));
  if (local.length === 0) return [];
  const labels = BY_CONSTRUCTION_METRICS.map((m) => describeMetric(m).label.toLowerCase());
  const metrics = `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return [
    `${local.map((p) => code(p.id)).join(', ')} is ${OFFLINE_BASELINE_DESCRIPTION}. Its numbers show what the test data and retrieval allow without a model; they are a floor to beat, not the quality of an LLM. Its ${metrics} hold by construction, because ${BY_CONSTRUCTION_REASON} (marked † in the tables).`,
  ];
}

function runFacts(manifest: RunManifest): string {
  const dirty =
    manifest.gitDirty === true
      ? ' (with uncommitted changes, so the commit alone does not reproduce this run)'
      : '';
  const git =
    manifest.gitSha === null ? 'not a git checkout' : `${code(manifest.gitSha.slice(0, 12))}${dirty}`;
  const { counts } = manifest;
  const rows = [
    ['Run id', code(manifest.runId)],
    ['Date', formatTimestamp(manifest.startedAt)],
    ['Git commit', git],
    [
      'Seed',
      `${manifest.seed} (every case run ${manifest.repeat === 1 ? 'once' : `${manifest.repeat} times`})`,
    ],
    ['Config', `${code(manifest.configFile)} (hash ${code(manifest.configHash)})`],
    ['Knowledge base', manifest.corpusHash === null ? 'none' : `corpus hash ${code(manifest.corpusHash)}`],
    [
      'Results',
      `${counts.results} results from ${counts.requests} model requests; ${counts.cached} served from cache; ${counts.errors} failed`,
    ],
  ];
  const batchRow = batchCostRow(manifest);
  if (batchRow) rows.push(batchRow);
  const spendRow = budgetRow(manifest);
  if (spendRow) rows.push(spendRow);
  if (manifest.hypothesis) rows.push(['Hypothesis', escapeMarkdown(manifest.hypothesis)]);
  return markdownTable(['Item', 'Value'], rows);
}

function promptTable(manifest: RunManifest): string {
  const entries = Object.entries(manifest.prompts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return 'No prompts (no suite calls a model).';
  const rows = entries.map(([id, version]) => {
    const { name, hash } = splitVersion(version);
    const g = manifest.generation?.[version];
    const fewShot = !g ? '—' : g.fewShot === 0 ? 'none' : `${g.fewShot} from ${code(g.fewShotFile ?? '?')}`;
    return [
      code(id),
      code(name),
      hash === null ? '—' : code(hash),
      g?.temperature == null ? '—' : String(g.temperature),
      g?.maxTokens == null ? '—' : formatCount(g.maxTokens),
      fewShot,
    ];
  });
  return `${markdownTable(['Prompt', 'Version', 'Content hash', 'Temperature', 'Max tokens', 'Few-shot examples'], rows)}\n\nThe content hash changes whenever the prompt file or its few-shot examples change, even if the version number does not.`;
}

function retrievalSetup(manifest: RunManifest): string {
  const r = manifest.retrieval;
  if (r === null) return 'No retrieval: no suite in this run searches the knowledge base.';
  return markdownTable(
    ['Setting', 'Value'],
    [
      ['Embedder', code(r.embedder)],
      ['Search', SEARCH_MODES[r.mode] ?? escapeMarkdown(r.mode)],
      ['Passages retrieved per question', formatCount(r.k)],
      ['Chunking', escapeMarkdown(r.chunking)],
      [
        'Vector store',
        escapeMarkdown(
          r.vectorStoreFallback ? `${r.vectorStore} (fallback: ${r.vectorStoreFallback})` : r.vectorStore,
        ),
      ],
      ...(r.annRecall
        ? [
            [
              'Vector store recall',
              r.annRecall.recallAtK === null
                ? `not assessed (no search sampled); ${formatCount(r.annRecall.shortResults)} short result lists`
                : `recall@${r.annRecall.k} ${r.annRecall.recallAtK.toFixed(3)} against exact search on ${formatCount(r.annRecall.sampledSearches)} sampled searches; ${formatCount(r.annRecall.shortResults)} short result lists`,
            ],
          ]
        : []),
      [
        'Context budget',
        `${formatCount(r.contextBudgetTokens)} tokens (passages beyond it are dropped and recorded)`,
      ],
      [
        'Index',
        r.indexReused ? 'reused from an earlier run (corpus and settings unchanged)' : 'rebuilt for this run',
      ],
      ...(r.mode.includes('rerank')
        ? [
            [
              'Reranker failures',
              manifest.counts.rerankFallbacks
                ? `${formatCount(manifest.counts.rerankFallbacks)} results kept the first-stage order because the reranker failed`
                : 'none',
            ],
          ]
        : []),
    ],
  );
}

export function renderChanges(changes: ChangeSummary): string {
  if (!changes.hasBaseline) {
    return 'There is no baseline yet, so nothing is compared. Accept a run with `evalgate baseline accept` to make it the reference for future runs.';
  }
  const baseline = changes.baselineRunId
    ? `Compared with baseline run ${code(changes.baselineRunId)}.`
    : 'Compared with the accepted baseline.';
  return `${baseline}\n\n${bulletList(describeChanges(changes))}`;
}

/** One line per kind of change against the baseline; unchanged kinds say so explicitly. */
export function describeChanges(changes: ChangeSummary): string[] {
  const lines: string[] = [];
  const changedPrompts = changes.prompts.filter((p) => p.from !== p.to);
  for (const p of changedPrompts)
    lines.push(`Prompt ${code(p.id)}: ${promptVersion(p.from)} → ${promptVersion(p.to)}`);
  if (changedPrompts.length === 0) lines.push('Prompts: unchanged');
  lines.push(
    changes.configChanged
      ? 'Config: changed (settings such as retrieval, targets or model parameters differ)'
      : 'Config: unchanged',
  );
  lines.push(
    changes.corpusChanged
      ? 'Knowledge base: changed (documents were added, edited or removed)'
      : 'Knowledge base: unchanged',
  );
  if (changes.providersAdded.length > 0)
    lines.push(`Providers added: ${changes.providersAdded.map(code).join(', ')}`);
  if (changes.providersRemoved.length > 0)
    lines.push(`Providers removed: ${changes.providersRemoved.map(code).join(', ')}`);
  if (changes.providersAdded.length === 0 && changes.providersRemoved.length === 0)
    lines.push('Providers: unchanged');
  for (const m of changes.metricDefinitions ?? [])
    lines.push(
      `Metric ${code(m.metric)} scored by another definition (${m.from ?? 'unversioned'} → ${m.to ?? 'unversioned'}): not compared with the baseline`,
    );
  for (const g of changes.generation ?? [])
    lines.push(
      `Generation setting ${code(g.setting)} of ${code(g.prompt)}: ${g.from ?? 'none'} → ${g.to ?? 'none'}`,
    );
  if (changes.cases) {
    const edited = changes.cases.filter((c) => c.changed.length + c.added.length + c.removed.length > 0);
    for (const c of edited)
      lines.push(
        `Gold cases of ${code(c.suite)}: ${c.changed.length} edited (left out of the paired comparison${listed(c.changed)}), ${c.added.length} added${listed(c.added)}, ${c.removed.length} removed${listed(c.removed)}`,
      );
    if (edited.length === 0) lines.push('Gold cases: unchanged');
  } else lines.push('Gold cases: not compared (the baseline predates case hashes; re-accept it)');
  return lines;
}

function listed(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const shown = ids.slice(0, 8).map(code).join(', ');
  return `: ${shown}${ids.length > 8 ? ` and ${ids.length - 8} more` : ''}`;
}

/** "support-answer@v2#9f2c41aa" → "v2 (9f2c41aa)"; a missing side reads "none". */
function promptVersion(version: string | null): string {
  if (version === null) return 'none';
  const { name, hash } = splitVersion(version);
  const short = name.includes('@') ? name.slice(name.indexOf('@') + 1) : name;
  return hash === null ? code(short) : `${code(short)} (${code(hash)})`;
}

function splitVersion(version: string): { name: string; hash: string | null } {
  const at = version.indexOf('#');
  return at < 0 ? { name: version, hash: null } : { name: version.slice(0, at), hash: version.slice(at + 1) };
}
