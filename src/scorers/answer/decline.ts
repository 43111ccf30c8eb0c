// Did the model decline to answer? A text declines when its first sentence contains a decline
// phrase ("I don't know", "not covered", …) or when nothing but markers/whitespace is left.
// Answers that first answer and then add a caveat ("… I can't find the exchange policy.") are
// answers, not declines; the caveat sentence alone is a decline sentence (ignored by support checks).
import { splitSentences } from '../../text/sentences.js';
import { stripCitationMarkers } from '../citation-markers.js';

export const DEFAULT_DECLINE_PHRASES: readonly string[] = [
  "i don't know",
  'i do not know',
  "i'm not sure",
  'i am not sure',
  'not covered',
  "i can't find",
  'i cannot find',
  "i couldn't find",
  'i could not find',
  'i was unable to find',
  'unable to find',
  'no information',
  'not enough information',
  'insufficient information',
  "can't answer",
  'cannot answer',
  'unable to answer',
  'not mentioned',
  "doesn't mention",
  'does not mention',
  "doesn't say",
  'does not say',
  'not in the context',
  'not in the provided',
  'no relevant',
];

function normalizePhraseText(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
}

/** True when the sentence contains any decline phrase (case- and apostrophe-insensitive). */
export function containsDeclinePhrase(
  sentence: string,
  phrases: readonly string[] = DEFAULT_DECLINE_PHRASES,
): boolean {
  const text = normalizePhraseText(sentence);
  return normalizedPhrases(phrases).some((phrase) => text.includes(phrase));
}

// Phrase lists come from the config and live for the whole run: normalise each list once.
const normalizedLists = new WeakMap<readonly string[], string[]>();
function normalizedPhrases(phrases: readonly string[]): string[] {
  let normalized = normalizedLists.get(phrases);
  if (!normalized) {
    normalized = phrases.map(normalizePhraseText);
    normalizedLists.set(phrases, normalized);
  }
  return normalized;
}

export function isDecline(text: string, phrases: readonly string[] = DEFAULT_DECLINE_PHRASES): boolean {
  return isDeclineSentences(splitSentences(text), phrases);
}

/** isDecline for an answer already split into sentences (markers may still be in them). */
export function isDeclineSentences(
  sentences: readonly string[],
  phrases: readonly string[] = DEFAULT_DECLINE_PHRASES,
): boolean {
  for (const sentence of sentences) {
    const stripped = stripCitationMarkers(sentence);
    if (stripped) return containsDeclinePhrase(stripped, phrases);
  }
  return true;
}
