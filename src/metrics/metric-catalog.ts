// The one catalogue of metric ids: for each id (or id family such as `retrieval.recall@<k>`)
// which way is better, how it is shown (label, unit, report family) and one plain-language
// gloss. The gate reads the direction, the reporters read the rest; nothing else parses metric
// names. Ids not listed still work: higher is better, shown under their raw name, no gloss.
import { type EmbedderInfo, embedderInfo } from './embedder-kind.js';
import { METRIC_ENTRIES } from './metric-entries.js';

export type MetricDirection = 'higher-is-better' | 'lower-is-better';
/** Where a metric is shown: search, answer or label quality, speed / cost / errors, or the bias audit. */
export type MetricFamily = 'retrieval' | 'quality' | 'operations' | 'bias';
export type MetricUnit = 'score' | 'ms' | 'usd';

/** What the run measured with, where a gloss depends on it (the embedder behind `answer.semantic`). */
export interface MetricContext {
  /** `manifest.retrieval.embedder`, e.g. `local/lsa@128` or `openai/text-embedding-3-small`. */
  embedder?: string | null;
}

export interface MetricEntry {
  /** The id, or the id family with its variable part in angle brackets: `retrieval.recall@<k>`. */
  id: string;
  pattern: RegExp;
  direction: MetricDirection;
  family: MetricFamily;
  unit: MetricUnit;
  label: (match: RegExpMatchArray) => string;
  gloss: (match: RegExpMatchArray, embedder: EmbedderInfo) => string;
}

export interface MetricInfo {
  key: string;
  /** The catalogue entry's id, or null for an id the catalogue does not know. */
  catalogId: string | null;
  label: string;
  family: MetricFamily;
  unit: MetricUnit;
  direction: MetricDirection;
  lowerIsBetter: boolean;
  explanation: string | null;
  /** Position in the catalogue, for a stable, meaningful row order (unknown keys last). */
  order: number;
}

export { METRIC_ENTRIES };

/** Every entry whose pattern matches the key (the catalogue test asserts there is at most one). */
export function matchingEntries(key: string): MetricEntry[] {
  return METRIC_ENTRIES.filter((entry) => entry.pattern.test(key));
}

export function describeMetric(key: string, context: MetricContext = {}): MetricInfo {
  for (const [order, entry] of METRIC_ENTRIES.entries()) {
    const match = key.match(entry.pattern);
    if (!match) continue;
    return {
      key,
      catalogId: entry.id,
      label: entry.label(match),
      family: entry.family,
      unit: entry.unit,
      direction: entry.direction,
      lowerIsBetter: entry.direction === 'lower-is-better',
      explanation: entry.gloss(match, embedderInfo(context.embedder)),
      order,
    };
  }
  return {
    key,
    catalogId: null,
    label: key,
    family: 'quality',
    unit: key.endsWith('_ms') ? 'ms' : key.endsWith('_usd') ? 'usd' : 'score',
    direction: 'higher-is-better',
    lowerIsBetter: false,
    explanation: null,
    order: METRIC_ENTRIES.length,
  };
}

export function metricDirection(key: string): MetricDirection {
  return describeMetric(key).direction;
}

/** Catalogue order first, then the key, so tables read the same in every report. */
export function compareMetrics(a: string, b: string): number {
  const byOrder = describeMetric(a).order - describeMetric(b).order;
  return byOrder !== 0 ? byOrder : a < b ? -1 : a > b ? 1 : 0;
}
