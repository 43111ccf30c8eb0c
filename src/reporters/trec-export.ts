// TREC run and qrels files from results. Topic ids are `<suite>/<case id>`. Scores are written
// as a strictly decreasing function of our rank, because trec_eval re-sorts by score (and
// breaks ties by document id), and the file must reproduce the ranking we scored.
import type { CaseResult } from '../run/types.js';

function retrievalCases(results: readonly CaseResult[]): CaseResult[] {
  const seen = new Set<string>();
  const out: CaseResult[] = [];
  for (const r of results) {
    const topic = `${r.suite}/${r.caseId}`;
    if (!r.retrieval || !r.relevantDocs || seen.has(topic) || Object.keys(r.relevantDocs).length === 0)
      continue;
    seen.add(topic);
    out.push(r);
  }
  return out;
}

export function renderTrecRun(results: readonly CaseResult[], runTag: string): string {
  const lines: string[] = [];
  for (const r of retrievalCases(results)) {
    const docs = r.retrieval!.docs;
    docs.forEach((doc, i) =>
      lines.push(`${r.suite}/${r.caseId} Q0 ${doc} ${i + 1} ${docs.length - i} ${runTag}`),
    );
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function renderTrecQrels(results: readonly CaseResult[]): string {
  const lines: string[] = [];
  for (const r of retrievalCases(results)) {
    for (const [doc, grade] of Object.entries(r.relevantDocs!).sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`${r.suite}/${r.caseId} 0 ${doc} ${grade}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
