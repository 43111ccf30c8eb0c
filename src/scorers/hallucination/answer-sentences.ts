// An answer split into the sentences the support and citation checks look at: citation markers
// are pulled out (kept per sentence), decline sentences and sentences with no content terms
// ("Here it is.") are skipped.
import { splitSentences } from '../../text/sentences.js';
import { containsDeclinePhrase, isDeclineSentences } from '../answer/decline.js';
import { findCitationMarkers, stripCitationMarkers } from '../citation-markers.js';
import { isPleasantry } from './claim-cues.js';
import { analyzeSentence, type SentenceEvidence } from './sentence-evidence.js';

export interface AnswerSentence {
  /** The sentence without its markers. */
  text: string;
  /** Cited passage ids, in order. */
  markers: string[];
  evidence: SentenceEvidence;
}

export interface AnswerAnalysis {
  declined: boolean;
  sentences: AnswerSentence[];
}

let last: { answer: string; phrases: readonly string[] | undefined; analysis: AnswerAnalysis } | undefined;

export function analyzeAnswer(answer: string, declinePhrases?: readonly string[]): AnswerAnalysis {
  // The hallucination and citation scorers read the same answer back to back; analyse it once.
  if (last && last.answer === answer && last.phrases === declinePhrases) return last.analysis;
  const raw = splitSentences(answer);
  const declined = isDeclineSentences(raw, declinePhrases);
  const sentences: AnswerSentence[] = [];
  if (!declined) {
    for (const text of raw) {
      const stripped = stripCitationMarkers(text);
      if (!stripped || containsDeclinePhrase(stripped, declinePhrases) || isPleasantry(stripped)) continue;
      const evidence = analyzeSentence(stripped);
      if (evidence.terms.length === 0) continue;
      sentences.push({ text: stripped, markers: findCitationMarkers(text), evidence });
    }
  }
  const analysis = { declined, sentences };
  last = { answer, phrases: declinePhrases, analysis };
  return analysis;
}
