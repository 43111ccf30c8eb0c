// Score one case with the offline scorer families that apply to its task.
import type { Score } from '../core/score.js';
import type { TaskKind } from '../core/task.js';
import { SCORERS } from './registry.js';
import type { CaseScoringInput, ScorerFamily } from './scoring-input.js';

const DEFAULT_FAMILIES = {
  'rag-qa': ['answer', 'relevance', 'retrieval', 'hallucination', 'citations'],
  // A qa case may carry its own passage; hallucination is null when it does not.
  qa: ['answer', 'relevance', 'hallucination'],
  classify: ['classification'],
  retrieval: ['retrieval', 'relevance'],
  mcq: ['mcq'],
  // Scored by its assertions alone (src/assertions/).
  generate: [],
} as const satisfies Record<TaskKind, readonly ScorerFamily[]>;

export function defaultFamilies(task: TaskKind): readonly ScorerFamily[] {
  return DEFAULT_FAMILIES[task];
}

export function scoreCase(
  input: CaseScoringInput,
  families: readonly ScorerFamily[] = defaultFamilies(input.task),
): Score[] {
  const scores: Score[] = [];
  for (const family of families) scores.push(...SCORERS[family](input));
  return scores;
}
