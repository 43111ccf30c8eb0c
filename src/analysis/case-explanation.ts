// Plain-language descriptions of one case result — what was expected, what came back and why
// it failed — so error analysis can quote real cases without each reporter re-deriving them.
import { relevantDocIds as judgedRelevant } from '../core/relevance.js';
import type { CaseResult } from '../run/types.js';

const ELLIPSIS = '…';

/** Cuts text to at most `maxChars` code points (never splitting a surrogate pair). */
export function truncateText(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return (
    chars
      .slice(0, Math.max(0, maxChars - 1))
      .join('')
      .trimEnd() + ELLIPSIS
  );
}

/** The gold answer in a form a reader can compare with the output; null when the case has none. */
export function describeExpected(result: CaseResult): string | null {
  if (result.unanswerable) return 'decline (the knowledge base does not answer this)';
  if (result.label !== undefined) return result.label;
  if (result.mcq) return optionText(result.mcq, result.mcq.correct) ?? `option ${result.mcq.correct}`;
  if (result.references && result.references.length > 0) return result.references.join(' / ');
  if (result.relevantDocs) {
    const docs = relevantDocIds(result);
    if (docs.length > 0) return `relevant: ${docs.join(', ')}`;
  }
  return null;
}

/** What the system produced: the parsed label for classification, the ranking for retrieval. */
export function describeOutput(result: CaseResult): string | null {
  if (result.error && result.output === null) return null;
  if (result.predicted !== undefined) {
    const label = result.predicted ?? '(not one of the labels)';
    return result.confidence != null ? `${label} (confidence ${fixed(result.confidence)})` : label;
  }
  if (result.task === 'retrieval' && result.retrieval) {
    return result.retrieval.docs.length > 0
      ? `retrieved: ${result.retrieval.docs.slice(0, 5).join(', ')}`
      : 'retrieved nothing';
  }
  return result.output;
}

/** One sentence saying why a case failed, built from the fields the pipeline recorded. */
export function explainFailure(result: CaseResult): string {
  if (result.error) {
    const attempts = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
    return `The model call failed${attempts}: ${result.error.code} — ${result.error.message}`;
  }
  switch (result.attribution) {
    case 'retrieval-miss':
      return explainRetrievalMiss(result);
    case 'context-overflow':
      return explainOverflow(result);
    case 'wrong-label':
      if (result.mcq) {
        const chosen =
          result.mcq.chosen === null
            ? 'an answer that matches no option'
            : `"${optionText(result.mcq, result.mcq.chosen)}"`;
        return `Expected "${optionText(result.mcq, result.mcq.correct)}", chose ${chosen}.`;
      }
      return `Expected "${result.label ?? '?'}", predicted ${result.predicted == null ? 'something that is not one of the labels' : `"${result.predicted}"`}${confidenceClause(result)}.`;
    case 'generation-error':
      return withNotes(result, 'The right context reached the model but the answer was wrong');
    case 'provider-error':
      return 'The model call failed.';
    case 'pass':
      return result.unanswerable ? 'Declined, as expected.' : 'Passed.';
    default:
      return withNotes(result, 'Not attributed');
  }
}

/** Gold and predicted label for a wrong-label case (classification label or multiple-choice option). */
export function labelPair(result: CaseResult): { gold: string; predicted: string } {
  if (result.mcq) {
    return {
      gold: optionText(result.mcq, result.mcq.correct) ?? '?',
      predicted:
        result.mcq.chosen === null ? '(no option)' : (optionText(result.mcq, result.mcq.chosen) ?? '?'),
    };
  }
  return { gold: result.label ?? '?', predicted: result.predicted ?? '(unparsed)' };
}

function optionText(mcq: NonNullable<CaseResult['mcq']>, index: number): string | undefined {
  // Older run records have no option texts.
  return mcq.options?.[index];
}

export function relevantDocIds(result: CaseResult): string[] {
  return judgedRelevant(result.relevantDocs ?? {}).sort(compare);
}

function explainRetrievalMiss(result: CaseResult): string {
  const relevant = relevantDocIds(result);
  const got = result.retrieval?.docs.slice(0, 3) ?? [];
  const gotText = got.length > 0 ? `; top results were ${got.join(', ')}` : '; nothing was retrieved';
  if (relevant.length === 0)
    return withNotes(result, `The retrieved context did not contain the answer${gotText}`);
  return `None of the relevant documents (${relevant.join(', ')}) were retrieved${gotText}.`;
}

function explainOverflow(result: CaseResult): string {
  const context = result.context;
  if (!context) return 'Retrieved context did not fit the token budget.';
  const relevant = new Set(relevantDocIds(result));
  const docOf = new Map((result.retrieval?.chunks ?? []).map((c) => [c.id, c.docId]));
  const droppedRelevant = context.dropped.filter((id) => relevant.has(docOf.get(id) ?? ''));
  const which = droppedRelevant.length > 0 ? `, including relevant ${droppedRelevant.join(', ')}` : '';
  return `${context.dropped.length} retrieved chunk(s) dropped to fit the ${context.budgetTokens}-token context budget${which}.`;
}

/** Scores quoted first when a failure has no note: the ones a reader recognises. */
const HEADLINE_SCORES = ['answer.f1', 'hallucination.rate', 'classification.accuracy', 'retrieval.ndcg@10'];
const MAX_QUOTED_SCORES = 4;

function withNotes(result: CaseResult, fallback: string): string {
  // Scorers often share one note across metrics ("declined an answerable question"); say it once.
  const byNote = new Map<string, string[]>();
  for (const [metric, note] of Object.entries(result.notes ?? {}).sort(([a], [b]) => compare(a, b)))
    byNote.set(note, [...(byNote.get(note) ?? []), metric]);
  if (byNote.size > 0)
    return [...byNote].map(([note, metrics]) => `${metrics.join(', ')}: ${note}`).join('; ');
  const rank = (metric: string): number =>
    HEADLINE_SCORES.includes(metric) ? HEADLINE_SCORES.indexOf(metric) : HEADLINE_SCORES.length;
  const quoted = Object.entries(result.scores)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .sort(([a], [b]) => rank(a) - rank(b) || compare(a, b))
    .slice(0, MAX_QUOTED_SCORES)
    .map(([metric, value]) => `${metric} ${fixed(value)}`);
  return quoted.length > 0 ? `${fallback} (${quoted.join(', ')}).` : `${fallback}.`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function confidenceClause(result: CaseResult): string {
  return result.confidence != null ? ` with confidence ${fixed(result.confidence)}` : '';
}

function fixed(value: number): string {
  return value.toFixed(3);
}
