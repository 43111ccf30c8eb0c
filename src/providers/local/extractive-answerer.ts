// Offline QA baseline: answers with the context sentence(s) that best cover the question's
// content words (IDF-weighted), citing the passage; declines when nothing covers enough.
// It is a retrieval-style extractor, not a language model, and is labelled as a baseline.
import { contentTerms } from '../../text/analyze.js';
import { splitSentences } from '../../text/sentences.js';
import type { ContextPassage } from '../language-model.js';

export const DECLINE_ANSWER = "I don't know: the provided documents do not cover this question.";

export interface ExtractiveAnswer {
  text: string;
  confidence: number;
}

interface Candidate {
  text: string;
  passageId: string;
  passageRank: number;
  position: number;
  terms: Set<string>;
  score: number;
}

export function answerFromContext(options: {
  question: string;
  passages: ContextPassage[];
  minCoverage: number;
  maxSentences?: number;
}): ExtractiveAnswer {
  const questionTerms = [...new Set(contentTerms(options.question))];
  const candidates = collectSentences(options.passages);
  if (questionTerms.length === 0 || candidates.length === 0) return { text: DECLINE_ANSWER, confidence: 0.5 };

  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms) df.set(t, (df.get(t) ?? 0) + 1);
  // Terms absent from the context carry the most weight: a question about something the
  // context never mentions should not be answered.
  const idf = (t: string): number => Math.log(1 + candidates.length / ((df.get(t) ?? 0) + 0.5));
  const totalWeight = questionTerms.reduce((sum, t) => sum + idf(t), 0);

  for (const c of candidates) {
    let covered = 0;
    for (const t of questionTerms) if (c.terms.has(t)) covered += idf(t);
    // A small prior for higher-ranked passages and earlier sentences breaks near-ties.
    c.score = covered / totalWeight + 0.03 / (c.passageRank + 1) + 0.01 / (c.position + 1);
  }
  const ranked = candidates
    .slice()
    .sort((a, b) => b.score - a.score || a.passageRank - b.passageRank || a.position - b.position);
  const best = ranked[0];
  const coverage = Math.min(1, best.score);
  if (coverage < options.minCoverage) return { text: DECLINE_ANSWER, confidence: round(1 - coverage) };

  const picked = [best];
  const next = candidates.find((c) => c.passageId === best.passageId && c.position === best.position + 1);
  // Procedural answers often continue in the next sentence; include it when it is on topic.
  if ((options.maxSentences ?? 2) > 1 && next && next.score >= 0.5 * best.score && next.text.length < 400)
    picked.push(next);
  const text = picked.map((c) => `${c.text} [${c.passageId}]`).join(' ');
  return { text, confidence: round(coverage) };
}

function collectSentences(passages: ContextPassage[]): Candidate[] {
  const out: Candidate[] = [];
  passages.forEach((passage, rank) => {
    let position = 0;
    for (const raw of splitSentences(passage.text)) {
      if (/^#{1,6}\s/.test(raw)) continue; // headings are labels, not answers
      const text = raw
        .replace(/\*\*|__|`/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const terms = new Set(contentTerms(text));
      if (terms.size < 2) continue;
      out.push({ text, passageId: passage.id, passageRank: rank, position: position++, terms, score: 0 });
    }
  });
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
