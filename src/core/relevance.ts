// Relevance judgements (qrels): document id → grade. A document is relevant when its grade is
// > 0 (trec_eval's convention); a document missing from the judgements is not relevant. The one
// home of that rule, read by the ranking metrics, context relevance, failure attribution and
// error analysis.

export type RelevanceJudgements = Readonly<Record<string, number>>;

export function isRelevantGrade(grade: number): boolean {
  return grade > 0;
}

/** The document's grade, 0 when it was not judged (negative grades count as 0, as trec_eval). */
export function gradeOf(judgements: RelevanceJudgements, docId: string): number {
  const grade = Object.hasOwn(judgements, docId) ? judgements[docId] : 0;
  return Math.max(grade, 0);
}

export function isRelevant(judgements: RelevanceJudgements, docId: string): boolean {
  return isRelevantGrade(gradeOf(judgements, docId));
}

/** The relevant document ids, in the judgements' own order. */
export function relevantDocIds(judgements: RelevanceJudgements): string[] {
  return Object.keys(judgements).filter((docId) => isRelevantGrade(judgements[docId]));
}

export function relevantCount(judgements: RelevanceJudgements): number {
  return relevantDocIds(judgements).length;
}
