// The per-case input every offline scorer family reads, and the family/scorer types of the registry.
import type { Score } from '../core/score.js';
import type { TaskKind } from '../core/task.js';

/** A chunk that was given to the model, with the id it may cite (`doc-id#n`). */
export interface ScoringPassage {
  id: string;
  docId: string;
  text: string;
}

export interface CaseScoringInput {
  task: TaskKind;
  /** Question / classify input / retrieval query. */
  question: string;
  /** null when the provider failed. */
  output: string | null;
  /** [] when none. */
  references: string[];
  unanswerable: boolean;
  declinePhrases?: string[];
  /** doc id -> grade (> 0 relevant). */
  relevantDocs?: Record<string, number>;
  /** Retrieved docs in rank order, collapsed to documents. */
  rankedDocIds?: string[];
  /** Chunks given to the model. */
  passages?: ScoringPassage[];
  k: number;
  /** Classify: gold label and the label set. */
  label?: string;
  labels?: string[];
  /** mcq: answer options and the index of the correct one. */
  options?: string[];
  correctOption?: number;
  vectors?: { question?: Float32Array; output?: Float32Array; references?: Float32Array[] };
  /** Share of a sentence's content terms one passage must cover (default 0.6). */
  supportThreshold?: number;
  /** P(unsupported) at which the offline hallucination check flags an answer (default 0.4). */
  hallucinationThreshold?: number;
  /** Context ids an application returned as its citations (instead of inline markers). */
  citedIds?: string[];
}

export const SCORER_FAMILIES = [
  'answer',
  'retrieval',
  'hallucination',
  'citations',
  'relevance',
  'classification',
  'mcq',
] as const;
export type ScorerFamily = (typeof SCORER_FAMILIES)[number];

export type CaseScorer = (input: CaseScoringInput) => Score[];
